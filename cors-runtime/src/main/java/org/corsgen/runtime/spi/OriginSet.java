package org.corsgen.runtime.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The origins a policy lists: exact origins and subdomain patterns, fixed when the policy is
 * built. Matching allocates nothing. Up to {@value #MAX_SCANNED} exact origins are compared one by
 * one ({@code String.equals} rejects on length or the first differing byte, cheaper than hashing
 * the request's new {@code Origin} string); more go into an open-addressing table that keeps each
 * origin's hash, so a look-up costs one hash and usually one {@code equals} however long the list
 * is. Each pattern costs an {@code endsWith}, and the rest of the check of
 * {@link OriginPatterns#matchesSubdomain} only when its suffix matches.
 *
 * <p>The lists are data rather than generated code on purpose: a generated matcher method per
 * policy, with its method reference, was the largest part of the time {@code javac} spent on
 * generated classes, and one shared loop stays compiled and inlined however many policies an
 * application has.
 */
public final class OriginSet implements CorsPolicy.OriginMatcher {

  /** Exact origins compared one by one; past this many, hashed. */
  static final int MAX_SCANNED = 4;

  /** The exact origins when there are few; otherwise empty. */
  private final String[] scanned;
  /** Open-addressing table of the exact origins when there are many, a power of two long. */
  private final String[] table;
  private final int[] hashes;
  /** 32 minus the table's size in bits: a slot is the top bits of the scrambled hash. */
  private final int shift;
  private final String[] schemes;
  private final String[] suffixes;
  private final String declared;

  private OriginSet(Builder builder) {
    String[] exact = builder.exact.toArray(new String[0]);
    if (exact.length <= MAX_SCANNED) {
      this.scanned = exact;
      this.table = new String[0];
      this.hashes = new int[0];
      this.shift = 0;
    } else {
      this.scanned = new String[0];
      // At most half full, so that a miss ends after a probe or two.
      int size = Integer.highestOneBit(exact.length * 4 - 1);
      this.shift = 32 - Integer.numberOfTrailingZeros(size);
      this.table = new String[size];
      this.hashes = new int[size];
      for (String origin : exact) {
        int hash = origin.hashCode();
        int slot = slot(hash, shift);
        while (table[slot] != null) {
          slot = (slot + 1) & (size - 1);
        }
        table[slot] = origin;
        hashes[slot] = hash;
      }
    }
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

  /**
   * Fibonacci hashing: origins differ in a few characters mid-string, so their {@code String}
   * hashes differ in a few low bits; multiplying by the golden ratio and keeping the top bits
   * spreads them over the whole table rather than into runs that linear probing must walk.
   */
  private static int slot(int hash, int shift) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  @Override
  public boolean matches(String origin) {
    for (String exact : scanned) {
      if (exact.equals(origin)) {
        return true;
      }
    }
    if (table.length > 0 && inTable(origin)) {
      return true;
    }
    String[] suffixes = this.suffixes;
    for (int i = 0; i < suffixes.length; i++) {
      // The suffix first: it is what tells patterns apart, so most are rejected on it alone.
      String suffix = suffixes[i];
      if (origin.endsWith(suffix) && OriginPatterns.hasSubdomainHost(origin, schemes[i],
          origin.length() - suffix.length())) {
        return true;
      }
    }
    return false;
  }

  private boolean inTable(String origin) {
    int hash = origin.hashCode();
    int mask = table.length - 1;
    for (int slot = slot(hash, shift); table[slot] != null; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash && table[slot].equals(origin)) {
        return true;
      }
    }
    return false;
  }

  /** Whether it lists nothing, and so matches nothing. */
  public boolean isEmpty() {
    return scanned.length == 0 && table.length == 0 && suffixes.length == 0;
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
