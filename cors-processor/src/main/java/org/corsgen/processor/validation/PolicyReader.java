package org.corsgen.processor.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.diagnostics.Report;
import org.corsgen.processor.model.OriginPattern;
import org.corsgen.processor.model.Placeholder;
import org.corsgen.processor.model.Policy;

/**
 * Reads one {@code @Cors} annotation into a validated {@link Policy}, reporting every problem on
 * the value that causes it.
 */
final class PolicyReader {

  /**
   * A whole entry {@code ${key}} or {@code ${key:default}}, with a key of property-name characters.
   */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::([^{}]*))?}");

  /** A host's trailing dot, before the port if there is one. */
  private static final Pattern TRAILING_DOT = Pattern.compile("\\.(:[0-9]+)?$");

  /** The longest preflight cache any browser honours (Firefox); Chromium stops at 7200. */
  private static final int FIREFOX_MAX_AGE_CAP = 86_400;

  private final Elements elements;

  PolicyReader(Elements elements) {
    this.elements = elements;
  }

  /** The policy, or empty when it has errors (which are then in {@code report}). */
  Optional<Policy> read(Element annotated, AnnotationMirror cors, String source, String owner,
      String label, Report report) {
    Values values = new Values(annotated, cors, report);
    int errorsBefore = report.errorCount();
    boolean credentials = (Boolean) values.get("allowCredentials").getValue();
    Origins origins = origins(values, credentials);
    List<String> allowHeaders = headerNames(values, "allowHeaders", credentials);
    List<String> exposeHeaders = headerNames(values, "exposeHeaders", credentials);
    Set<String> methods = methods(values);
    int maxAge = maxAge(values);
    if (report.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    return Optional.of(new Policy(source, owner, label, origins.any(),
        List.copyOf(origins.exact()),
        origins.patterns(), origins.placeholders(), List.copyOf(methods), allowHeaders,
        exposeHeaders, credentials,
        maxAge == -1 ? OptionalInt.empty() : OptionalInt.of(maxAge)));
  }

  /** The origins of a policy, each once. */
  private record Origins(boolean any, Set<String> exact, List<OriginPattern> patterns,
      List<Placeholder> placeholders) {}

  private static Origins origins(Values values, boolean credentials) {
    boolean anyOrigin = false;
    Map<String, AnnotationValue> exact = new LinkedHashMap<>();
    Map<OriginPattern, AnnotationValue> patterns = new LinkedHashMap<>();
    Map<Placeholder, AnnotationValue> placeholders = new LinkedHashMap<>();
    List<AnnotationValue> items = values.list("origins");
    if (items.isEmpty()) {
      values.report(Message.ORIGINS_EMPTY, values.written("origins"));
    }
    for (AnnotationValue item : items) {
      String origin = (String) item.getValue();
      if (origin.contains("${") || origin.strip().startsWith("$")) {
        // "$APP_ORIGINS" and the like are placeholders mistyped: say how to write one.
        placeholder(values, item, origin, credentials, items.size() == 1).ifPresent(placeholder -> {
          Optional<Placeholder> sameKey = placeholders.keySet().stream()
              .filter(other -> other.key().equals(placeholder.key()))
              .findFirst();
          if (placeholders.putIfAbsent(placeholder, item) != null) {
            values.report(Message.ORIGIN_DUPLICATE, Optional.of(item), origin);
          } else if (sameKey.isPresent()) {
            values.report(Message.PLACEHOLDER_KEY_TWICE, Optional.of(item), placeholder.key(),
                sameKey.get(), origin);
          }
        });
        continue;
      }
      OriginSyntax.Parsed parsed = OriginSyntax.parse(origin, credentials, items.size() == 1);
      if (credentials && OriginSyntax.isCleartext(parsed)) {
        values.report(Message.INSECURE_CREDENTIALS, Optional.of(item), origin);
      }
      if (parsed instanceof OriginSyntax.Invalid invalid) {
        values.report(invalid.message(), Optional.of(item), invalid.args());
      } else if (parsed instanceof OriginSyntax.AnyOrigin) {
        if (anyOrigin) {
          values.report(Message.ORIGIN_DUPLICATE, Optional.of(item), origin);
        } else if (items.stream().anyMatch(other -> !other.getValue().equals(origin))) {
          values.report(Message.ORIGIN_WILDCARD_MIXED, Optional.of(item));
        }
        if (credentials && !anyOrigin) {
          values.report(Message.ORIGIN_WILDCARD_WITH_CREDENTIALS, Optional.of(item));
        }
        anyOrigin = true;
      } else if (parsed instanceof OriginSyntax.Exact exactOrigin) {
        if (exact.putIfAbsent(exactOrigin.origin(), item) != null) {
          values.report(Message.ORIGIN_DUPLICATE, Optional.of(item), origin);
        } else {
          reportTrailingDot(values, item, origin,
              listed -> items.stream().anyMatch(other -> other.getValue().equals(listed)));
        }
      } else if (parsed instanceof OriginSyntax.Pattern pattern) {
        if (patterns.putIfAbsent(pattern.pattern(), item) != null) {
          values.report(Message.ORIGIN_DUPLICATE, Optional.of(item), origin);
        }
      }
    }
    reportCovered(values, exact, patterns);
    return new Origins(anyOrigin, exact.keySet(), List.copyOf(patterns.keySet()),
        List.copyOf(placeholders.keySet()));
  }

  /**
   * Reads {@code ${key}} or {@code ${key:default}}. Its value is only known at start-up, where
   * the runtime checks it with the same origin rules; what can be checked now is the syntax and
   * the default, whose origins must each pass the rules literal origins pass. A default of
   * {@code *} must stand alone in {@code origins} too ({@code alone}), or the start-up check
   * stops the application whenever the default applies.
   */
  private static Optional<Placeholder> placeholder(Values values, AnnotationValue item,
      String entry, boolean credentials, boolean alone) {
    Matcher matcher = PLACEHOLDER.matcher(entry);
    if (!matcher.matches()) {
      values.report(Message.ORIGIN_PLACEHOLDER_MALFORMED, Optional.of(item), entry);
      return Optional.empty();
    }
    Optional<Foreign> foreign = foreignSyntax(matcher.group(1), matcher.group(2));
    if (foreign.isPresent()) {
      values.report(Message.ORIGIN_PLACEHOLDER_FOREIGN, Optional.of(item), entry,
          foreign.get().syntax(), foreign.get().fix());
      return Optional.empty();
    }
    Optional<String> defaultValue = Optional.ofNullable(matcher.group(2));
    boolean valid = true;
    Map<String, AnnotationValue> exactInDefault = new LinkedHashMap<>();
    Map<OriginPattern, AnnotationValue> patternsInDefault = new LinkedHashMap<>();
    String[] origins = defaultValue.map(value -> value.split(",", -1)).orElse(new String[0]);
    for (int index = 0; index < origins.length; index++) {
      String origin = origins[index];
      // "*" is a default to suggest only where it would be accepted: alone in the default of a
      // placeholder alone in origins (below).
      OriginSyntax.Parsed parsed = OriginSyntax.parse(origin.strip(), credentials,
          alone && origins.length == 1);
      if (OriginSyntax.isJoined(origin.strip())) {
        // Commas have split the default already; an array's fix would be wrong advice here.
        String[] joined = origin.strip().split("[;|\\s]+");
        String[] fixed = origins.clone();
        fixed[index] = String.join(",", joined);
        values.report(Message.ORIGIN_MALFORMED, Optional.of(item), origin.strip(),
            "it holds " + joined.length + " origins in one entry; a default separates them"
                + " with commas",
            " Write \"${" + matcher.group(1) + ":" + String.join(",", fixed) + "}\".");
        valid = false;
      } else if (origin.isBlank()) {
        values.report(Message.ORIGIN_PLACEHOLDER_EMPTY_DEFAULT, Optional.of(item), entry,
            matcher.group(1));
        return Optional.empty();
      } else if (parsed instanceof OriginSyntax.Invalid invalid) {
        values.reportInDefault(invalid.message(), item, "${" + matcher.group(1) + "}",
            invalid.args());
        valid = false;
      } else if (parsed instanceof OriginSyntax.AnyOrigin && credentials) {
        values.report(Message.ORIGIN_WILDCARD_WITH_CREDENTIALS, Optional.of(item));
        valid = false;
      } else if (parsed instanceof OriginSyntax.AnyOrigin && (origins.length > 1 || !alone)) {
        values.report(Message.ORIGIN_WILDCARD_MIXED, Optional.of(item));
        valid = false;
      } else if (credentials && OriginSyntax.isCleartext(parsed)) {
        // Not the suppressible INSECURE_CREDENTIALS: ConfiguredOrigins refuses it at start-up.
        values.report(Message.INSECURE_CREDENTIALS_DEFAULT, Optional.of(item), entry,
            origin.strip());
        valid = false;
      } else if (parsed instanceof OriginSyntax.Exact exact
          && exactInDefault.putIfAbsent(exact.origin(), item) != null
          || parsed instanceof OriginSyntax.Pattern pattern
          && patternsInDefault.putIfAbsent(pattern.pattern(), item) != null) {
        values.report(Message.ORIGIN_DUPLICATE, Optional.of(item), origin.strip());
      } else if (parsed instanceof OriginSyntax.Exact) {
        reportTrailingDot(values, item, origin.strip(),
            listed -> Arrays.stream(origins).anyMatch(other -> other.strip().equals(listed)));
      }
    }
    // A default is a list of its own: what a literal list is told, it is told too.
    reportCovered(values, exactInDefault, patternsInDefault);
    return valid ? Optional.of(new Placeholder(matcher.group(1), defaultValue)) : Optional.empty();
  }

  /** {@code ${key:default}}, or {@code ${key}} where the default is missing or empty. */
  private static String placeholder(String key, String defaultValue) {
    return defaultValue == null || defaultValue.isBlank()
        ? "${" + key + "}"
        : "${" + key + ":" + defaultValue + "}";
  }

  /**
   * Warns about an exact {@code origin} whose host ends with a dot, unless its list has the
   * origin without the dot too ({@code isListed}): then pages are opened at both.
   */
  private static void reportTrailingDot(Values values, AnnotationValue item, String origin,
      Predicate<String> isListed) {
    String withoutDot = TRAILING_DOT.matcher(origin).replaceFirst("$1");
    if (!withoutDot.equals(origin) && !isListed.test(withoutDot)) {
      values.report(Message.ORIGIN_TRAILING_DOT, Optional.of(item), origin, withoutDot);
    }
  }

  /** Another library's placeholder syntax, and corsgen's placeholder it meant. */
  private record Foreign(String syntax, String fix) {}

  /** {@code NAME}, {@code NAME:default} or {@code NAME:-default}, after a lookup prefix. */
  private static final Pattern PREFIXED = Pattern.compile("([A-Za-z0-9_.-]+)(?::-?(.*))?");

  /**
   * What makes {@code ${key:rest}} another library's placeholder rather than corsgen's: a lookup
   * prefix ({@code ${env:NAME}}, {@code ${sys:name}}, as in Log4j and Commons Text), or a shell's
   * {@code ${NAME:-default}}. Read as corsgen's, the first is the key {@code env} with the
   * default {@code NAME}, an origin without a scheme, whose fix would compile into nonsense.
   */
  private static Optional<Foreign> foreignSyntax(String key, String rest) {
    if (rest == null) {
      return Optional.empty();
    }
    if (rest.startsWith("-")) {
      return Optional.of(new Foreign("a shell's \":-\" before the default",
          placeholder(key, rest.substring(1))));
    }
    Matcher prefixed = PREFIXED.matcher(rest);
    if ((key.equals("env") || key.equals("sys")) && prefixed.matches()
        && !rest.startsWith(prefixed.group(1) + "://")) {
      return Optional.of(new Foreign("the lookup prefix \"" + key + ":\"",
          placeholder(prefixed.group(1), prefixed.group(2))));
    }
    return Optional.empty();
  }

  /**
   * Warns about entries a pattern of the same list already allows: harmless, but a sign that the
   * list is not what was meant.
   */
  private static void reportCovered(Values values, Map<String, AnnotationValue> exact,
      Map<OriginPattern, AnnotationValue> patterns) {
    exact.forEach((origin, item) -> patterns.keySet().stream()
        .filter(pattern -> OriginSyntax.covers(pattern, origin))
        .findFirst()
        .ifPresent(pattern -> values.report(Message.ORIGIN_COVERED, Optional.of(item), origin,
            pattern)));
    patterns.forEach((inner, item) -> patterns.keySet().stream()
        .filter(outer -> OriginSyntax.covers(outer, inner))
        .findFirst()
        .ifPresent(outer -> values.report(Message.ORIGIN_COVERED, Optional.of(item), inner,
            outer)));
  }

  /**
   * The methods as written. Whether the resource serves them is checked against the resource
   * methods the policy applies to, by {@link UsageRules}.
   */
  private static Set<String> methods(Values values) {
    Set<String> methods = new LinkedHashSet<>();
    for (AnnotationValue item : values.list("methods")) {
      String method = (String) item.getValue();
      if (!HttpNames.isToken(method)) {
        // Browsers upper-case these six methods whatever the case, so the designators do too;
        // another in lower case would likely differ from its designator's (CorsMethodCase).
        values.report(Message.METHOD_INVALID, Optional.of(item), method, namesFix(method,
            others(values, "methods", item),
            name -> HttpNames.isNormalizedMethod(name) ? name.toUpperCase(Locale.ROOT) : name,
            name -> !HttpNames.isForbiddenMethod(name)
                && name.equals(name.toUpperCase(Locale.ROOT)),
            " Write it as the resource method's designator names it, such as \"PATCH\"."));
      } else if (HttpNames.isForbiddenMethod(method)) {
        values.report(Message.METHOD_FORBIDDEN, Optional.of(item), method);
      } else if (method.equals("*")) {
        values.report(Message.METHOD_WILDCARD, Optional.of(item));
      } else if (methods.contains(method)) {
        values.report(Message.METHOD_DUPLICATE, Optional.of(item), method);
      }
      methods.add(method);
    }
    return methods;
  }

  /**
   * The end of a message on an entry that is no token: the names {@code entry} most likely meant,
   * a list in one string split, or a name with a value ({@code "X-Trace: 1"}) cut at its colon,
   * each {@code normalized} and none among the {@code others} entries already, when every one is
   * {@code acceptable} to the rules that follow; else {@code otherwise}.
   */
  private static String namesFix(String entry, List<String> others,
      UnaryOperator<String> normalized, Predicate<String> acceptable, String otherwise) {
    int colon = entry.indexOf(':');
    // A value after the colon, unless a list goes on after it: "X-Trace: 1, X-G" is no one name.
    String named = colon >= 0 && entry.indexOf(',', colon) < 0 ? entry.substring(0, colon) : entry;
    // Split at commas only: "X Trace" is one name mistyped, not two names.
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    seen.addAll(others);
    String[] names = Arrays.stream(named.split("[,;]"))
        .map(String::strip)
        .filter(name -> !name.isEmpty())
        .map(normalized)
        .filter(seen::add)
        .toArray(String[]::new);
    if (names.length > 0 && Arrays.stream(names).allMatch(name -> HttpNames.isToken(name)
        && name.indexOf('*') < 0 && acceptable.test(name))) {
      return names.length == 1
          ? " Write \"" + names[0] + "\"."
          : " Write " + Arrays.stream(names).collect(Collectors.joining("\", \"", "{\"", "\"}"))
              + ".";
    }
    return otherwise;
  }

  /**
   * The end of the message on an entry of {@code attribute} that is no header name: {@code " * "}
   * meant the wildcard, where credentials do not refuse it; else the names it most likely meant.
   */
  private static String invalidNameFix(Values values, String attribute, AnnotationValue item,
      boolean request, boolean credentials, boolean anyName) {
    String name = (String) item.getValue();
    if (name.strip().equals("*") && !credentials && !anyName) {
      return " Write \"*\".";
    }
    return namesFix(name, others(values, attribute, item), UnaryOperator.identity(),
        header -> misplaced(header, request).isEmpty()
            && (!anyName || isNamedBesideWildcard(header, request)),
        " Write each name as an entry of its own, such as \"X-Request-Id\".");
  }

  /** Authorization among request headers, which {@code "*"} does not cover (Fetch). */
  private static boolean isNamedBesideWildcard(String header, boolean request) {
    return request && header.equalsIgnoreCase("Authorization");
  }

  /** The entries of {@code attribute} other than {@code item}. */
  private static List<String> others(Values values, String attribute, AnnotationValue item) {
    return values.list(attribute).stream()
        .filter(other -> other != item)
        .map(other -> (String) other.getValue())
        .toList();
  }

  private static List<String> headerNames(Values values, String attribute, boolean credentials) {
    boolean request = attribute.equals("allowHeaders");
    // Beside "*" without credentials, a name is one to remove, not to suggest (but Authorization).
    boolean anyName = !credentials
        && values.list(attribute).stream().anyMatch(item -> item.getValue().equals("*"));
    List<String> names = new ArrayList<>();
    for (AnnotationValue item : values.list(attribute)) {
      String name = (String) item.getValue();
      Optional<AnnotationValue> at = Optional.of(item);
      if (!HttpNames.isToken(name)) {
        values.report(Message.HEADER_INVALID, at, attribute, name,
            invalidNameFix(values, attribute, item, request, credentials, anyName));
      } else if (isPattern(name)) {
        values.report(Message.HEADER_PATTERN, at, attribute, name);
      } else if (names.stream().anyMatch(name::equalsIgnoreCase)) {
        values.report(Message.HEADER_DUPLICATE, at, attribute, name);
      } else if (name.equals("*") && credentials) {
        values.report(Message.CREDENTIALS_ANY_HEADER, at, attribute);
      } else {
        misplaced(name, request).ifPresent(message -> values.report(message, at, name));
      }
      if (names.stream().noneMatch(name::equalsIgnoreCase)) {
        names.add(name);
      }
    }
    if (names.contains("*") && !credentials) {
      reportCoveredByWildcard(values, attribute, request);
    }
    return names;
  }

  /** A name with a {@code *} in it, which browsers take literally; {@code "*"} alone is none. */
  private static boolean isPattern(String name) {
    return name.length() > 1 && name.indexOf('*') >= 0;
  }

  /**
   * What is wrong with a header name in allowHeaders ({@code request}) or exposeHeaders, whatever
   * else the list holds: the one home of these rules, which the fixes suggested and the names
   * {@code "*"} covers also go by.
   */
  private static Optional<Message> misplaced(String name, boolean request) {
    if (request) {
      return HttpNames.isCorsResponseHeader(name) ? Optional.of(Message.ALLOW_RESPONSE_HEADER)
          : HttpNames.isForbiddenRequestHeader(name) ? Optional.of(Message.ALLOW_FORBIDDEN_HEADER)
          : Optional.empty();
    }
    return HttpNames.isForbiddenResponseHeader(name) ? Optional.of(Message.EXPOSE_FORBIDDEN)
        : HttpNames.isSafelistedResponseHeader(name) ? Optional.of(Message.EXPOSE_SAFELISTED)
        : HttpNames.isCorsRequestHeader(name) ? Optional.of(Message.EXPOSE_REQUEST_HEADER)
        : Optional.empty();
  }

  /**
   * Names beside a {@code "*"} that covers them: without credentials it stands for every name,
   * but for Authorization among request headers (Fetch, CORS-preflight fetch), which must be
   * named. A name reported otherwise, or listed before, gets nothing more.
   */
  private static void reportCoveredByWildcard(Values values, String attribute, boolean request) {
    Set<String> seen = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (AnnotationValue item : values.list(attribute)) {
      String name = (String) item.getValue();
      boolean reportedOtherwise = !HttpNames.isToken(name) || isPattern(name)
          || misplaced(name, request).isPresent() || !seen.add(name);
      if (!name.equals("*") && !reportedOtherwise
          && !isNamedBesideWildcard(name, request)) {
        values.report(Message.HEADER_COVERED, Optional.of(item), attribute, name,
            request ? " but Authorization" : "");
      }
    }
  }

  private static int maxAge(Values values) {
    int maxAge = (Integer) values.get("maxAge").getValue();
    if (maxAge < -1) {
      values.report(Message.MAX_AGE_NEGATIVE, values.written("maxAge"), maxAge);
    } else if (maxAge > FIREFOX_MAX_AGE_CAP) {
      values.report(Message.MAX_AGE_ABOVE_CAP, values.written("maxAge"), maxAge);
    }
    return maxAge;
  }

  /** A {@code @Cors} mirror's values, with defaults filled in, and where to report on them. */
  private final class Values {
    final Element annotated;
    final AnnotationMirror cors;
    final Report report;
    final Map<? extends ExecutableElement, ? extends AnnotationValue> all;

    Values(Element annotated, AnnotationMirror cors, Report report) {
      this.annotated = annotated;
      this.cors = cors;
      this.report = report;
      this.all = elements.getElementValuesWithDefaults(cors);
    }

    void report(Message message, Optional<AnnotationValue> value, Object... args) {
      report.report(message, annotated, cors, value, args);
    }

    void reportInDefault(Message message, AnnotationValue value, String placeholder,
        Object[] args) {
      report.reportInDefault(message, annotated, cors, value, placeholder, args);
    }

    AnnotationValue get(String attribute) {
      return all.entrySet().stream()
          .filter(entry -> entry.getKey().getSimpleName().contentEquals(attribute))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    List<AnnotationValue> list(String attribute) {
      return (List<AnnotationValue>) get(attribute).getValue();
    }

    Optional<AnnotationValue> written(String attribute) {
      return JaxRs.writtenValue(cors, attribute);
    }
  }
}
