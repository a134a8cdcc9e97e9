package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.corsgen.runtime.internal.CorsIndex;
import org.corsgen.runtime.spi.CorsPolicy;
import org.corsgen.runtime.spi.OriginPatterns;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Proves that the policy corsgen generated for {@link GuardedResource} (its origin lists in an
 * {@code OriginSet}, patterns checked by {@link OriginPatterns}) grants exactly the origins
 * {@link FetchOracle} grants: every serialized subdomain of the pattern, the listed origins byte
 * for byte, and nothing else, whatever the case, port, path, user information, encoding or
 * length of the near miss.
 */
class OriginMatchingTest {

  private static final CorsPolicy CLASS_POLICY = classPolicy();

  private static CorsPolicy classPolicy() {
    try {
      return CorsIndex.forApplication(new ResourceConfig())
          .policyFor(GuardedResource.class, GuardedResource.class.getMethod("list"))
          .orElseThrow();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean oracle(String origin) {
    return FetchOracle.Policy.CLASS.allowsOrigin(origin);
  }

  @Test
  void hostileOriginsGetExactlyTheVerdictFetchImplies() {
    Map<String, Boolean> cases = new LinkedHashMap<>();
    cases.put(FetchOracle.EXACT_ORIGIN, true);
    cases.put(FetchOracle.PORT_ORIGIN, true);
    cases.put("https://a.example.com", true);
    cases.put("https://xn--bcher-kva.example.com", true);
    // Browsers serialize scheme and host in lower case, so these are never a browser's.
    cases.put("HTTPS://APP.EXAMPLE.NET", false);
    cases.put("https://App.example.net", false);
    cases.put("https://A.example.com", false);
    // A serialized origin has no trailing slash, path, query, or user information.
    cases.put("https://app.example.net/", false);
    cases.put("https://app.example.net/path", false);
    cases.put("https://app.example.net?q", false);
    cases.put("https://user:pass@app.example.net", false);
    cases.put("https://app.example.net@evil.net", false);
    cases.put("https://user@a.example.com", false);
    // Default ports are left out of a serialized origin; other ports must be the listed one.
    cases.put("https://app.example.net:443", false);
    cases.put("https://a.example.com:443", false);
    cases.put("http://localhost", false);
    cases.put("http://localhost:80", false);
    cases.put("http://localhost:8081", false);
    // A port wildcard: any port as browsers serialize one, or none; the host as it is.
    cases.put("http://127.0.0.1", true);
    cases.put("http://127.0.0.1:1", true);
    cases.put("http://127.0.0.1:65535", true);
    cases.put("https://a.dev.example.org", true);
    cases.put("https://a.b.dev.example.org:8443", true);
    cases.put("http://127.0.0.1:65536", false);
    cases.put("http://127.0.0.1:0", false);
    cases.put("http://127.0.0.1:08080", false);
    cases.put("http://127.0.0.1:+80", false);
    cases.put("http://127.0.0.1:", false);
    cases.put("http://127.0.0.1:80:80", false);
    cases.put("http://127.0.0.1:80@evil.net", false);
    cases.put("http://127.0.0.1.evil.net:80", false);
    cases.put("http://127.0.0.10:80", false);
    cases.put("https://127.0.0.1:8443", false);
    cases.put("http://127.0.0.1:\u0668\u0660", false);
    cases.put("https://dev.example.org:8443", false);
    cases.put("https://a.dev.example.org:8443.evil.net", false);
    cases.put("https://evil.net:1.dev.example.org", false);
    cases.put("https://a.dev.example.org:8443/", false);
    // Opaque origins serialize as "null", which any sandboxed page can send.
    cases.put("null", false);
    // Non-ASCII hosts are sent in punycode; the Unicode form or a look-alike dot never is.
    cases.put("https://b\u00fccher.example.com", false);
    cases.put("https://a\uff0eexample.com", false);
    cases.put("https://a.exampl\u0117.com", false);
    // Look-alikes of the allowed origins and of the pattern.
    cases.put("https://app.example.net.evil.net", false);
    cases.put("https://evilapp.example.net", false);
    cases.put("https://evilexample.com", false);
    cases.put("https://example.com", false);
    cases.put("https://.example.com", false);
    cases.put("https://a..example.com", false);
    cases.put("https://a.example.com.", false);
    cases.put("http://a.example.com", false);
    cases.put("https://evil.net/.example.com", false);
    cases.put("https://evil.net#.example.com", false);
    // Several origins in one field.
    cases.put(FetchOracle.EXACT_ORIGIN + " https://evil.net", false);
    cases.put("https://evil.net, " + FetchOracle.EXACT_ORIGIN, false);
    cases.put("https://evil.net,https://a.example.com", false);
    // 64 KiB: a label that long is still a host name to a browser, garbage after it is not.
    cases.put("https://" + "a".repeat(64 * 1024) + ".example.com", true);
    cases.put(FetchOracle.EXACT_ORIGIN + "x".repeat(64 * 1024), false);
    cases.put("https://" + ".".repeat(64 * 1024) + "example.com", false);

    cases.forEach((origin, granted) -> {
      String shown = Trials.abbreviate(origin);
      assertEquals(granted, oracle(origin), () -> "the oracle disagrees with the table: " + shown);
      assertEquals(granted, CLASS_POLICY.allowsOrigin(origin), shown);
    });
  }

  @Test
  void generatedMatcherAgreesWithTheFetchOracleOnHostileOrigins() {
    Trials.forAll(Trials.tries(), random -> HostileInputs.origin(random, false),
        origin -> assertEquals(oracle(origin), CLASS_POLICY.allowsOrigin(origin)));
  }

  @Test
  void subdomainPatternGrantsEverySerializedSubdomain() {
    Trials.forAll(Trials.tries(),
        random -> HostileInputs.subdomainOf(random, "https://", ".example.com"),
        origin -> assertTrue(CLASS_POLICY.allowsOrigin(origin)));
  }

  @Test
  void portWildcardMatchingAgreesWithTheFetchOracleOnAnyTwist() {
    Trials.forAll(Trials.tries(),
        random -> HostileInputs.twist(random, HostileInputs.twist(random,
            HostileInputs.subdomainOf(random, "https://", ".dev.example.org")
                + (random.nextBoolean() ? "" : ":" + random.nextInt(1, 65536)))),
        origin -> assertEquals(
            FetchOracle.isSerializedStrictSubdomainOnAnyPort(origin, "https", "dev.example.org"),
            OriginPatterns.matchesSubdomainOnAnyPort(origin, "https://", ".dev.example.org")));
    Trials.forAll(Trials.tries(),
        random -> HostileInputs.twist(random, HostileInputs.twist(random,
            FetchOracle.ANY_PORT_HOST + ":" + random.nextInt(1, 65536))),
        origin -> assertEquals(FetchOracle.isOnAnyPort(origin, FetchOracle.ANY_PORT_HOST),
            OriginPatterns.matchesHostOnAnyPort(origin, FetchOracle.ANY_PORT_HOST)));
  }

  @Test
  void subdomainMatchingAgreesWithTheFetchOracleOnAnySuffixTwist() {
    Trials.forAll(Trials.tries(),
        random -> HostileInputs.twist(random, HostileInputs.subdomainOf(random, "https://",
            ".example.com")),
        origin -> assertEquals(
            FetchOracle.isSerializedStrictSubdomain(origin, "https", "example.com"),
            OriginPatterns.matchesSubdomain(origin, "https://", ".example.com")));
  }
}
