package org.corsgen.runtime.spi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The origins a policy lists: exact origins and patterns, fixed when the policy is
 * built. Matching allocates nothing. Up to {@value #MAX_SCANNED} exact origins are compared one by
 * one ({@code String.equals} rejects on length or the first differing byte, cheaper than hashing
 * the request's new {@code Origin} string); more go into an open-addressing table that keeps each
 * origin's hash, so a look-up costs one hash and usually one {@code equals} however long the list
 * is. Patterns likewise: up to {@value #MAX_SCANNED} each cost an {@code endsWith} (and the
 * rest of {@link OriginPatterns#matchesSubdomain} only when the suffix matches); more go into a
 * table keyed by each suffix's length and first label, which one pass over the origin's host
 * looks up at every dot, whatever the number of patterns. Port wildcards
 * ({@code http://localhost:*}, {@code https://*.example.com:*}) are tried one by one, after
 * everything else: they are for the few origins of development servers, whose ports change.
 *
 * <p>The lists are data rather than generated code on purpose: a generated matcher method per
 * policy, with its method reference, was the largest part of the time {@code javac} spent on
 * generated classes, and one shared loop stays compiled and inlined however many policies an
 * application has.
 */
public final class OriginSet implements CorsPolicy.OriginMatcher {

  /** Exact origins, or patterns, tried one by one; past this many, hashed. */
  static final int MAX_SCANNED = 4;

  /** The exact origins when there are few; otherwise empty. */
  private final String[] scanned;
  /** Open-addressing table of the exact origins when there are many, a power of two long. */
  private final String[] table;
  private final int[] hashes;
  /** 32 minus the table's size in bits: a slot is the top bits of the scrambled hash. */
  private final int shift;
  /** The patterns when there are few, split where the {@code *} stands; otherwise empty. */
  private final String[] scannedSchemes;
  private final String[] scannedSuffixes;
  /**
   * Open-addressing table of the patterns when there are many: suffixes under their
   * {@linkplain #key keys}, each with its scheme beside it.
   */
  private final String[] suffixes;
  private final String[] schemes;
  private final int[] suffixHashes;
  private final int suffixShift;
  /** Hosts allowed on any port, each as its origin without a port: {@code http://localhost}. */
  private final String[] anyPortHosts;
  /** Subdomain patterns allowed on any port, split as the others are. */
  private final String[] anyPortSchemes;
  private final String[] anyPortSuffixes;
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
      int size = tableSize(exact.length);
      this.shift = shiftFor(size);
      this.table = new String[size];
      this.hashes = new int[size];
      for (String origin : exact) {
        int hash = origin.hashCode();
        int slot = freeSlot(table, hash, shift);
        table[slot] = origin;
        hashes[slot] = hash;
      }
    }
    int patterns = builder.suffixes.size();
    boolean few = patterns <= MAX_SCANNED;
    this.scannedSchemes = few ? builder.schemes.toArray(new String[0]) : new String[0];
    this.scannedSuffixes = few ? builder.suffixes.toArray(new String[0]) : new String[0];
    int size = few ? 0 : tableSize(patterns);
    this.suffixShift = few ? 0 : shiftFor(size);
    this.suffixes = new String[size];
    this.schemes = new String[size];
    this.suffixHashes = new int[size];
    for (int i = 0; !few && i < patterns; i++) {
      String suffix = builder.suffixes.get(i);
      int key = key(suffix);
      int slot = freeSlot(suffixes, key, suffixShift);
      suffixes[slot] = suffix;
      schemes[slot] = builder.schemes.get(i);
      suffixHashes[slot] = key;
    }
    this.anyPortHosts = builder.anyPortHosts.toArray(new String[0]);
    this.anyPortSchemes = builder.anyPortSchemes.toArray(new String[0]);
    this.anyPortSuffixes = builder.anyPortSuffixes.toArray(new String[0]);
    StringJoiner list = new StringJoiner(", ");
    builder.exact.forEach(list::add);
    builder.patterns.forEach(list::add);
    this.declared = list.toString();
  }

  /**
   * A power of two at least twice {@code entries}: tables are at most half full, so that a miss
   * ends after a probe or two.
   */
  private static int tableSize(int entries) {
    return Integer.highestOneBit(entries * 4 - 1);
  }

  /** 32 minus the size's bits: a slot is then the top bits of the scrambled hash. */
  private static int shiftFor(int size) {
    return 32 - Integer.numberOfTrailingZeros(size);
  }

  /** The first empty slot for {@code hash}, probing linearly; the table has room. */
  private static int freeSlot(String[] table, int hash, int shift) {
    int slot = slot(hash, shift);
    while (table[slot] != null) {
      slot = (slot + 1) & (table.length - 1);
    }
    return slot;
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
    String[] scannedSuffixes = this.scannedSuffixes;
    for (int i = 0; i < scannedSuffixes.length; i++) {
      // The suffix first: it is what tells patterns apart, so most are rejected on it alone.
      String suffix = scannedSuffixes[i];
      if (origin.endsWith(suffix) && OriginPatterns.hasSubdomainHost(origin, scannedSchemes[i],
          origin.length() - suffix.length())) {
        return true;
      }
    }
    if (suffixes.length > 0 && inSuffixTable(origin)) {
      return true;
    }
    return (anyPortHosts.length > 0 || anyPortSuffixes.length > 0) && matchesOnAnyPort(origin);
  }

  private boolean matchesOnAnyPort(String origin) {
    for (String host : anyPortHosts) {
      if (OriginPatterns.matchesHostOnAnyPort(origin, host)) {
        return true;
      }
    }
    if (anyPortSuffixes.length == 0) {
      return false;
    }
    int hostEnd = OriginPatterns.hostEndBeforeAnyPort(origin);
    for (int i = 0; i < anyPortSuffixes.length; i++) {
      if (OriginPatterns.matchesSubdomainEndingAt(origin, anyPortSchemes[i], anyPortSuffixes[i],
          hostEnd)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Looks up, for every dot inside the host of {@code origin}, the suffix that starts there, in
   * one pass from the host's end: a suffix's key is its length and its first label, so each
   * character is read once and the cost depends on the origin, not on how many patterns there are.
   */
  private boolean inSuffixTable(String origin) {
    // A subdomain needs at least one character between "://" and the suffix's dot.
    int hostStart = origin.indexOf(':') + 3;
    if (hostStart < 3) {
      return false;
    }
    int length = origin.length();
    int port = origin.indexOf(':', hostStart);
    int mask = suffixes.length - 1;
    int label = 0;
    for (int i = (port < 0 ? length : port) - 1; i > hostStart; i--) {
      char c = origin.charAt(i);
      label = Integer.rotateLeft(label, 5) ^ c;
      if (c != '.') {
        continue;
      }
      int key = label ^ (length - i) * 0x9E3779B9;
      for (int slot = slot(key, suffixShift); suffixes[slot] != null; slot = (slot + 1) & mask) {
        if (suffixHashes[slot] == key && matchesAt(origin, i, suffixes[slot], schemes[slot])) {
          return true;
        }
      }
      label = 0;
    }
    return false;
  }

  /**
   * The key {@link #inSuffixTable} computes for the suffix starting at a dot: its first label,
   * dot included, read from its end, mixed with the suffix's length.
   */
  private static int key(String suffix) {
    int labelEnd = 1;
    while (labelEnd < suffix.length() && suffix.charAt(labelEnd) != '.'
        && suffix.charAt(labelEnd) != ':') {
      labelEnd++;
    }
    int label = 0;
    for (int i = labelEnd - 1; i >= 0; i--) {
      label = Integer.rotateLeft(label, 5) ^ suffix.charAt(i);
    }
    return label ^ suffix.length() * 0x9E3779B9;
  }

  /**
   * Whether {@code origin} is {@code scheme}, then a subdomain host, then {@code suffix} at
   * {@code at}.
   */
  private static boolean matchesAt(String origin, int at, String suffix, String scheme) {
    return suffix.length() == origin.length() - at
        && origin.regionMatches(at, suffix, 0, suffix.length())
        && OriginPatterns.hasSubdomainHost(origin, scheme, at);
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
    return scanned.length == 0 && table.length == 0 && scannedSuffixes.length == 0
        && suffixes.length == 0 && anyPortHosts.length == 0 && anyPortSuffixes.length == 0;
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
    private final List<String> anyPortHosts = new ArrayList<>();
    private final List<String> anyPortSchemes = new ArrayList<>();
    private final List<String> anyPortSuffixes = new ArrayList<>();
    /** Every pattern as written, in the order added. */
    private final Set<String> patterns = new LinkedHashSet<>();

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
      if (patterns.add(Objects.requireNonNull(scheme) + "*" + suffix)) {
        schemes.add(scheme);
        suffixes.add(suffix);
      }
      return this;
    }

    /**
     * Adds a host on any port, the default one included: {@code http://localhost:*} is
     * {@code hostOnAnyPort("http://", "localhost")}.
     */
    public Builder hostOnAnyPort(String scheme, String host) {
      if (host.isEmpty() || host.startsWith(".") || hasPort(host)) {
        throw new IllegalArgumentException("not a host without port: " + host);
      }
      if (patterns.add(Objects.requireNonNull(scheme) + host + ":*")) {
        anyPortHosts.add(scheme + host);
      }
      return this;
    }

    /**
     * Adds a subdomain pattern on any port, the default one included, split where its
     * {@code *} stands: {@code https://*.example.com:*} is
     * {@code subdomainsOnAnyPort("https://", ".example.com")}.
     */
    public Builder subdomainsOnAnyPort(String scheme, String suffix) {
      if (!suffix.startsWith(".") || hasPort(suffix)) {
        throw new IllegalArgumentException("not a suffix that starts with '.', without port: "
            + suffix);
      }
      if (patterns.add(Objects.requireNonNull(scheme) + "*" + suffix + ":*")) {
        anyPortSchemes.add(scheme);
        anyPortSuffixes.add(suffix);
      }
      return this;
    }

    /** Whether a colon follows the host, past the brackets of an IPv6 address. */
    private static boolean hasPort(String host) {
      return host.indexOf(':', host.startsWith("[") ? host.indexOf(']') + 1 : 0) >= 0;
    }

    public OriginSet build() {
      return new OriginSet(this);
    }
  }
}
