package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sends malformed and adversarial CORS requests, byte for byte over a socket, through Grizzly and
 * Jersey to {@link GuardedResource} (listed origins, a subdomain pattern, a credentialed method)
 * and {@link PublicResource} (any origin, any header), and checks each answer against the Fetch
 * standard as restated here: never a 5xx; a refused origin gets no
 * {@code Access-Control-Allow-Origin}, a granted one its own origin echoed (or {@code *} for the
 * open policy); a preflight is granted only when its method is one token served under a policy
 * granting the origin and every item of {@code Access-Control-Request-Headers} parses as a
 * token ({@code 1#field-name}: empty items and spaces or tabs around items are allowed) and is
 * allowed; and {@code Vary} names what the answer depends on, refusals and origin-less requests
 * included.
 *
 * <p>One {@link Random} drives the run; a failure prints its seed, the try and the request.
 * Replay with {@code -Dcorsgen.security.seed=<seed>}. The run sends {@value #DEFAULT_TRIES}
 * requests (a few seconds), or as many as the other HTTP properties get when
 * {@code -Dcorsgen.security.tries} asks for more.
 */
class MalformedRequestsFuzzTest {

  private static final int DEFAULT_TRIES = 1_500;

  private static CorsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = new CorsServer(new ResourceConfig(GuardedResource.class, PublicResource.class)
        .register(CorsFeature.class));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** One request: a method, a path, and the header fields in the order they are sent. */
  record Request(String method, String path, List<String[]> fields) {

    List<String> values(String name) {
      List<String> values = new ArrayList<>();
      for (String[] field : fields) {
        if (field[0].equalsIgnoreCase(name)) {
          values.add(FetchOracle.trimHttpSpace(field[1]));
        }
      }
      return values;
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(method).append(' ').append(path);
      for (String[] field : fields) {
        s.append(" | ").append(field[0]).append(": ").append(escape(field[1]));
      }
      return s.toString();
    }
  }

  @Test
  void malformedAndAdversarialRequestsGetTheAnswerFetchImplies() throws IOException {
    long seed = Long.getLong("corsgen.security.seed", System.nanoTime());
    int tries = Math.max(DEFAULT_TRIES, Trials.httpTries());
    Random random = new Random(seed);
    int grantedPreflights = 0;
    int grantedActual = 0;
    try (LogCapture log = new LogCapture(false)) {
      for (int i = 0; i < tries; i++) {
        Request request = generate(random);
        try {
          boolean granted = check(request,
              server.send(request.method(), request.path(), request.fields()));
          if (granted && request.method().equals("OPTIONS")) {
            grantedPreflights++;
          } else if (granted) {
            grantedActual++;
          }
        } catch (AssertionError | RuntimeException | IOException e) {
          throw new AssertionError("seed " + seed + " (replay with -Dcorsgen.security.seed=" + seed
              + "), try " + (i + 1) + " of " + tries + ": " + Trials.abbreviate(request.toString())
              + ": " + e.getMessage(), e);
        }
      }
      log.assertNoException();
    }
    // The generator must reach the grants as well as the refusals, or the run proves little.
    assertTrue(grantedPreflights > tries / 20, "granted preflights: " + grantedPreflights);
    assertTrue(grantedActual > tries / 20, "granted actual requests: " + grantedActual);
  }

  /** Checks one answer; returns whether it granted the origin by deciding on it. */
  private static boolean check(Request request, CorsServer.Response response) {
    int status = response.status();
    assertTrue(status < 500, "status " + status);
    boolean isPublic = request.path().equals("/public");
    if (!request.method().equals("OPTIONS")) {
      return checkActual(request, response, isPublic);
    }
    List<String> origins = request.values("Origin");
    List<String> methods = request.values("Access-Control-Request-Method");
    if (origins.isEmpty() || methods.isEmpty()) {
      assertEquals(200, status, "a plain OPTIONS request");
      assertFalse(response.grantsAnything(), "a plain OPTIONS answer grants nothing");
      assertEquals(Optional.of(FetchOracle.PREFLIGHT_VARY), response.header("Vary"));
      return false;
    }
    List<String> requestHeaders = request.values("Access-Control-Request-Headers");
    assertEquals(Optional.of(FetchOracle.PREFLIGHT_VARY), response.header("Vary"));
    if (isPublic) {
      boolean granted = origins.size() == 1 && !origins.get(0).isEmpty()
          && methods.size() == 1 && Set.of("GET", "HEAD", "POST").contains(methods.get(0))
          && FetchOracle.publicPreflightGranted(String.join(",", requestHeaders));
      assertEquals(granted ? 204 : 403, status, "status");
      if (granted) {
        assertEquals(Optional.of("*"), response.header("Access-Control-Allow-Origin"));
        assertEquals(FetchOracle.publicAllowHeaders(String.join(",", requestHeaders)),
            response.header("Access-Control-Allow-Headers"));
        assertEquals(Set.of("GET", "HEAD", "POST"),
            FetchOracle.methodSet(response.header("Access-Control-Allow-Methods").orElse(null)));
        assertEquals(Optional.empty(), response.header("Access-Control-Allow-Credentials"));
      } else {
        assertFalse(response.grantsAnything(), "a refusal grants nothing");
      }
      return granted;
    }
    FetchOracle.Preflight expected =
        FetchOracle.guardedItemPreflight(origins, methods, requestHeaders);
    HostileRequestsOverHttpTest.assertAnswer(expected, response);
    return expected.granted();
  }

  private static boolean checkActual(Request request, CorsServer.Response response,
      boolean isPublic) {
    if (isPublic) {
      // One constant answer for every origin: nothing to vary on (CORS-PROTOCOL.md, "Caches").
      assertEquals(Optional.of("*"), response.header("Access-Control-Allow-Origin"));
      assertEquals(Optional.of("*"), response.header("Access-Control-Expose-Headers"));
      assertEquals(Optional.empty(), response.header("Access-Control-Allow-Credentials"));
      return false;
    }
    assertTrue(response.status() / 100 == 2, "status " + response.status());
    assertEquals(Optional.of("Origin"), response.header("Vary"));
    List<String> origins = request.values("Origin");
    boolean delete = request.method().equals("DELETE");
    FetchOracle.Policy policy = delete ? FetchOracle.Policy.ADMIN : FetchOracle.Policy.CLASS;
    boolean granted = origins.size() == 1 && !origins.get(0).isEmpty()
        && policy.allowsOrigin(origins.get(0));
    assertEquals(granted ? Optional.of(origins.get(0)) : Optional.empty(),
        response.header("Access-Control-Allow-Origin"));
    assertEquals(granted && delete ? Optional.of("true") : Optional.empty(),
        response.header("Access-Control-Allow-Credentials"));
    assertEquals(granted && !delete ? Optional.of("X-Total-Count") : Optional.empty(),
        response.header("Access-Control-Expose-Headers"));
    return granted;
  }

  private static final String[] GUARDED_ORIGINS = {
      FetchOracle.EXACT_ORIGIN, FetchOracle.PORT_ORIGIN, FetchOracle.ADMIN_ORIGIN,
      "https://a.example.com", "https://a-b.c.example.com",
  };

  /** Wrong forms of allowed origins, each a way a client that is no browser could write one. */
  private static final String[] ODD_ORIGINS = {
      "null", "HTTPS://APP.EXAMPLE.NET", "https://APP.example.net", "Https://app.example.net",
      "https://app.example.net/", "https://app.example.net:443", "http://localhost:8080/",
      "https://user@app.example.net", "https://user:pw@app.example.net",
      "https://app.example.net/x", "https://app.example.net?q", "https://app.example.net#f",
      "https://app%2Eexample.net", "https://%61pp.example.net", "https://a.example.com%2F",
      "http://[::1]:8080", "http://[::1]", "https://[2001:db8::1]",
      "https://b\u00fccher.example.com", "https://xn--bcher-kva.example.com",
      "https://app.example.net.", "https://.example.com", "https://a..example.com",
      "https://example.com", "https://evil.example.com.evil.net", "https://a.example.com:443",
      "https://a.EXAMPLE.com", "https://app.example.net https://app.example.net",
      "https://app.example.net, https://evil.net", "http://localhost:08080",
      "http://LOCALHOST:8080", "https://app.example.net\u00a0", "\u00ffhttps://app.example.net",
      "https://app.example.net\u0085", "https://app.example.net\u0000",
      "https://app\u007f.example.net", "*", "file://", "https://", "",
  };

  private static final String[] METHODS = {
      "GET", "HEAD", "PUT", "PATCH", "DELETE", "POST", "OPTIONS", "CONNECT", "TRACE", "TRACK",
      "put", "Put", "patch", "delete", "get", "P UT", "PUT,PATCH", "PUT, PATCH", "PU\u00d4",
      "PUT\u0080", "PUT;", "PUT/1", "(PUT)", "\"PUT\"", "", "P\tUT",
  };

  private static final String[] NAMES = {
      "Content-Type", "X-Token", "content-type", "x-token", "X-TOKEN", "CoNtEnT-TyPe",
      "Authorization", "AUTHORIZATION", "x-other", "x_token", "x-token-2", "*", "x.token", "x~t",
      "x-tok\u00e9n", "x-token\u00ff", "x\u0080", "x token", "x;token", "x:token", "x/token",
      "x(token)", "\"x-token\"", "x@token", "x=token", "x[1]", "x{1}", "x\\token", "x?",
      "x\u0001", "x\u0000y", "x\u007f",
  };

  private static Request generate(Random random) {
    int kind = random.nextInt(10);
    boolean isPublic = random.nextInt(4) == 0;
    List<String[]> fields = new ArrayList<>();
    addFields(random, fields, "Origin", () -> origin(random));
    if (kind < 6) {
      addFields(random, fields, "Access-Control-Request-Method", () -> method(random));
      if (random.nextInt(3) > 0) {
        addFields(random, fields, "Access-Control-Request-Headers", () -> headerList(random));
      }
      if (random.nextInt(8) == 0) {
        fields.add(new String[] {"X-Obs-Text", obsText(random)});
      }
      Collections.shuffle(fields, random);
      return new Request("OPTIONS", isPublic ? "/public" : "/guarded/7", fields);
    }
    if (random.nextInt(8) == 0) {
      fields.add(new String[] {"Access-Control-Request-Headers", headerList(random)});
    }
    if (isPublic) {
      return new Request(random.nextBoolean() ? "GET" : "POST", "/public", fields);
    }
    String method = pick(random, new String[] {"GET", "HEAD", "PUT", "PATCH", "DELETE"});
    String path = method.equals("GET") && random.nextBoolean() ? "/guarded" : "/guarded/7";
    return new Request(method, path, fields);
  }

  /** Usually one field; sometimes none, two or three, or one sent with an empty value. */
  private static void addFields(Random random, List<String[]> fields, String name,
      Supplier<String> value) {
    int count = switch (random.nextInt(16)) {
      case 0 -> 0;
      case 1, 2 -> 2;
      case 3 -> 3;
      default -> 1;
    };
    for (int i = 0; i < count; i++) {
      String fieldName = random.nextInt(8) == 0 ? mixCase(random, name) : name;
      fields.add(new String[] {fieldName, random.nextInt(40) == 0 ? "" : value.get()});
    }
  }

  private static String origin(Random random) {
    int kind = random.nextInt(10);
    String origin = kind < 6 ? pick(random, GUARDED_ORIGINS)
        : kind < 8 ? pick(random, ODD_ORIGINS)
        : kind < 9 ? "https://" + "a".repeat(random.nextInt(1, 3000)) + ".example.com"
        : obsText(random);
    return withOptionalWhitespace(random, origin);
  }

  private static String method(Random random) {
    int kind = random.nextInt(30);
    String method = kind == 0 ? "P".repeat(random.nextInt(100, 5000))
        : kind < 18 ? pick(random, new String[] {"GET", "HEAD", "PUT", "PATCH", "DELETE", "POST"})
        : pick(random, METHODS);
    return withOptionalWhitespace(random, method);
  }

  /**
   * An {@code Access-Control-Request-Headers} value: names in any case, with empty items,
   * trailing commas, spaces and tabs, duplicates, non-token characters, obs-text, sometimes
   * thousands of names or one very long one.
   */
  private static String headerList(Random random) {
    int kind = random.nextInt(30);
    if (kind == 0) {
      StringBuilder many = new StringBuilder();
      for (int i = random.nextInt(1000, 5000); i > 0; i--) {
        many.append(random.nextBoolean() ? "x-token" : "Content-Type").append(i > 1 ? "," : "");
      }
      return many.toString();
    }
    if (kind == 1) {
      return "x-" + "t".repeat(random.nextInt(1000, 20000));
    }
    StringBuilder list = new StringBuilder();
    for (int items = random.nextInt(0, 5); items > 0; items--) {
      String name = random.nextInt(8) == 0 ? pick(random, NAMES)
          : pick(random, new String[] {"Content-Type", "X-Token", "x-token", "content-type"});
      list.append(pick(random, new String[] {"", "", " ", "\t", " \t "})).append(name)
          .append(pick(random, new String[] {"", "", " ", "\t"}));
      if (items > 1 || random.nextInt(6) == 0) {
        list.append(pick(random, new String[] {",", ",", ",", ", ", ",,", " , ", ",\t,"}));
      }
    }
    return list.toString();
  }

  /** A value of bytes 0x80 to 0xFF (obs-text), with some printable ASCII among them. */
  private static String obsText(Random random) {
    StringBuilder s = new StringBuilder();
    for (int length = random.nextInt(1, 40); length > 0; length--) {
      s.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x21, 0x7f)
          : (char) random.nextInt(0x80, 0x100));
    }
    return s.toString();
  }

  /** HTTP drops spaces and tabs around a field value (RFC 9110, "Field Values"). */
  private static String withOptionalWhitespace(Random random, String value) {
    return switch (random.nextInt(12)) {
      case 0 -> " " + value;
      case 1 -> value + " ";
      case 2 -> "\t" + value + "\t";
      default -> value;
    };
  }

  private static String mixCase(Random random, String s) {
    StringBuilder mixed = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      mixed.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return mixed.toString();
  }

  private static String pick(Random random, String[] choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String escape(String s) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return escaped.toString();
  }
}
