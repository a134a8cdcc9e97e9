package org.corsgen.processor.diagnostics;

import javax.tools.Diagnostic.Kind;

/**
 * Every diagnostic the processor can report, with its kind, a stable tag users can search for
 * (and name in {@code @SuppressWarnings} for warnings), and its text: what is wrong, why, and how
 * to fix it. Tests assert on these texts, so the wording lives here and nowhere else.
 */
public enum Message {

  ORIGINS_EMPTY(Kind.ERROR, "CorsOriginsEmpty",
      "origins is empty, so no page could ever use this resource. List the origins of the pages"
          + " that call it, such as \"https://app.example.com\"."),
  ORIGIN_BLANK(Kind.ERROR, "CorsOriginBlank",
      "origins lists an empty entry, which no browser sends as an Origin. Remove it."),
  ORIGIN_WILDCARD_WITH_CREDENTIALS(Kind.ERROR, "CorsCredentialsWildcard",
      "origins lists \"*\", which cannot be combined with allowCredentials = true: browsers"
          + " reject \"Access-Control-Allow-Origin: *\" on credentialed requests (Fetch, CORS"
          + " check). List the exact origins instead, or a subdomain pattern such as"
          + " \"https://*.example.com\"."),
  ORIGIN_WILDCARD_MIXED(Kind.ERROR, "CorsWildcardMixed",
      "origins lists \"*\" beside other entries, which then mean nothing. Keep either \"*\" alone"
          + " or only the listed origins."),
  ORIGIN_NULL(Kind.ERROR, "CorsNullOrigin",
      "origin \"null\" is sent by sandboxed iframes, file: pages and redirects, so any site can"
          + " forge it. Serve the page from a real origin and list that instead."),
  ORIGIN_FILE_SCHEME(Kind.ERROR, "CorsFileOrigin",
      "origin \"%s\" is a file: URL, which browsers never send: the Origin of a file: page is"
          + " \"null\", which any site can forge. Serve the page over http(s) and list that"
          + " origin."),
  ORIGIN_NOT_A_PAGE(Kind.ERROR, "CorsOriginNotAPage",
      "origin \"%s\" is never the origin of a page (%s), so no browser sends it. List the origin"
          + " of the page that calls this resource.%s"),
  ORIGIN_NO_SCHEME(Kind.ERROR, "CorsOriginScheme",
      "origin \"%s\" has no scheme: browsers send scheme://host[:port].%s"),
  ORIGIN_MALFORMED(Kind.ERROR, "CorsOriginMalformed",
      "origin \"%s\" is not a serialized origin (%s): browsers send the Origin header as"
          + " scheme://host[:port] in lower case, without default port, path or trailing slash,"
          + " so it would never match.%s"),
  ORIGIN_NOT_PUNYCODE(Kind.ERROR, "CorsOriginUnicode",
      "origin \"%s\" has a non-ASCII host: browsers send such hosts in their punycode (IDNA)"
          + " form, so it would never match. Write \"%s\"."),
  ORIGIN_PLACEHOLDER_MALFORMED(Kind.ERROR, "CorsOriginPlaceholder",
      "origin \"%s\" is not a placeholder corsgen can resolve. Write the whole entry as"
          + " \"${key}\" or \"${key:https://default.example}\", with a key of letters, digits,"
          + " dots, dashes and underscores; start-up looks the key up as a JAX-RS property, a"
          + " system property, then an environment variable."),
  ORIGIN_PLACEHOLDER_FOREIGN(Kind.ERROR, "CorsOriginPlaceholder",
      "origin \"%s\" is a placeholder of another syntax (%s), which corsgen does not read: it"
          + " reads \"${key}\" and \"${key:default}\", and looks the key up as a JAX-RS"
          + " property, a system property, then an environment variable. Write \"%s\"."),
  ORIGIN_PLACEHOLDER_EMPTY_DEFAULT(Kind.ERROR, "CorsOriginPlaceholder",
      "origin \"%s\" has an empty default, or an empty entry in it, which no browser sends as"
          + " an Origin: start-up would refuse it whenever the default applies. Write"
          + " \"${%s:https://app.example.com}\", or \"${%2$s}\" to require a value at"
          + " start-up."),
  ORIGIN_BAD_WILDCARD(Kind.ERROR, "CorsOriginWildcard",
      "origin \"%s\" has a wildcard corsgen cannot match; it knows two, which may be combined: a"
          + " leading \"*.\" label for any subdomain (\"https://*.example.com\") and the port"
          + " \":*\" for any port, the default one included (\"http://localhost:*\"). Use one of"
          + " them, or list the origins."),
  ORIGIN_PATTERN_PUBLIC_SUFFIX(Kind.ERROR, "CorsPublicSuffixPattern",
      "origin \"%s\" allows every site under \"%s\", a public suffix (Public Suffix List):"
          + " anyone can register a domain there and read these responses. Name your own domain,"
          + " as in \"%s\"."),
  ORIGIN_PATTERN_ABOVE_PUBLIC_SUFFIX(Kind.ERROR, "CorsPublicSuffixPattern",
      "origin \"%s\" allows every site under \"%s\", which has public suffixes below it (Public"
          + " Suffix List rule \"%s\") where anyone can register a domain and read these"
          + " responses. List the exact origins of your pages, or a pattern over a name with no"
          + " public suffix below it."),
  ORIGIN_PATTERN_SHARED_HOST(Kind.ERROR, "CorsPublicSuffixPattern",
      "origin \"%s\" allows every site under \"%s\", where anyone can get a name (%s), though"
          + " the Public Suffix List does not say so: anyone could read these responses. List the"
          + " exact origins of your pages."),
  ORIGIN_PATTERN_TOP_LEVEL(Kind.ERROR, "CorsPublicSuffixPattern",
      "origin \"%s\" allows every site under the top-level name \"%s\": any name can become a"
          + " top-level domain where anyone can register; only localhost, test, example, invalid,"
          + " local, internal, home, corp and lan are kept for private use. Name your own domain,"
          + " as in \"%s\"."),
  INSECURE_CREDENTIALS(Kind.ERROR, "CorsInsecureCredentials",
      "origin \"%s\" is plain http while allowCredentials = true: anyone on the network can"
          + " alter that page and make credentialed requests as its users. Serve the page over"
          + " https; only loopback hosts (localhost, *.localhost, 127.0.0.0/8, [::1]) are exempt."
          + " If this is"
          + " deliberate (a trusted intranet), put @SuppressWarnings(\"CorsInsecureCredentials\")"
          + " on the annotated class or method."),
  INSECURE_CREDENTIALS_DEFAULT(Kind.ERROR, "CorsInsecureCredentialsDefault",
      "the default of %s lists \"%s\", plain http while allowCredentials = true: CorsFeature"
          + " refuses such configured origins at start-up whatever"
          + " @SuppressWarnings(\"CorsInsecureCredentials\") says, so the application would not"
          + " start on this default. Make the default https or loopback, or write a deliberate"
          + " intranet origin as a literal entry."),
  ORIGIN_TRAILING_DOT(Kind.WARNING, "CorsOriginTrailingDot",
      "origin \"%s\" ends with a dot: browsers send it only from a page opened at that fully"
          + " qualified name, another origin than \"%s\", which is almost always the one meant."
          + " Write \"%2$s\", or list both if pages are opened at both names."),
  ORIGIN_DUPLICATE(Kind.WARNING, "CorsDuplicateOrigin",
      "origin \"%s\" is listed twice. Remove the repetition."),
  PLACEHOLDER_KEY_TWICE(Kind.WARNING, "CorsDuplicateOrigin",
      "placeholder key \"%s\" is listed twice, in %s and %s: both read the same configured"
          + " value, so the second adds only its default. Write the key once."),
  ORIGIN_COVERED(Kind.WARNING, "CorsOriginCovered",
      "origin \"%s\" is already allowed by the pattern \"%s\" in the same list. Remove it, or"
          + " remove the pattern if only this origin is meant."),

  METHOD_INVALID(Kind.ERROR, "CorsMethodInvalid",
      "method \"%s\" is not an HTTP method name (RFC 9110 token: letters, digits and"
          + " !#$%%&'*+-.^_`|~), so no browser can send it.%s"),
  METHOD_FORBIDDEN(Kind.ERROR, "CorsMethodForbidden",
      "method \"%s\" is a forbidden method (Fetch): browsers refuse to send CONNECT, TRACE and"
          + " TRACK from a page. Remove it."),
  METHOD_WILDCARD(Kind.ERROR, "CorsMethodWildcard",
      "methods lists \"*\", which corsgen compares as a method literally named \"*\" that no"
          + " resource method serves, so this entry grants nothing. Leave methods out (methods ="
          + " {}) to allow every method the resource serves, or list them."),
  METHOD_CASE(Kind.ERROR, "CorsMethodCase",
      "method \"%s\" differs only in case from %s, which the resource serves: methods are"
          + " compared byte for byte (Fetch, CORS-preflight fetch), and a request this resource"
          + " serves names %2$s, so the entry would never match. Write \"%2$s\"."),
  METHOD_CASE_BESIDE(Kind.ERROR, "CorsMethodCase",
      "method \"%s\" differs only in case from %s, which the resource serves and methods lists"
          + " already: methods are compared byte for byte (Fetch, CORS-preflight fetch), and a"
          + " request this resource serves names %2$s, so this entry would never match. Remove"
          + " it."),
  METHOD_DUPLICATE(Kind.WARNING, "CorsMethodDuplicate",
      "method \"%s\" is listed twice. Remove the repetition."),
  METHODS_GRANT_NOTHING(Kind.ERROR, "CorsGrantsNothing",
      "methods lists %s, none of which this policy's resource methods serve (they serve %s), so"
          + " it grants nothing: every preflight is refused and no response gets CORS headers."
          + " List the methods they serve, or leave methods out to allow each of them."),
  METHODS_GRANT_ONLY_FORBIDDEN(Kind.ERROR, "CorsGrantsNothing",
      "this policy's resource methods serve only %s, a forbidden method (Fetch) that browsers"
          + " refuse to send from a page, so it grants nothing. Remove @Cors: clients other than"
          + " browsers need no CORS."),
  METHODS_GRANT_ONLY_OPTIONS(Kind.ERROR, "CorsGrantsNothing",
      "this policy grants only OPTIONS, which its resource method answers itself: a page's"
          + " OPTIONS request is always preflighted, and the preflight, an OPTIONS request too,"
          + " reaches that method, which corsgen gives no preflight answer, so the policy grants"
          + " nothing. Remove @Cors from it; corsgen answers the preflights of the methods that"
          + " have a policy."),
  METHODS_LIST_ONLY_OPTIONS(Kind.ERROR, "CorsGrantsNothing",
      "methods lists only OPTIONS of what this policy's resource methods serve (they serve %s),"
          + " and an @OPTIONS method of the resource answers it itself: a page's OPTIONS request"
          + " is always preflighted, and the preflight reaches that method, which corsgen gives"
          + " no preflight answer, so the policy grants nothing. List the methods meant instead."),
  METHOD_NOT_SERVED(Kind.WARNING, "CorsMethodNotServed",
      "method \"%s\" is not served by any resource method this policy applies to (they serve"
          + " %s), so listing it has no effect. Remove it."),

  HEADER_INVALID(Kind.ERROR, "CorsHeaderInvalid",
      "%s lists \"%s\", which is not a header name (RFC 9110 token: letters, digits and"
          + " !#$%%&'*+-.^_`|~; no spaces, colons or commas), so it would never match.%s"),
  HEADER_PATTERN(Kind.ERROR, "CorsHeaderPattern",
      "%s lists \"%s\", which browsers compare as one header name, \"*\" and all (Fetch,"
          + " CORS-preflight fetch): header lists have no patterns, only a lone \"*\" for any"
          + " name. List each header name the page sends."),
  HEADER_DUPLICATE(Kind.WARNING, "CorsHeaderDuplicate",
      "%s lists \"%s\" twice (header names are compared ignoring case). Remove the"
          + " repetition."),
  HEADER_COVERED(Kind.WARNING, "CorsHeaderCovered",
      "%s lists \"%s\" beside \"*\", which already stands for every name here%s. Remove it."),
  ALLOW_FORBIDDEN_HEADER(Kind.WARNING, "CorsForbiddenRequestHeader",
      "allowHeaders lists \"%s\", a forbidden request-header (Fetch): browsers never let a page"
          + " set it, so allowing it has no effect. Remove it."),
  ALLOW_RESPONSE_HEADER(Kind.ERROR, "CorsResponseHeaderAllowed",
      "allowHeaders lists \"%s\", a CORS response header, which means nothing in a request"
          + " (Fetch, HTTP responses); allowing it would only hide that a page sends it, a common"
          + " mistake. Remove it, and the page code that sends it: corsgen sends the"
          + " Access-Control-* response headers itself, from this policy."),
  CREDENTIALS_ANY_HEADER(Kind.ERROR, "CorsCredentialsWildcardHeader",
      "%s lists \"*\", which cannot be combined with allowCredentials = true: on credentialed"
          + " requests browsers read \"*\" as a header literally named \"*\" (Fetch, HTTP"
          + " responses). List the header names instead."),
  CONTENT_TYPE_NOT_ALLOWED(Kind.WARNING, "CorsContentTypeNotAllowed",
      "%s reads its body only as %s, so a page must send that Content-Type, which allowHeaders"
          + " does not allow; Content-Type is a CORS-safelisted request-header (Fetch) only for"
          + " application/x-www-form-urlencoded, multipart/form-data and text/plain, so every"
          + " such request fails its preflight. Add \"Content-Type\" to allowHeaders or, if only"
          + " non-browser clients send bodies, put"
          + " @SuppressWarnings(\"CorsContentTypeNotAllowed\") on that method."),
  ANY_HEADER_WITHOUT_AUTHORIZATION(Kind.WARNING, "CorsWildcardAuthorization",
      "allowHeaders lists \"*\", which never covers Authorization (Fetch, CORS-preflight fetch),"
          + " yet %s reads it with @HeaderParam(\"%s\"): every page request that sends it fails"
          + " its preflight. Add \"Authorization\" to allowHeaders or, if only non-browser"
          + " clients send it, put @SuppressWarnings(\"CorsWildcardAuthorization\") where it is"
          + " read."),
  HEADER_PARAM_NOT_ALLOWED(Kind.WARNING, "CorsHeaderParamNotAllowed",
      "%s reads the request header \"%s\" with @HeaderParam, but it is neither allowed by"
          + " allowHeaders nor a CORS-safelisted request-header (Fetch): every page request that"
          + " sends it fails its preflight. Add \"%s\" to allowHeaders or, if only non-browser"
          + " clients send it, put @SuppressWarnings(\"CorsHeaderParamNotAllowed\") where it is"
          + " read."),
  HEADER_PARAM_LAST_EVENT_ID(Kind.WARNING, "CorsHeaderParamNotAllowed",
      "%s reads the request header \"%s\" with @HeaderParam, but allowHeaders does not allow it."
          + " EventSource sends it without a preflight when it reconnects, but it is not a"
          + " CORS-safelisted request-header (Fetch): a page that sends it itself, from a stream"
          + " client built on fetch() (as for a stream that needs an Authorization header), fails"
          + " its preflight. Add \"%s\" to allowHeaders or, if only EventSource and non-browser"
          + " clients send it, put @SuppressWarnings(\"CorsHeaderParamNotAllowed\") where it is"
          + " read."),
  COOKIE_WITHOUT_CREDENTIALS(Kind.WARNING, "CorsCookieWithoutCredentials",
      "%s reads the cookie \"%s\" with @CookieParam, but this policy does not allow"
          + " credentials: a page's cross-origin request carries cookies only with credentials"
          + " \"include\", and the browser then refuses the answer without"
          + " Access-Control-Allow-Credentials: true (Fetch, CORS check). If pages of the listed"
          + " origins must send it, set allowCredentials = true; if only same-origin pages or"
          + " non-browser clients do, put @SuppressWarnings(\"CorsCookieWithoutCredentials\")"
          + " where it is read."),
  EXPOSE_FORBIDDEN(Kind.ERROR, "CorsExposeSetCookie",
      "exposeHeaders lists \"%s\", a forbidden response-header name (Fetch): browsers never let a"
          + " page read it, exposed or not. Remove it: cookies reach the browser's cookie store"
          + " without being exposed."),
  EXPOSE_SAFELISTED(Kind.WARNING, "CorsExposeSafelisted",
      "exposeHeaders lists \"%s\", a CORS-safelisted response-header name (Fetch) that every page"
          + " can already read. Remove it."),
  EXPOSE_REQUEST_HEADER(Kind.WARNING, "CorsExposeRequestHeader",
      "exposeHeaders lists \"%s\", a header of CORS requests that the browser sends and no"
          + " response carries (Fetch, HTTP requests), so exposing it lets a page read nothing."
          + " Remove it: exposeHeaders names the response headers a page may read."),

  MAX_AGE_NEGATIVE(Kind.ERROR, "CorsMaxAgeNegative",
      "maxAge = %d is not a number of seconds: Access-Control-Max-Age takes 0 or more (Fetch,"
          + " HTTP responses), and browsers ignore anything else. Use 0 for no caching, -1 to"
          + " leave the header out (browsers then cache for 5 seconds), or a positive number."),
  MAX_AGE_ABOVE_CAP(Kind.WARNING, "CorsMaxAgeCapped",
      "maxAge = %d is longer than any browser caches a preflight: Firefox caps it at 86400"
          + " seconds, Chromium at 7200 and WebKit at 600. Use 86400 or less (7200 is the longest"
          + " that Chromium honours); to keep it, put @SuppressWarnings(\"CorsMaxAgeCapped\") on the"
          + " annotated class or method."),

  NOT_A_RESOURCE_CLASS(Kind.ERROR, "CorsNotAResource",
      "@Cors on %s, which JAX-RS never serves: it neither has nor inherits a @Path, has no"
          + " resource method or sub-resource locator that a locator returning it could serve,"
          + " and no resource class extends it. Put @Cors on a root resource class (with @Path),"
          + " a class a locator returns, or their resource methods."),
  NOT_A_RESOURCE_METHOD(Kind.ERROR, "CorsNotAResourceMethod",
      "@Cors on %s, which has no HTTP method designator (@GET, @POST, ...), so it is not a"
          + " resource method, and a locator's @Cors would not reach the class it returns. Put"
          + " @Cors on a resource method or the resource class; for a locator, on the class it"
          + " returns."),
  ON_STATIC_INTERFACE_METHOD(Kind.ERROR, "CorsNotAResourceMethod",
      "@Cors on %s, a static method of an interface: classes do not inherit those, so JAX-RS"
          + " never serves it. Move the method to the resource class, or remove @Cors."),
  NOT_PUBLIC_METHOD(Kind.ERROR, "CorsNotPublic",
      "@Cors on %s, which is not public: JAX-RS only serves public methods. Make it public or"
          + " remove @Cors."),
  ON_ANNOTATION_TYPE(Kind.ERROR, "CorsNotAResource",
      "@Cors on the annotation type %s: corsgen reads @Cors only where it is written, not through"
          + " annotations that carry it. Put @Cors on the resource classes or methods themselves;"
          + " classes that share a policy can inherit it from a common superclass or interface"
          + " with @Cors."),
  NO_RESOURCE_METHOD(Kind.ERROR, "CorsNoResourceMethod",
      "@Cors on %s, which has no resource method (@GET, @POST, ...), only sub-resource locators"
          + " or nothing, and a class's @Cors does not reach the classes its locators return. Put"
          + " @Cors on those classes or their resource methods, or remove it."),
  CLASS_POLICY_UNUSED(Kind.WARNING, "CorsClassPolicyUnused",
      "@Cors on %s applies to none of its resource methods: each has a @Cors of its own, which"
          + " replaces the class's rather than adding to it. Remove the class's @Cors, or the"
          + " methods' own where the class policy is meant."),
  OWN_OPTIONS(Kind.ERROR, "CorsOwnOptions",
      "%s answers OPTIONS %s itself, where corsgen answers CORS preflights for %s: that method"
          + " would answer them instead, without the policy's Allow-Methods, Allow-Headers and"
          + " Max-Age. Remove the @OPTIONS method, or serve it at another path."),
  OWN_OPTIONS_ELSEWHERE(Kind.WARNING, "CorsOptionsElsewhere",
      "%s answers OPTIONS %s itself, where corsgen answers CORS preflights for %s of another"
          + " class: in one application, that method would answer them instead of corsgen. Serve"
          + " them at different paths or, if different JAX-RS applications serve them, put"
          + " @SuppressWarnings(\"CorsOptionsElsewhere\") on the class of either method."),
  PARTIAL_POLICY(Kind.WARNING, "CorsPartialPolicy",
      "%s %s is served by %s with @Cors and by %s without, and Jersey picks one per request by"
          + " media type: preflights succeed for both, but the second's answers carry no CORS"
          + " headers, not even Vary: Origin, so browsers refuse them. Give the second the same"
          + " policy or another path; if only non-browser clients ask for it, put"
          + " @SuppressWarnings(\"CorsPartialPolicy\") on the second."),
  CONFLICTING_POLICIES(Kind.ERROR, "CorsConflictingPolicies",
      "%s %s has a different @Cors policy in %s than in %s, but a path gets one preflight answer"
          + " per method. Give both the same policy, or serve them at different paths."),
  CONFLICTING_POLICIES_ACROSS_CLASSES(Kind.ERROR, "CorsConflictingPolicies",
      "%s %s has a different @Cors policy in %s than in %s, but a path gets one preflight answer"
          + " per method. Give both the same policy, or serve them at different paths; if"
          + " different JAX-RS applications serve the two classes, put"
          + " @SuppressWarnings(\"CorsConflictingPolicies\") on both."),
  GENERATED_NAME_CLASH(Kind.ERROR, "CorsGeneratedNameClash",
      "corsgen names the code it generates for %s and for %3$s after the same name, %2$s"
          + " (nested class names are joined with _), so the two would clash. Rename one of the"
          + " two resource classes."),
  GENERATED_CLASS_TAKEN(Kind.ERROR, "CorsGeneratedNameClash",
      "corsgen needs the name %2$s for the class it generates for %1$s and the other resources of"
          + " its package, but a class of that name exists in this compilation or on its class"
          + " path. Rename that class: corsgen reserves the names Cors_ followed by a resource's"
          + " name."),
  SOURCE_VERSION(Kind.ERROR, "CorsSourceVersion",
      "corsgen generates Java 17 code for %s and every other resource with @Cors, but this"
          + " compilation is for Java %s, which can neither compile that code nor load"
          + " cors-runtime. Compile for Java 17 or later:"
          + " <maven.compiler.release>17</maven.compiler.release> in Maven, options.release = 17"
          + " in Gradle, --release 17 for javac."),
  OUTPUT_NOT_ON_CLASS_PATH(Kind.ERROR, "CorsOutputNotOnClassPath",
      "the class output has the class files of resources that the last build's index lists (%s),"
          + " but the class path does not show them: corsgen cannot regenerate their code and,"
          + " rather than leave them without CORS, writes nothing. Put the class output directory"
          + " on the class path, as build tools do (javac's -cp naming its -d directory); delete"
          + " the class files of resources whose source is gone, or build clean."),
  WRITE_FAILED(Kind.ERROR, "CorsWriteFailed",
      "corsgen could not write what it generates for %s: %s. The policies are fine. Make sure the"
          + " build's output directories are writable and have space, and build again."),
  UNEXPECTED(Kind.ERROR, "CorsInternalError",
      "corsgen failed on %s: %s. This is a bug in corsgen; please report it with this message.");

  private final Kind kind;
  private final String tag;
  private final String format;

  Message(Kind kind, String tag, String format) {
    this.kind = kind;
    this.tag = tag;
    this.format = format;
  }

  public Kind kind() {
    return kind;
  }

  /** The stable tag, shown in brackets before the text. */
  public String tag() {
    return tag;
  }

  /**
   * Whether {@code @SuppressWarnings("<tag>")} on the element or an enclosing one silences it:
   * every warning, and the one error that can be a deliberate choice about one element rather
   * than a mistake. ({@link #CONFLICTING_POLICIES_ACROSS_CLASSES} is accepted on purpose on both
   * of its classes, which {@link Report#acceptsOnPurpose} tells.)
   */
  public boolean suppressible() {
    return kind == Kind.WARNING || this == INSECURE_CREDENTIALS;
  }

  /** The full text with its tag: {@code [CorsNullOrigin] origin "null" is ...}. */
  public String format(Object... args) {
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof CharSequence text) {
        shown[i] = visible(text.toString());
      }
    }
    return "[" + tag + "] " + String.format(format, shown);
  }

  /**
   * {@code text} with the characters one cannot see escaped as in Java source: a text block's
   * line break in an origin would cut the message in two, javac's source line and caret between
   * the halves, and a no-break space would look like none.
   */
  static String visible(String text) {
    StringBuilder visible = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\n' -> visible.append("\\n");
        case '\r' -> visible.append("\\r");
        case '\t' -> visible.append("\\t");
        default -> {
          if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
              || (Character.isSpaceChar(c) && c != ' ')) {
            visible.append(String.format("\\u%04x", (int) c));
          } else {
            visible.append(c);
          }
        }
      }
    }
    return visible.toString();
  }

  /**
   * The full text, for an origin in the default of {@code placeholder}: read alone, its fix
   * would replace the whole placeholder with one origin.
   */
  public String formatInDefault(String placeholder, Object... args) {
    return format(args) + " That origin is in the default of " + placeholder
        + ": correct it there, keeping the placeholder.";
  }
}
