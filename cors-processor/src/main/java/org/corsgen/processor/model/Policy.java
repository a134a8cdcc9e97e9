package org.corsgen.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A validated {@code @Cors} policy, with every header value already in the form it is sent (but
 * for {@code allowHeaders = "*"}, which the runtime answers with the names a preflight asks for).
 *
 * @param source where it was declared, for generated comments and run-time logs
 * @param owner the nested name of the class that declares it, its resource's or a supertype's,
 *     which its generated constant is named after: one constant serves every resource of a
 *     generated class that inherits it
 * @param label what its generated constant is named after, besides its owner: empty for a
 *     class's policy, else the method's name
 * @param anyOrigin whether {@code origins = "*"}
 * @param exactOrigins serialized origins, in declaration order, without duplicates
 * @param patterns subdomain patterns and port wildcards
 * @param placeholders origins that come from configuration at start-up
 * @param methods the methods it grants, without duplicates; empty for every method served
 * @param allowHeaders the {@code Access-Control-Allow-Headers} names as written
 * @param exposeHeaders the {@code Access-Control-Expose-Headers} names as written
 * @param allowCredentials whether credentials are allowed
 * @param maxAge the {@code Access-Control-Max-Age} seconds; empty to leave the header out
 */
public record Policy(
    String source,
    String owner,
    String label,
    boolean anyOrigin,
    List<String> exactOrigins,
    List<OriginPattern> patterns,
    List<Placeholder> placeholders,
    List<String> methods,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    boolean allowCredentials,
    OptionalInt maxAge) {

  public Policy {
    exactOrigins = List.copyOf(exactOrigins);
    patterns = List.copyOf(patterns);
    placeholders = List.copyOf(placeholders);
    methods = List.copyOf(methods);
    allowHeaders = List.copyOf(allowHeaders);
    exposeHeaders = List.copyOf(exposeHeaders);
  }

  /**
   * The origins as they were written: {@code "*"}, or the exact origins, the patterns and the
   * placeholders.
   */
  public List<String> origins() {
    if (anyOrigin) {
      return List.of("*");
    }
    List<String> origins = new ArrayList<>(exactOrigins);
    patterns.forEach(pattern -> origins.add(pattern.toString()));
    placeholders.forEach(placeholder -> origins.add(placeholder.toString()));
    return List.copyOf(origins);
  }

  /**
   * This policy without where it was declared and the methods it names: what its generated
   * constant holds, so that policies with equal contents can share one.
   */
  public Policy content() {
    return new Policy("", "", "", anyOrigin, exactOrigins, patterns, placeholders, List.of(),
        allowHeaders, exposeHeaders, allowCredentials, maxAge);
  }

  /** This policy, declared at {@code source} and named after {@code label}. */
  public Policy declaredAs(String source, String label) {
    return new Policy(source, owner, label, anyOrigin, exactOrigins, patterns, placeholders,
        methods,
        allowHeaders, exposeHeaders, allowCredentials, maxAge);
  }

  /** Whether this policy covers requests with {@code httpMethod}. */
  public boolean grants(String httpMethod) {
    return methods.isEmpty() || methods.contains(httpMethod);
  }
}
