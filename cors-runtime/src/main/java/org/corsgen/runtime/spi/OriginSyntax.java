package org.corsgen.runtime.spi;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Parses one allowed-origin entry against the form browsers give the {@code Origin} header (the
 * HTML standard's "ASCII serialization of an origin"): {@code scheme://host[:port]}, lower case,
 * punycode, no default port, no path.
 *
 * <p>The single implementation of these rules: the processor applies it to {@code @Cors} literals
 * at compile time (its jar carries a relocated copy of this class), and the runtime to origins
 * that come from configuration at start-up. Pure string work, no dependencies.
 */
public final class OriginSyntax {

  /** What one entry is. */
  public sealed interface Entry permits AnyOrigin, Exact, Pattern, Invalid {}

  /** {@code "*"}. */
  public record AnyOrigin() implements Entry {}

  /**
   * Top-level names no one can register under: reserved by RFC 6761 ({@code localhost},
   * {@code test}, {@code example}, {@code invalid}) and RFC 6762 ({@code local}), reserved by
   * ICANN for private use ({@code internal}), or never to be delegated for the collisions they
   * would cause ({@code home}, {@code corp}, {@code lan}).
   */
  public static final Set<String> PRIVATE_USE_TOP_LEVEL_NAMES = Set.of("localhost", "test",
      "example", "invalid", "local", "internal", "home", "corp", "lan");

  /** A serialized origin, compared byte for byte. */
  public record Exact(String origin) implements Entry {}

  /**
   * An origin pattern. A subdomain pattern, whose {@code suffix} starts with {@code .}: an
   * origin matches when it is {@code scheme}, then one or more DNS labels, then {@code suffix}
   * ({@code "https://"} and {@code ".example.com"} for {@code https://*.example.com}). Or a port
   * wildcard, {@code anyPort}: the suffix then has no port, and any port or none may follow it;
   * without a leading {@code .} it is a host ({@code "http://"} and {@code "localhost"} for
   * {@code http://localhost:*}).
   */
  public record Pattern(String scheme, String suffix, boolean anyPort) implements Entry {
    public Pattern {
      if (!anyPort && !suffix.startsWith(".")) {
        throw new IllegalArgumentException("neither subdomains nor any port: " + suffix);
      }
    }

    /** A subdomain pattern with the port, if any, in its suffix. */
    public Pattern(String scheme, String suffix) {
      this(scheme, suffix, false);
    }

    /** Whether a {@code *.} label stands for one or more labels before the suffix. */
    public boolean subdomains() {
      return suffix.startsWith(".");
    }

    /**
     * The host whose subdomains the pattern covers ({@code example.com}), or the host a port
     * wildcard is for ({@code localhost}).
     */
    public String parentHost() {
      return hostOf(subdomains() ? suffix.substring(1) : suffix);
    }

    /**
     * Whether the subdomain pattern sits directly over a top-level name, as {@code https://*.com}
     * does (never so for a host on any port):
     * anyone can register under a top-level domain, and any name can become one, except those
     * kept for private use ({@link #PRIVATE_USE_TOP_LEVEL_NAMES}). Decidable without the Public
     * Suffix List, so the runtime applies it to configured origins too.
     */
    public boolean overTopLevelName() {
      String parent = parentHost();
      return subdomains() && parent.indexOf('.') < 0
          && !PRIVATE_USE_TOP_LEVEL_NAMES.contains(parent);
    }

    /**
     * The pattern a refusal of this subdomain pattern suggests: the same with a domain of one's
     * own in front of the public suffix, {@code https://*.example.co.uk} for
     * {@code https://*.co.uk}.
     *
     * @throws IllegalStateException for a host on any port, which has no subdomains
     */
    public String overOwnDomain() {
      if (!subdomains()) {
        throw new IllegalStateException("no subdomain pattern: " + this);
      }
      return scheme + "*.example." + suffix.substring(1) + (anyPort ? PORT_WILDCARD : "");
    }

    @Override
    public String toString() {
      return scheme + (subdomains() ? "*" : "") + suffix + (anyPort ? PORT_WILDCARD : "");
    }
  }

  /** Why an entry can never match what a browser sends. */
  public enum Problem {
    /** Empty or blank. */
    BLANK,
    /** {@code "null"}: sent by sandboxed iframes, {@code file:} pages and redirects. */
    NULL,
    /** A {@code file:} URL, which browsers never send. */
    FILE_SCHEME,
    /** No {@code scheme://}. */
    NO_SCHEME,
    /** A non-ASCII host that has a punycode form browsers are known to send. */
    NOT_PUNYCODE,
    /** Not a serialized origin; {@link Invalid#detail()} says why. */
    MALFORMED,
    /**
     * Several origins in one string, separated by commas or white space; {@link Invalid#fix()}
     * lists them as an array initializer,
     * {@code {"https://a.example.com", "https://b.example.com"}}.
     */
    JOINED,
    /** A wildcard other than one leading {@code *.} label in the host or {@code :*} port. */
    BAD_WILDCARD,
    /**
     * Never a page's origin, so no browser sends it as an {@code Origin}: a scheme no page is
     * loaded from ({@code ws:}, {@code ftp:}), a URL without a host of its own ({@code data:},
     * {@code blob:}), or one of Fetch's bad ports; {@link Invalid#detail()} says why.
     */
    NOT_A_PAGE
  }

  /**
   * An entry that no browser's {@code Origin} would ever equal.
   *
   * @param problem the kind of problem
   * @param detail what exactly is wrong, such as {@code it ends with a slash}; empty when the
   *     problem says it all
   * @param fix the serialized origin the entry most likely meant, when there is one
   */
  public record Invalid(Problem problem, String detail, Optional<String> fix) implements Entry {}

  private static final String SEPARATOR = "://";

  /** What stands for any port, the default one included. */
  private static final String PORT_WILDCARD = ":*";

  /** What separates the origins of a list written as one string, a mistake the parser names. */
  private static final String LIST_SEPARATORS = "[,;|\\s]+";

  /** Schemes of URLs that have no host, with why none is an origin a browser sends. */
  private static final Map<String, String> HOSTLESS_SCHEMES = Map.of(
      "data", "a data: URL's page has an opaque origin, which browsers send as \"null\"",
      "about", "an about: page has the origin of the page that opened it, or \"null\"",
      "javascript", "a javascript: URL runs in the page it was opened from, whose origin"
          + " browsers send",
      "mailto", "a mailto: URL is an e-mail address, not a page",
      "tel", "a tel: URL is a telephone number, not a page");

  /** Schemes of URLs that are never a page's, with the reason. */
  private static final Map<String, String> PAGELESS_SCHEMES = Map.of(
      "ws", "a WebSocket URL is what a page connects to; its Origin is the http(s) origin the page"
          + " was loaded from",
      "wss", "a WebSocket URL is what a page connects to; its Origin is the http(s) origin the"
          + " page was loaded from",
      "ftp", "browsers no longer load pages over ftp");

  /**
   * Fetch's bad ports ("port blocking"): browsers refuse every http(s) request to them, the
   * loading of a page included, so no page has an origin on one.
   */
  private static final Set<Integer> BAD_PORTS = Set.of(1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22,
      23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117,
      119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531,
      532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
      3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080);

  /**
   * ß, ς, ZWJ and ZWNJ: the characters that {@link IDN} (IDNA 2003) maps differently from
   * browsers (UTS #46 nontransitional processing), so no punycode form is suggested for them.
   */
  private static final String IDNA_DEVIATIONS = "\u00DF\u03C2\u200D\u200C";

  /** What IDNA reads as a label separator: the full stop and its ideographic forms. */
  private static final String IDNA_DOTS = ".\u3002\uFF0E\uFF61";
  private static final String HANGUL_FILLERS = "\u115F\u1160\u3164\uFFA0";
  private static final int DOTLESS_I = 0x0131;

  /** RFC 5893: the bidirectional classes either kind of label may have besides its letters. */
  private static final String BIDI_NEUTRALS_AND_NUMBERS = directions(
      Character.DIRECTIONALITY_EUROPEAN_NUMBER, Character.DIRECTIONALITY_EUROPEAN_NUMBER_SEPARATOR,
      Character.DIRECTIONALITY_COMMON_NUMBER_SEPARATOR,
      Character.DIRECTIONALITY_EUROPEAN_NUMBER_TERMINATOR, Character.DIRECTIONALITY_OTHER_NEUTRALS,
      Character.DIRECTIONALITY_BOUNDARY_NEUTRAL, Character.DIRECTIONALITY_NONSPACING_MARK);
  /** What a right-to-left label may have, and may end in. */
  private static final String BIDI_RIGHT_TO_LEFT = directions(
      Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
      Character.DIRECTIONALITY_ARABIC_NUMBER) + BIDI_NEUTRALS_AND_NUMBERS;
  private static final String BIDI_RIGHT_TO_LEFT_ENDS = directions(
      Character.DIRECTIONALITY_RIGHT_TO_LEFT, Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC,
      Character.DIRECTIONALITY_EUROPEAN_NUMBER, Character.DIRECTIONALITY_ARABIC_NUMBER);
  /** The same for a left-to-right label of a domain name with right-to-left labels. */
  private static final String BIDI_LEFT_TO_RIGHT =
      directions(Character.DIRECTIONALITY_LEFT_TO_RIGHT) + BIDI_NEUTRALS_AND_NUMBERS;
  private static final String BIDI_LEFT_TO_RIGHT_ENDS = directions(
      Character.DIRECTIONALITY_LEFT_TO_RIGHT, Character.DIRECTIONALITY_EUROPEAN_NUMBER);

  // Compiled once: the processor parses every origin of every @Cors, and String.matches compiling
  // its regular expression anew on each call was most of the time parsing took in a profile.
  private static final Predicate<String> URL_SCHEME = whole("[A-Za-z][A-Za-z0-9+.-]*");
  /** {@code https:/host}, {@code https//host}, {@code https:host}, but not {@code http:8080}. */
  private static final java.util.regex.Pattern MISTYPED_SEPARATOR =
      java.util.regex.Pattern.compile("(?i)(https?)(?::/|//|:(?![0-9]))(.*)");
  private static final Predicate<String> SCHEME_AND_PORT = whole("(?i)https?:[0-9]+/?");
  /** What can follow {@code https://} as a host, with a port, a slash or a wildcard label. */
  private static final Predicate<String> HOST_AND_PORT = whole("[\\p{L}\\p{N}*._\\[\\]:-]+/?");
  private static final Predicate<String> HOST_NAME_CHARS = whole("[a-z0-9*_.-]+");
  /** What ends a URL's authority. */
  private static final String PATH_STARTS = "/?#";
  /**
   * The same in a URL of a scheme browsers read a backslash as a slash in: the URL standard's
   * special schemes that pages come from, and Chromium's extensions, which it parses alike.
   */
  private static final String PATH_STARTS_OR_BACKSLASH = "/?#\\";
  private static final Set<String> BACKSLASH_IS_SLASH = Set.of("http", "https",
      "chrome-extension");
  private static final Predicate<String> BRACKETED_IPV6_CHARS = whole("\\[[0-9a-f:.]+]");
  private static final Predicate<String> PORT = whole(":[0-9]{1,5}");
  /**
   * What is left of {@code host:8080:*} once the last port is cut off: a host with ports, or port
   * wildcards, of its own. (An IPv6 address without brackets is told apart before.)
   */
  private static final Predicate<String> EXTRA_PORTS = whole("[^:\\[\\]]+(:[0-9*]{1,5})+");
  /** What other libraries write for any origin, which corsgen writes {@code "*"}. */
  private static final Set<String> ANY_ORIGIN_SPELLINGS = Set.of("*:*", "*://*", "*://*:*");
  private static final Predicate<String> PORT_AND_SLASH = whole(":[0-9]+/?");
  private static final Predicate<String> LOOPBACK_IPV4 =
      whole("127\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}");
  private static final Predicate<String> HEX_NUMBER = whole("0[xX][0-9a-fA-F]*");
  private static final Predicate<String> DOTTED_IPV4 =
      whole("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
  private static final Predicate<String> IPV6_PIECE = whole("[0-9a-f]{1,4}");

  private OriginSyntax() {}

  /** Whether a whole string matches {@code regex}. */
  private static Predicate<String> whole(String regex) {
    return java.util.regex.Pattern.compile(regex).asMatchPredicate();
  }

  /**
   * The array initializer that lists {@code items} as valid origins, each corrected where it has
   * one correction; empty when an item has none, or is {@code *}, which cannot stand beside
   * others.
   */
  private static Optional<String> asArray(String[] items) {
    StringJoiner array = new StringJoiner("\", \"", "{\"", "\"}");
    for (String item : items) {
      Entry parsed = parse(item);
      if (parsed instanceof Invalid invalid && invalid.fix().isPresent()) {
        parsed = parse(invalid.fix().get());
      }
      if (parsed instanceof Exact exact) {
        array.add(exact.origin());
      } else if (parsed instanceof Pattern pattern) {
        array.add(pattern.toString());
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(array.toString());
  }

  /**
   * The schemes whose URLs are no page's origin, {@link #PAGELESS_SCHEMES} and {@code file}
   * (whose pages' Origin is {@code null}), for a look-up that allocates nothing.
   */
  private static final String[] NOT_PAGE_SCHEMES = Stream.concat(
      PAGELESS_SCHEMES.keySet().stream(), Stream.of("file")).sorted().toArray(String[]::new);

  /** {@link #BAD_PORTS} sorted, for a look-up that boxes nothing. */
  private static final int[] SORTED_BAD_PORTS =
      BAD_PORTS.stream().mapToInt(Integer::intValue).sorted().toArray();

  /**
   * Whether {@code origin} is, as it stands, a serialized origin a page can have: one that
   * {@link #parse} reads as an {@link Exact} origin equal to it. For a request's {@code Origin}
   * at run time: the usual form (a lower-case host name whose last label is no number, a port as
   * browsers write it) is told in one pass that allocates nothing, anything else by
   * {@link #parse}, but for what has characters no serialized origin has (commas, upper case,
   * spaces, anything not ASCII), refused first: the parser's advice for such input is work no
   * request needs.
   */
  public static boolean isSerializedOrigin(String origin) {
    return isPlainOrigin(origin) || hasOnlyOriginCharacters(origin)
        && parse(origin) instanceof Exact exact && exact.origin().equals(origin);
  }

  /**
   * Whether {@code origin} has only characters an {@link Exact} origin can have: a scheme in lower
   * case, {@code ://}, a host in lower case or a bracketed IPv6 address, a port.
   */
  private static boolean hasOnlyOriginCharacters(String origin) {
    for (int i = 0; i < origin.length(); i++) {
      char c = origin.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == ':'
          || c == '/' || c == '[' || c == ']' || c == '+' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The port after the {@code :} at {@code colon} in {@code origin}, which it ends, as browsers
   * serialize one: 1 to 5 digits without a leading zero, at most 65535; or -1 when it is none.
   */
  static int serializedPort(String origin, int colon) {
    int length = origin.length();
    int digits = length - colon - 1;
    if (digits < 1 || digits > 5 || origin.charAt(colon + 1) == '0') {
      return -1;
    }
    int port = 0;
    for (int i = colon + 1; i < length; i++) {
      char c = origin.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      port = port * 10 + (c - '0');
    }
    return port <= 65535 ? port : -1;
  }

  /**
   * Whether {@code origin} is {@code scheme://host[:port]} in the form {@link #parse} accepts
   * unchanged without asking more: a scheme of a page, a host of lower-case letters, digits,
   * {@code -} and {@code _} in non-empty labels, the last starting with none of the digits that
   * would make it an IPv4 address, and a port from 1 to 65535 without a leading zero, not the
   * scheme's default and not one of Fetch's bad ports. {@code false} says nothing: the entry may
   * still be one (an IPv6 or IPv4 address, say).
   */
  static boolean isPlainOrigin(String origin) {
    int separator = origin.indexOf(SEPARATOR);
    if (separator <= 0 || !isSchemeChar(origin.charAt(0), true)) {
      return false;
    }
    for (int i = 1; i < separator; i++) {
      if (!isSchemeChar(origin.charAt(i), false)) {
        return false;
      }
    }
    for (String scheme : NOT_PAGE_SCHEMES) {
      if (isSchemeOf(origin, separator, scheme)) {
        return false;
      }
    }
    int length = origin.length();
    int hostStart = separator + SEPARATOR.length();
    int i = hostStart;
    int labelStart = i;
    for (; i < length; i++) {
      char c = origin.charAt(i);
      if (c == '.') {
        if (i == labelStart) {
          return false;
        }
        labelStart = i + 1;
      } else if (c == ':') {
        break;
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        return false;
      }
    }
    // An empty last label (a trailing dot, or no host) is not an origin; one that starts with a
    // digit may make the host an IPv4 address, in a form only the parser can tell and normalize.
    if (i == labelStart || origin.charAt(labelStart) >= '0' && origin.charAt(labelStart) <= '9') {
      return false;
    }
    if (i == length) {
      return true;
    }
    int port = serializedPort(origin, i);
    return port >= 0
        && !(port == 80 && isSchemeOf(origin, separator, "http"))
        && !(port == 443 && isSchemeOf(origin, separator, "https"))
        && Arrays.binarySearch(SORTED_BAD_PORTS, port) < 0;
  }

  /** RFC 3986's scheme characters, in lower case: a letter first, then digits, +, - and . too. */
  private static boolean isSchemeChar(char c, boolean first) {
    return c >= 'a' && c <= 'z'
        || !first && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
  }

  private static boolean isSchemeOf(String origin, int separator, String scheme) {
    return separator == scheme.length() && origin.startsWith(scheme);
  }

  /** Parses one entry. */
  public static Entry parse(String entry) {
    if (entry.isBlank()) {
      return invalid(Problem.BLANK);
    }
    if (entry.equals("*")) {
      return new AnyOrigin();
    }
    if (entry.strip().equals("*")) {
      return new Invalid(Problem.MALFORMED, "it has white space around the \"*\"",
          Optional.of("*"));
    }
    if (ANY_ORIGIN_SPELLINGS.contains(entry.strip())) {
      return new Invalid(Problem.MALFORMED, "it means any origin, which is \"*\" alone",
          Optional.of("*"));
    }
    if (entry.strip().equalsIgnoreCase("null")) {
      return invalid(Problem.NULL);
    }
    Optional<Invalid> hostless = hostlessUrl(entry.strip());
    if (hostless.isPresent()) {
      return hostless.get();
    }
    String[] items = entry.strip().split(LIST_SEPARATORS);
    if (items.length > 1 && (entry.indexOf(',') >= 0
        || entry.indexOf(SEPARATOR) != entry.lastIndexOf(SEPARATOR)
        // ";" and "|" separate only what looks like origins: a String[]'s toString() has one.
        || (firstOf(entry, ";|") >= 0 && Arrays.stream(items)
            .allMatch(item -> item.contains(SEPARATOR) || HOST_AND_PORT.test(item))))) {
      // "https://a.example.com,https://b.example.com": one string where an array was meant.
      return new Invalid(Problem.JOINED, "it holds " + items.length + " origins in one string",
          asArray(items));
    }
    int separator = entry.indexOf(SEPARATOR);
    if (separator < 0) {
      return withoutSeparator(entry.strip());
    }
    String scheme = entry.substring(0, separator);
    if (scheme.equalsIgnoreCase("file")) {
      return invalid(Problem.FILE_SCHEME);
    }
    String notAPage = PAGELESS_SCHEMES.get(scheme.toLowerCase(Locale.ROOT));
    if (notAPage != null) {
      // The page that opens ws://host usually comes from http://host: offer that, if valid.
      String pageScheme = scheme.equalsIgnoreCase("wss") ? "https"
          : scheme.equalsIgnoreCase("ws") ? "http" : null;
      Optional<String> fix = pageScheme == null ? Optional.empty()
          : validNormalized(pageScheme + entry.substring(separator));
      return new Invalid(Problem.NOT_A_PAGE, notAPage, fix);
    }
    if (!isAscii(hostOf(authorityOf(scheme, entry.substring(separator + SEPARATOR.length()))))) {
      Optional<String> punycode = normalize(entry).filter(fixed -> problem(fixed).isEmpty());
      if (punycode.isPresent()) {
        // Its punycode form may be well made but on a bad port: that is what to say then.
        Optional<String> badPort = badPort(authorityOfOrigin(punycode.get()));
        return badPort.isPresent()
            ? new Invalid(Problem.NOT_A_PAGE, badPort.get(), Optional.empty())
            : new Invalid(Problem.NOT_PUNYCODE, "", punycode);
      }
    }
    Optional<String> problem = problem(entry);
    if (problem.isPresent()) {
      return new Invalid(Problem.MALFORMED, problem.get(),
          validNormalized(entry).filter(fixed -> !fixed.equals(entry)));
    }
    String authority = entry.substring(separator + SEPARATOR.length());
    Optional<String> badPort = badPort(authority);
    if (badPort.isPresent()) {
      return new Invalid(Problem.NOT_A_PAGE, badPort.get(), Optional.empty());
    }
    boolean anyPort = authority.endsWith(PORT_WILDCARD);
    String host = anyPort
        ? authority.substring(0, authority.length() - PORT_WILDCARD.length())
        : authority;
    if (host.indexOf('*') < 0) {
      return anyPort ? new Pattern(scheme + SEPARATOR, host, true) : new Exact(entry);
    }
    if (!host.startsWith("*.") || host.indexOf('*', 1) >= 0) {
      return invalid(Problem.BAD_WILDCARD);
    }
    return new Pattern(scheme + SEPARATOR, host.substring(1), anyPort);
  }

  /**
   * A URL of a scheme whose pages have no origin of their own to send ({@code data:},
   * {@code about:}), or that is no page at all ({@code mailto:}); a {@code blob:} URL, whose page
   * has the origin written inside it. Told before anything else, since their text can look like
   * a list ({@code data:text/plain,hi}).
   */
  private static Optional<Invalid> hostlessUrl(String entry) {
    int colon = entry.indexOf(':');
    // "data:8080" is a host named data with a port, missing its scheme.
    if (colon < 0 || entry.startsWith(SEPARATOR, colon)
        || PORT_AND_SLASH.test(entry.substring(colon))) {
      return Optional.empty();
    }
    String scheme = entry.substring(0, colon).toLowerCase(Locale.ROOT);
    if (scheme.equals("blob")) {
      return Optional.of(new Invalid(Problem.NOT_A_PAGE, "a blob: URL's page has the origin"
          + " written inside it, which is what browsers send",
          validNormalized(entry.substring(colon + 1))));
    }
    String reason = HOSTLESS_SCHEMES.get(scheme);
    return reason == null
        ? Optional.empty()
        : Optional.of(new Invalid(Problem.NOT_A_PAGE, reason, Optional.empty()));
  }

  /**
   * An entry without {@code ://}: a host alone ({@code app.example.com}, {@code localhost:3000}),
   * for which a fix can add the scheme, or an http(s) URL whose {@code ://} is mistyped
   * ({@code https:/app.example.com}, {@code https//app.example.com}), which is not missing its
   * scheme at all. Anything else gets no fix: {@code "https://"} before it would make a valid
   * origin of nearly any text ({@code https:/a.example.com} as host {@code https}), one that is
   * accepted and never matches.
   */
  private static Invalid withoutSeparator(String entry) {
    Matcher mistyped = MISTYPED_SEPARATOR.matcher(entry);
    if (mistyped.matches()) {
      return new Invalid(Problem.MALFORMED, "\"://\" does not follow its scheme",
          validNormalized(mistyped.group(1).toLowerCase(Locale.ROOT) + SEPARATOR
              + mistyped.group(2)));
    }
    if (SCHEME_AND_PORT.test(entry)) {
      // "https:8443": a port, but the host is missing, not the scheme.
      return new Invalid(Problem.MALFORMED, "it has no host", Optional.empty());
    }
    // A loopback host is a development server's, which serves plain http.
    return new Invalid(Problem.NO_SCHEME, "", HOST_AND_PORT.test(entry)
        ? validNormalized((isLoopback(hostOf(entry.toLowerCase(Locale.ROOT))) ? "http://"
            : "https://") + entry)
        : Optional.empty());
  }

  /**
   * The fix to suggest for an entry that is not a valid origin as written. Asked only then: it
   * needs {@link IDN}, whose Unicode tables cost a cold JVM about 10 ms to load.
   */
  private static Optional<String> validNormalized(String entry) {
    return normalize(entry).filter(fixed -> problem(fixed).isEmpty()
        && badPort(authorityOfOrigin(fixed)).isEmpty());
  }

  /** What follows {@code scheme://} in a serialized origin: its host and port. */
  private static String authorityOfOrigin(String origin) {
    return origin.substring(origin.indexOf(SEPARATOR) + SEPARATOR.length());
  }

  /** Why the port of {@code authority}, a serialized origin's, is one no page is loaded from. */
  private static Optional<String> badPort(String authority) {
    String port = authority.substring(hostOf(authority).length());
    return port.isEmpty() || port.equals(PORT_WILDCARD)
        || !BAD_PORTS.contains(Integer.parseInt(port.substring(1)))
        ? Optional.empty()
        : Optional.of("port " + port.substring(1) + " is one of Fetch's bad ports, from which"
            + " browsers load nothing");
  }

  private static Invalid invalid(Problem problem) {
    return new Invalid(problem, "", Optional.empty());
  }

  /**
   * Whether a page at this origin reaches the server over plain http from somewhere other than
   * the local machine, where an active network attacker can read what it is sent. Loopback hosts
   * count as secure, as in the Secure Contexts standard's "potentially trustworthy origin".
   */
  public static boolean isCleartext(Entry entry) {
    if (entry instanceof Exact exact) {
      return exact.origin().startsWith("http://")
          && !isLoopback(hostOf(exact.origin().substring("http://".length())));
    }
    if (entry instanceof Pattern pattern) {
      return pattern.scheme().equals("http://")
          && !isLoopback((pattern.subdomains() ? "*" : "") + hostOf(pattern.suffix()));
    }
    return false;
  }

  private static boolean isLoopback(String host) {
    // localhost. is localhost, fully qualified: browsers take it as a secure context too.
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]")
        || LOOPBACK_IPV4.test(name);
  }

  /** Why {@code entry} (which has a scheme separator) is not a serialized origin. */
  private static Optional<String> problem(String entry) {
    int separator = entry.indexOf(SEPARATOR);
    String scheme = entry.substring(0, separator);
    String rest = entry.substring(separator + SEPARATOR.length());
    for (int i = 0; i < entry.length(); i++) {
      if (Character.isWhitespace(entry.charAt(i))) {
        return Optional.of("it contains white space");
      }
    }
    if (!URL_SCHEME.test(scheme)) {
      return Optional.of("\"" + scheme + "\" is not a URL scheme");
    }
    if (!scheme.equals(scheme.toLowerCase(Locale.ROOT))) {
      return Optional.of("the scheme has upper-case letters");
    }
    int end = firstOf(rest, pathStarts(scheme));
    if (end >= 0) {
      char c = rest.charAt(end);
      if (c == '\\') {
        return Optional.of("it has a backslash, which browsers read as a slash: the start of a"
            + " path");
      }
      if (c == '/' && end == rest.length() - 1) {
        return Optional.of("it ends with a slash");
      }
      return Optional.of(
          c == '/' ? "it has a path" : c == '?' ? "it has a query" : "it has a fragment");
    }
    if (rest.indexOf('@') >= 0) {
      return Optional.of("it has user information before the host");
    }
    String host = hostOf(rest);
    if (host.isEmpty()) {
      return Optional.of("it has no host");
    }
    if (host.indexOf('%') >= 0) {
      return Optional.of("the host has a percent-escape, which browsers decode before sending it");
    }
    if (!host.equals(host.toLowerCase(Locale.ROOT))) {
      return Optional.of("the host has upper-case letters");
    }
    if (!isAscii(host)) {
      // What is wrong whatever the punycode form: the advice to ask a browser would not help.
      if (host.startsWith(".") || host.contains("..")) {
        return Optional.of("the host \"" + host + "\" has an empty label");
      }
      Optional<String> port = portProblem(scheme, rest.substring(host.length()));
      if (port.isPresent()) {
        return port;
      }
      // Asked when normalize found no form browsers are known to send (see isAsBrowsersConvert).
      return Optional.of("browsers send a non-ASCII host in its punycode form, which only a"
          + " browser can give for this one: new URL(\"" + entry + "\").origin");
    }
    Optional<String> unbracketed = host.indexOf(':') >= 0 && !host.startsWith("[")
        ? ipv6(authorityOf(scheme, rest))
        : Optional.empty();
    if (unbracketed.isPresent()) {
      return Optional.of("an IPv6 address is written in brackets, as [" + unbracketed.get()
          + "]");
    }
    if (host.startsWith("[")) {
      Optional<String> address = BRACKETED_IPV6_CHARS.test(host)
          ? ipv6(host.substring(1, host.length() - 1))
          : Optional.empty();
      if (address.isEmpty()) {
        return Optional.of("the host \"" + host + "\" is not an IPv6 address");
      }
      if (!host.equals("[" + address.get() + "]")) {
        return Optional.of("browsers write the IPv6 address " + host + " as [" + address.get()
            + "]");
      }
    } else if (EXTRA_PORTS.test(host)) {
      return Optional.of("it has more than one port");
    } else if (!HOST_NAME_CHARS.test(host)) {
      return Optional.of("the host \"" + host + "\" has characters a host name cannot have");
    } else if (host.startsWith(".") || host.contains("..")) {
      return Optional.of("the host \"" + host + "\" has an empty label");
    } else if (endsInNumber(host)) {
      Optional<String> address = ipv4(host);
      if (address.isEmpty()) {
        return Optional.of("the host \"" + host + "\" ends in a number, so browsers parse it as"
            + " an IPv4 address, and it is not one");
      }
      if (!host.equals(address.get())) {
        return Optional.of("browsers write the IPv4 address " + host + " as " + address.get());
      }
    } else if (host.endsWith(".") && (host.indexOf('*') >= 0 || rest.endsWith(PORT_WILDCARD))) {
      // An exact origin can end so (a page opened at the fully qualified name sends it; the
      // processor warns), but a pattern over such a name would escape the public-suffix rules.
      return Optional.of("the host of a pattern ends with a dot; write the name without it");
    }
    return portProblem(scheme, rest.substring(host.length()));
  }

  /** Why {@code port} ({@code ""} or {@code ":8080"}) is not as a browser serializes it. */
  private static Optional<String> portProblem(String scheme, String port) {
    if (port.isEmpty()) {
      return Optional.empty();
    }
    String digits = port.substring(1);
    if (digits.isEmpty()) {
      return Optional.of("it has a colon but no port");
    }
    if (port.equals(PORT_WILDCARD)) {
      return scheme.equals("http") || scheme.equals("https")
          ? Optional.empty()
          : Optional.of("a port wildcard is only for http and https origins");
    }
    if (digits.indexOf('*') >= 0
        && digits.chars().allMatch(c -> c == '*' || c == '-' || c >= '0' && c <= '9')) {
      return Optional.of("a port wildcard is \":*\" alone, for any port; list particular ports"
          + " as origins of their own");
    }
    if (!PORT.test(port) || Integer.parseInt(digits) == 0
        || Integer.parseInt(digits) > 65535) {
      return Optional.of("\"" + digits + "\" is not a port from 1 to 65535");
    }
    if (digits.startsWith("0")) {
      return Optional.of("the port has a leading zero");
    }
    int number = Integer.parseInt(digits);
    if ((scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443)) {
      return Optional.of("it spells out the default port " + number);
    }
    return Optional.empty();
  }

  /** What ends the authority of a URL of {@code scheme}. */
  private static String pathStarts(String scheme) {
    return BACKSLASH_IS_SLASH.contains(scheme.strip().toLowerCase(Locale.ROOT))
        ? PATH_STARTS_OR_BACKSLASH : PATH_STARTS;
  }

  /** The authority of what follows {@code scheme://}: up to any path, query or fragment. */
  private static String authorityOf(String scheme, String rest) {
    int end = firstOf(rest, pathStarts(scheme));
    String authority = end < 0 ? rest : rest.substring(0, end);
    return authority.substring(authority.lastIndexOf('@') + 1);
  }

  /** The host part of an authority: up to the port, with IPv6 brackets. */
  private static String hostOf(String authority) {
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority : authority.substring(0, close + 1);
    }
    int colon = authority.lastIndexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  /**
   * The serialized form a browser would send for a URL-like entry, if there is one: lower case,
   * punycode, no user information, path or default port.
   */
  public static Optional<String> normalize(String entry) {
    int separator = entry.indexOf(SEPARATOR);
    if (separator <= 0 || entry.chars().anyMatch(c -> IDNA_DEVIATIONS.indexOf(c) >= 0)) {
      return Optional.empty();
    }
    String scheme = entry.substring(0, separator).strip().toLowerCase(Locale.ROOT);
    String authority = authorityOf(scheme,
        entry.substring(separator + SEPARATOR.length()).strip());
    String host = hostOf(authority);
    String port = authority.substring(host.length());
    if (host.indexOf('%') >= 0) {
      // The URL standard percent-decodes a host before it maps it to ASCII.
      Optional<String> decoded = percentDecoded(host);
      // What decodes to a delimiter, a wildcard or a character IDN maps otherwise than browsers
      // has no form to offer: browsers refuse it or keep the escape.
      if (decoded.isEmpty() || decoded.get().chars().anyMatch(c -> c <= ' '
          || ":/?#[]@\\%*".indexOf(c) >= 0 || IDNA_DEVIATIONS.indexOf(c) >= 0)) {
        return Optional.empty();
      }
      host = decoded.get();
    }
    // An exact origin may end with a dot (a fully qualified name); a pattern may not.
    if (host.endsWith(".") && !host.endsWith("..")
        && (host.startsWith("*.") || port.equals(PORT_WILDCARD))) {
      host = host.substring(0, host.length() - 1);
    }
    // After the dot is gone: "*." is no pattern, and a prefix of it would leave nothing.
    boolean pattern = host.startsWith("*.");
    try {
      String name = pattern ? host.substring(2) : host;
      if (!host.startsWith("[")) {
        String ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (!isAscii(name) && !isAsBrowsersConvert(name, ascii)) {
          return Optional.empty();
        }
        name = ascii;
      }
      host = host.startsWith("[") ? host.toLowerCase(Locale.ROOT) : (pattern ? "*." : "") + name;
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = ipv6(host.substring(1, host.length() - 1)).map(address -> "[" + address + "]")
          .orElse(host);
    } else if (endsInNumber(host)) {
      host = ipv4(host).orElse(host);
    }
    if (port.equals(":")) {
      // The URL standard reads an empty port as the default one.
      port = "";
    }
    if (port.length() > 1 && port.length() <= 8
        && port.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
      // Browsers read the port as a number: ":080" is port 80.
      port = ":" + Integer.parseInt(port.substring(1));
    }
    if ((scheme.equals("http") && port.equals(":80"))
        || (scheme.equals("https") && port.equals(":443"))) {
      port = "";
    }
    if (host.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(scheme + SEPARATOR + host + port);
  }

  /**
   * Whether {@code ascii}, what {@link IDN} made of a non-ASCII host, is what browsers make of it
   * too, as far as can be told. IDN implements IDNA 2003 on Unicode 3.2, browsers UTS #46 on
   * today's Unicode: a letter that came later, or whose case mapping did, passes IDN unmapped
   * ({@code Ⰰ}, {@code Ⴀ}), where a browser lower-cases it; and IDNA 2003's rules on combining
   * marks and right-to-left labels are looser. So the result must be host-name characters with the
   * labels as written (IDN maps some characters to a space, a slash or a dot), and its labels read
   * back must hold only characters that UTS #46 keeps as they are ({@link #isAsBrowsersKeep}),
   * must not begin with a combining mark, and must keep the Bidi rule (RFC 5893).
   */
  private static boolean isAsBrowsersConvert(String name, String ascii) {
    // IDN maps some characters to ASCII that no host has, or to a dot (U+2488 to "1."), which
    // browsers refuse: the labels must be the ones written.
    if (!HOST_NAME_CHARS.test(ascii) || ascii.chars().filter(c -> c == '.').count()
        != name.chars().filter(c -> IDNA_DOTS.indexOf(c) >= 0).count()) {
      return false;
    }
    List<String> labels = new ArrayList<>();
    for (String label : ascii.split("\\.", -1)) {
      labels.add(IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED));
    }
    boolean bidi = false;
    for (String label : labels) {
      if (!label.isEmpty() && isCombiningMark(label.codePointAt(0))) {
        return false;
      }
      for (int i = 0; i < label.length(); i += Character.charCount(label.codePointAt(i))) {
        int c = label.codePointAt(i);
        if (!isAsBrowsersKeep(c)) {
          return false;
        }
        byte direction = Character.getDirectionality(c);
        bidi |= direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
            || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC
            || direction == Character.DIRECTIONALITY_ARABIC_NUMBER;
      }
    }
    return !bidi || labels.stream().allMatch(OriginSyntax::keepsTheBidiRule);
  }

  /**
   * Whether UTS #46 keeps {@code c}, in a label IDN made, as it is. IDN leaves as it is what
   * Unicode 3.2 had no mapping for: a letter assigned since, or whose case mapping or folding came
   * since, which UTS #46 maps; and it keeps the Hangul fillers, which UTS #46 refuses.
   */
  private static boolean isAsBrowsersKeep(int c) {
    int type = Character.getType(c);
    if (type == Character.UNASSIGNED || type == Character.TITLECASE_LETTER
        || isCherokeeSmall(c) || HANGUL_FILLERS.indexOf(c) >= 0) {
      return false;
    }
    if (type == Character.UPPERCASE_LETTER) {
      // Cherokee folds to its capitals, which UTS #46 keeps, unlike any other script's.
      return isCherokeeCapital(c);
    }
    // A lower-case letter whose case round trip gives another folds elsewhere; but dotless i is
    // its own fold.
    if (type == Character.LOWERCASE_LETTER && c != DOTLESS_I
        && Character.toLowerCase(Character.toUpperCase(c)) != c) {
      return false;
    }
    String character = Character.toString(c);
    return Normalizer.normalize(character, Normalizer.Form.NFKC).equals(character);
  }

  private static boolean isCherokeeCapital(int c) {
    return c >= 0x13A0 && c <= 0x13F5;
  }

  private static boolean isCherokeeSmall(int c) {
    return (c >= 0x13F8 && c <= 0x13FD) || (c >= 0xAB70 && c <= 0xABBF);
  }

  private static boolean isCombiningMark(int c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK;
  }

  /** RFC 5893's Bidi rule for one label of a domain name with right-to-left labels. */
  private static boolean keepsTheBidiRule(String label) {
    if (label.isEmpty()) {
      return true;
    }
    int[] directions = label.codePoints().map(Character::getDirectionality).toArray();
    int first = directions[0];
    boolean rightToLeft = first == Character.DIRECTIONALITY_RIGHT_TO_LEFT
        || first == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    if (!rightToLeft && first != Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
      return false;
    }
    // The direction the label ends in: its last character that is not a combining mark.
    int end = directions.length - 1;
    while (end > 0 && directions[end] == Character.DIRECTIONALITY_NONSPACING_MARK) {
      end--;
    }
    String allowed = rightToLeft ? BIDI_RIGHT_TO_LEFT : BIDI_LEFT_TO_RIGHT;
    String endings = rightToLeft ? BIDI_RIGHT_TO_LEFT_ENDS : BIDI_LEFT_TO_RIGHT_ENDS;
    boolean european = false;
    boolean arabic = false;
    for (int direction : directions) {
      if (allowed.indexOf(direction) < 0) {
        return false;
      }
      european |= direction == Character.DIRECTIONALITY_EUROPEAN_NUMBER;
      arabic |= direction == Character.DIRECTIONALITY_ARABIC_NUMBER;
    }
    return endings.indexOf(directions[end]) >= 0 && !(rightToLeft && european && arabic);
  }

  /** Bidirectional classes as a string of their values, for {@link String#indexOf(int)}. */
  private static String directions(byte... classes) {
    StringBuilder all = new StringBuilder();
    for (byte direction : classes) {
      all.append((char) direction);
    }
    return all.toString();
  }

  /** One trailing dot dropped, as the URL standard's IPv4 parsing does: "1.2.3.4." is one. */
  private static String withoutTrailingDot(String host) {
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /**
   * Whether the URL standard's host parser reads {@code host} as an IPv4 address: its last label
   * is a number, decimal or {@code 0x} hex ("ends in a number checker").
   */
  private static boolean endsInNumber(String host) {
    String trimmed = withoutTrailingDot(host);
    String last = trimmed.substring(trimmed.lastIndexOf('.') + 1);
    if (last.isEmpty()) {
      return false;
    }
    for (int i = 0; i < last.length(); i++) {
      if (last.charAt(i) < '0' || last.charAt(i) > '9') {
        return HEX_NUMBER.test(last);
      }
    }
    return true;
  }

  /**
   * An IPv4 host as browsers serialize it, four decimal parts, from any form the URL standard's
   * IPv4 parser accepts ({@code 127.1}, {@code 0x7f.0.0.1}, {@code 010.0.0.1} is octal); empty
   * when it is not one.
   */
  private static Optional<String> ipv4(String host) {
    String[] parts = withoutTrailingDot(host).split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    long[] numbers = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int radix = 10;
      if (part.startsWith("0x") || part.startsWith("0X")) {
        part = part.substring(2);
        radix = 16;
      } else if (part.length() > 1 && part.startsWith("0")) {
        part = part.substring(1);
        radix = 8;
      }
      if (part.isEmpty()) {
        // "0x" alone is 0; an empty part is no number.
        if (radix != 16) {
          return Optional.empty();
        }
        part = "0";
      }
      try {
        numbers[i] = part.length() > 12 ? -1 : Long.parseLong(part, radix);
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      if (numbers[i] < 0 || (i < parts.length - 1 && numbers[i] > 255)) {
        return Optional.empty();
      }
    }
    long last = numbers[parts.length - 1];
    if (last >= 1L << (8 * (5 - parts.length))) {
      return Optional.empty();
    }
    long address = last;
    for (int i = 0; i < parts.length - 1; i++) {
      address += numbers[i] << (8 * (3 - i));
    }
    return Optional.of((address >> 24) + "." + ((address >> 16) & 255) + "."
        + ((address >> 8) & 255) + "." + (address & 255));
  }

  /**
   * An IPv6 address (without brackets) as browsers serialize it: lower-case hex pieces without
   * leading zeros, the first longest run of two or more zero pieces written {@code ::}, an
   * embedded IPv4 part in hex; empty when it is not one.
   */
  private static Optional<String> ipv6(String address) {
    int compress = address.indexOf("::");
    if (compress >= 0 && address.indexOf("::", compress + 1) >= 0) {
      return Optional.empty();
    }
    String head = compress < 0 ? address : address.substring(0, compress);
    String tail = compress < 0 ? "" : address.substring(compress + 2);
    List<Integer> front = new ArrayList<>();
    List<Integer> back = new ArrayList<>();
    if (!ipv6Pieces(head, front, compress < 0)
        || !ipv6Pieces(tail, back, true)) {
      return Optional.empty();
    }
    int given = front.size() + back.size();
    if (compress < 0 ? given != 8 : given > 8) {
      return Optional.empty();
    }
    int[] pieces = new int[8];
    for (int i = 0; i < front.size(); i++) {
      pieces[i] = front.get(i);
    }
    for (int i = 0; i < back.size(); i++) {
      pieces[8 - back.size() + i] = back.get(i);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int length = 0;
      while (i + length < 8 && pieces[i + length] == 0) {
        length++;
      }
      if (length > bestLength) {
        bestStart = i;
        bestLength = length;
      }
    }
    StringBuilder serialized = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        serialized.append(i == 0 ? "::" : ":");
        i += bestLength - 1;
        continue;
      }
      serialized.append(Integer.toHexString(pieces[i])).append(i < 7 ? ":" : "");
    }
    return Optional.of(serialized.toString());
  }

  /** Adds the 16-bit pieces of {@code part} to {@code pieces}; the last may be dotted IPv4. */
  private static boolean ipv6Pieces(String part, List<Integer> pieces,
      boolean mayEndInIpv4) {
    if (part.isEmpty()) {
      return true;
    }
    String[] items = part.split(":", -1);
    for (int i = 0; i < items.length; i++) {
      String item = items[i];
      if (item.contains(".")) {
        if (!mayEndInIpv4 || i != items.length - 1
            || !DOTTED_IPV4.test(item)) {
          return false;
        }
        String[] octets = item.split("\\.");
        int[] values = new int[4];
        for (int j = 0; j < 4; j++) {
          values[j] = Integer.parseInt(octets[j]);
          if (values[j] > 255) {
            return false;
          }
        }
        pieces.add(values[0] << 8 | values[1]);
        pieces.add(values[2] << 8 | values[3]);
      } else if (IPV6_PIECE.test(item)) {
        pieces.add(Integer.parseInt(item, 16));
      } else {
        return false;
      }
    }
    return true;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@code s} with its {@code %XX} escapes decoded as UTF-8, if every one is well formed. */
  private static Optional<String> percentDecoded(String s) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '%') {
        int codePoint = s.codePointAt(i);
        bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(codePoint) - 1;
        continue;
      }
      if (i + 2 >= s.length() || !isHexDigit(s.charAt(i + 1)) || !isHexDigit(s.charAt(i + 2))) {
        return Optional.empty();
      }
      bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
      i += 2;
    }
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** An ASCII hex digit: {@link Character#digit} takes other scripts' digits too. */
  private static boolean isHexDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }

  private static int firstOf(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
