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
      "origins has an empty entry, which no browser sends as an Origin. Remove it."),
  ORIGIN_WILDCARD_WITH_CREDENTIALS(Kind.ERROR, "CorsCredentialsWildcard",
      "origins = \"*\" cannot be combined with allowCredentials = true: browsers reject"
          + " \"Access-Control-Allow-Origin: *\" on credentialed requests (Fetch, CORS check)."
          + " List the exact origins instead, or a subdomain pattern such as"
          + " \"https://*.example.com\"."),
  ORIGIN_WILDCARD_MIXED(Kind.ERROR, "CorsWildcardMixed",
      "origins has \"*\" beside other entries, which then mean nothing. Keep either \"*\" alone or"
          + " only the listed origins."),
  ORIGIN_NULL(Kind.ERROR, "CorsNullOrigin",
      "origin \"null\" is sent by sandboxed iframes, file: pages and redirects, so any site can"
          + " forge it. Serve the page from a real origin and list that instead."),
  ORIGIN_FILE_SCHEME(Kind.ERROR, "CorsFileOrigin",
      "origin \"%s\": browsers send \"null\" as the Origin of file: pages, never a file: URL, and"
          + " \"null\" can be forged by any site. Serve the page over http(s) and list that"
          + " origin."),
  ORIGIN_NO_SCHEME(Kind.ERROR, "CorsOriginScheme",
      "origin \"%s\" has no scheme: browsers send scheme://host[:port]. Write \"%s\"."),
  ORIGIN_MALFORMED(Kind.ERROR, "CorsOriginMalformed",
      "origin \"%s\" is not a serialized origin (%s): browsers send the Origin header as"
          + " scheme://host[:port] in lower case, without default port, path or trailing slash,"
          + " so it would never match.%s"),
  ORIGIN_BAD_WILDCARD(Kind.ERROR, "CorsOriginWildcard",
      "origin \"%s\" has a wildcard that corsgen cannot match: the only pattern is one leading"
          + " \"*.\" label in the host, as in \"https://*.example.com\" (any subdomain of"
          + " example.com)."),

  CREDENTIALS_ANY_HEADER(Kind.ERROR, "CorsCredentialsWildcardHeader",
      "%s = \"*\" cannot be combined with allowCredentials = true: on credentialed requests"
          + " browsers read \"*\" as a header literally named \"*\" (Fetch, CORS-preflight fetch)."
          + " List the header names instead."),
  MAX_AGE_NEGATIVE(Kind.ERROR, "CorsMaxAgeNegative",
      "maxAge = %d is not a number of seconds. Use 0 for no caching, -1 to leave the header out"
          + " (browsers then cache for 5 seconds), or a positive number."),

  NOT_A_RESOURCE_CLASS(Kind.ERROR, "CorsNotAResource",
      "@Cors on %s, which JAX-RS does not serve: it has no @Path and no resource class extends it."
          + " Put @Cors on a root resource class (one with @Path) or on its resource methods."),
  NOT_A_RESOURCE_METHOD(Kind.ERROR, "CorsNotAResourceMethod",
      "@Cors on %s, which has no HTTP method designator (@GET, @POST, ...), so JAX-RS never"
          + " serves a request with it. Put @Cors on a resource method, or on the resource class."),
  NOT_PUBLIC_METHOD(Kind.ERROR, "CorsNotPublic",
      "@Cors on %s, which is not public: JAX-RS only serves public methods. Make it public or"
          + " remove @Cors."),
  METHOD_NOT_IN_ROOT_RESOURCE(Kind.ERROR, "CorsNotAResource",
      "@Cors on %s, whose class %s is not a root resource (no @Path) and is not extended by one"
          + " in this compilation. corsgen generates CORS only for root resource classes."),
  UNKNOWN_OPTION(Kind.WARNING, "CorsUnknownOption",
      "-A%s is not a corsgen option, so it changes nothing. corsgen reads: %s."),
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

  /** The full text with its tag: {@code [CorsNullOrigin] origin "null" is ...}. */
  public String format(Object... args) {
    return "[" + tag + "] " + String.format(format, args);
  }
}
