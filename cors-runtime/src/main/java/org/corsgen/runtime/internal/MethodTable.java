package org.corsgen.runtime.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.corsgen.runtime.spi.CorsPolicy;

/**
 * The HTTP methods served at one URL and their policies, with what a preflight answer derives
 * from them, computed once: which methods each policy lists in
 * {@code Access-Control-Allow-Methods}, and which other policies make an answer uncacheable.
 */
final class MethodTable {

  /** Fetch, "CORS-safelisted method": sent without a preflight of its own. */
  private static final List<String> SIMPLE_METHODS = List.of("GET", "HEAD", "POST");

  private final Map<String, CorsPolicy> policyByMethod;
  private final Set<String> served;
  private final List<CorsPolicy> policies;
  private final Map<CorsPolicy, String> allowMethods;
  private final Map<CorsPolicy, List<CorsPolicy>> narrower;
  private final Map<CorsPolicy, List<CorsPolicy>> otherSimpleMethodPolicies;
  private final boolean simpleMethodWithoutPolicy;

  /**
   * @param policyByMethod the policy of each HTTP method served that has one
   * @param served every method served, with or without a policy
   */
  MethodTable(Map<String, CorsPolicy> policyByMethod, Set<String> served) {
    this.policyByMethod = Map.copyOf(policyByMethod);
    this.served = Collections.unmodifiableSet(new TreeSet<>(served));
    // Joined in order, so that Allow-Methods reads the same at every start (Jersey's order of
    // methods comes from reflection, which promises none). Policies that answer preflights alike
    // share one list: equal @Cors on two classes serving one URL are two instances, and listing
    // each one's methods apart would only make browsers preflight the others again.
    Map<CorsPolicy, StringJoiner> methods = new LinkedHashMap<>();
    new TreeMap<>(policyByMethod).forEach((method, policy) -> {
      StringJoiner group = methods.get(policy);
      if (group == null) {
        group = methods.entrySet().stream()
            .filter(entry -> entry.getKey().answersPreflightsLike(policy))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseGet(() -> new StringJoiner(", "));
        methods.put(policy, group);
      }
      group.add(method);
    });
    this.policies = List.copyOf(methods.keySet());
    Map<CorsPolicy, String> allowMethods = new LinkedHashMap<>();
    Map<CorsPolicy, List<CorsPolicy>> narrower = new LinkedHashMap<>();
    methods.forEach((policy, joined) -> {
      allowMethods.put(policy, joined.toString());
      narrower.put(policy, policies.stream()
          .filter(other -> other != policy && policy.exceeds(other))
          .toList());
    });
    this.allowMethods = Collections.unmodifiableMap(allowMethods);
    this.narrower = Map.copyOf(narrower);
    Map<CorsPolicy, List<CorsPolicy>> otherSimpleMethodPolicies = new LinkedHashMap<>();
    for (CorsPolicy policy : policies) {
      otherSimpleMethodPolicies.put(policy, SIMPLE_METHODS.stream()
          .map(policyByMethod::get)
          .filter(other -> other != null && other != policy)
          .distinct()
          .toList());
    }
    this.otherSimpleMethodPolicies = Map.copyOf(otherSimpleMethodPolicies);
    this.simpleMethodWithoutPolicy = SIMPLE_METHODS.stream()
        .anyMatch(method -> served.contains(method) && !policyByMethod.containsKey(method));
  }

  /**
   * The table of a URL that several paths match, as Jersey routes each method there: to the first
   * of {@code tables} that serves it.
   */
  static MethodTable firstServing(List<MethodTable> tables) {
    Map<String, CorsPolicy> policyByMethod = new LinkedHashMap<>();
    Set<String> served = new LinkedHashSet<>();
    for (MethodTable table : tables) {
      for (String method : table.served) {
        if (served.add(method) && table.policyByMethod.containsKey(method)) {
          policyByMethod.put(method, table.policyByMethod.get(method));
        }
      }
    }
    return new MethodTable(policyByMethod, served);
  }

  /** The policy of {@code method}, or {@code null} when it is not served or has none. */
  CorsPolicy policyOf(String method) {
    return policyByMethod.get(method);
  }

  /** Whether {@code method} is CORS-safelisted, compared byte for byte as Fetch compares it. */
  static boolean isSafelisted(String method) {
    return SIMPLE_METHODS.contains(method);
  }

  /** The same, ignoring case, as a browser that does not follow Fetch there might. */
  static boolean isSafelistedIgnoringCase(String method) {
    return SIMPLE_METHODS.stream().anyMatch(method::equalsIgnoreCase);
  }

  /**
   * A policy here that allows {@code origin}, or {@code null}; one that allows credentials where
   * there is one, so that a credentialed request is not told about credentials instead.
   */
  CorsPolicy allowing(String origin) {
    CorsPolicy found = null;
    for (CorsPolicy policy : policies) {
      if (policy.allowsOrigin(origin)) {
        if (policy.allowsCredentials()) {
          return policy;
        }
        found = found == null ? policy : found;
      }
    }
    return found;
  }

  /** Every method served, with or without a policy. */
  Set<String> served() {
    return served;
  }

  /** The methods that have a policy, for log messages. */
  Set<String> methodsWithPolicy() {
    return new TreeSet<>(policyByMethod.keySet());
  }

  boolean hasPolicies() {
    return !policies.isEmpty();
  }

  /** The distinct policies. */
  List<CorsPolicy> policies() {
    return policies;
  }

  /**
   * The {@code Access-Control-Allow-Methods} value of {@code policy}: the methods it governs, and
   * those of the policies here that answer preflights alike.
   */
  String allowMethods(CorsPolicy policy) {
    return allowMethods.get(policy);
  }

  /** What the table grants, for the start-up log: {@code GET, HEAD from [https://a.com]}. */
  String describe() {
    // Each policy with the methods it governs itself, not its group's: the log says which is whose.
    Map<CorsPolicy, StringJoiner> own = new LinkedHashMap<>();
    new TreeMap<>(policyByMethod).forEach((method, policy) ->
        own.computeIfAbsent(policy, p -> new StringJoiner(", ")).add(method));
    return own.entrySet().stream()
        .map(entry -> entry.getValue() + " from [" + entry.getKey().declaredOriginList() + "]")
        .collect(Collectors.joining("; "));
  }

  /**
   * Whether another policy here grants the origin but allows fewer headers or no credentials than
   * an answer of {@code policy} that grants {@code grantedHeaders}; the answer is then not cached
   * (see {@link CorsPolicy#exceeds}). Allow-Methods names only the answering policy's methods for
   * the same reason: browsers send a cached method without asking again. Under
   * {@code allowHeaders = "*"} the answer grants only the names asked for, so it is compared by
   * those: {@code *} exceeds every list, but an answer naming X-A does not exceed a policy that
   * allows X-A.
   */
  boolean grantsMoreThanAnotherPolicyForThisOrigin(CorsPolicy policy, String origin,
      String grantedHeaders) {
    for (CorsPolicy other : narrower.get(policy)) {
      // A policy with "*" has no credentials (CorsPolicy.Builder refuses both), so under it
      // only the names can exceed the other's.
      if (other.allowsOrigin(origin) && (!policy.allowsAnyHeader()
          || other.firstRefusedHeader(grantedHeaders).isPresent())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an answer grants request headers ({@code grantedHeaders} is not empty) while a
   * CORS-safelisted method here has no policy, or one that does not grant the origin; the answer
   * is then not cached either. Browsers send a
   * safelisted method with cached header names without asking (Fetch, "CORS-preflight cache"), so
   * a header granted to PUT would reach such a POST or GET, which a preflight of its own would have
   * refused.
   */
  boolean grantsHeadersToASimpleMethodThatRefusesThem(CorsPolicy policy, String origin,
      String grantedHeaders) {
    if (grantedHeaders.isEmpty()) {
      return false;
    }
    if (simpleMethodWithoutPolicy) {
      return true;
    }
    for (CorsPolicy other : otherSimpleMethodPolicies.get(policy)) {
      if (!other.allowsOrigin(origin)) {
        return true;
      }
    }
    return false;
  }
}
