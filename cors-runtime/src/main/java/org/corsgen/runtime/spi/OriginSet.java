package org.corsgen.runtime.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The origins a policy lists: exact origins and subdomain patterns, fixed when the policy is
 * built. Matching allocates nothing: an exact origin is an immutable-set look-up (an
 * {@code equals} for one or two origins, a hash probe for more), so its cost does not grow with
 * the list; each pattern costs an {@code endsWith} and, only when that matches, the full check of
 * {@link OriginPatterns#matchesSubdomain}.
 *
 * <p>The lists are data rather than generated code on purpose: a generated matcher method per
 * policy, with its method reference, was the largest part of the time {@code javac} spent on
 * generated classes, and one shared loop stays compiled and inlined however many policies an
 * application has.
 */
public final class OriginSet implements CorsPolicy.OriginMatcher {

  private final Set<String> exact;
  private final String[] schemes;
  private final String[] suffixes;
  private final String declared;

  private OriginSet(Builder builder) {
    this.exact = Set.copyOf(builder.exact);
    this.schemes = builder.schemes.toArray(new String[0]);
    this.suffixes = builder.suffixes.toArray(new String[0]);
    StringJoiner list = new StringJoiner(", ");
    builder.exact.forEach(list::add);
    for (int i = 0; i < schemes.length; i++) {
      list.add(schemes[i] + "*" + suffixes[i]);
    }
    this.declared = list.toString();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean matches(String origin) {
    if (exact.contains(origin)) {
      return true;
    }
    for (int i = 0; i < suffixes.length; i++) {
      if (origin.endsWith(suffixes[i])
          && OriginPatterns.matchesSubdomain(origin, schemes[i], suffixes[i])) {
        return true;
      }
    }
    return false;
  }

  /** Whether it lists nothing, and so matches nothing. */
  public boolean isEmpty() {
    return exact.isEmpty() && suffixes.length == 0;
  }

  /** The exact origins, then the patterns, as written: {@code https://a.com, https://*.b.com}. */
  @Override
  public String toString() {
    return declared;
  }

  /** Collects the origins of one set; duplicates are kept once. */
  public static final class Builder {
    private final Set<String> exact = new LinkedHashSet<>();
    private final List<String> schemes = new ArrayList<>();
    private final List<String> suffixes = new ArrayList<>();

    private Builder() {}

    /** Adds serialized origins such as {@code https://app.example.com}, matched exactly. */
    public Builder exact(String... origins) {
      for (String origin : origins) {
        exact.add(Objects.requireNonNull(origin));
      }
      return this;
    }

    /**
     * Adds a subdomain pattern, split where its {@code *} stands: {@code https://*.example.com}
     * is scheme {@code "https://"} and suffix {@code ".example.com"}.
     */
    public Builder subdomains(String scheme, String suffix) {
      if (!suffix.startsWith(".")) {
        throw new IllegalArgumentException("a pattern's suffix starts with '.': " + suffix);
      }
      schemes.add(Objects.requireNonNull(scheme));
      suffixes.add(suffix);
      return this;
    }

    public OriginSet build() {
      return new OriginSet(this);
    }
  }
}
