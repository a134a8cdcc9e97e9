package org.corsgen.processor.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Name;
import javax.lang.model.element.TypeElement;
import org.corsgen.processor.diagnostics.Message;
import org.corsgen.processor.diagnostics.Report;
import org.corsgen.processor.model.OriginPattern;
import org.corsgen.processor.model.Placeholder;
import org.corsgen.processor.model.Policy;

/**
 * Who answers preflights at each path, over the whole compilation. The runtime adds one preflight
 * endpoint per path (classes sharing a path share it, as Jersey merges them) with one policy per
 * HTTP method, and none where the application answers OPTIONS itself; this table reports the
 * policies that would therefore be ignored, on whichever of two claims comes second.
 */
final class PreflightTable {

  /**
   * What a policy makes a preflight answer; policies with equal answers may share a method.
   * Exposed headers are not part of it: they only appear on actual responses, which each method's
   * own filter answers.
   */
  private record Answer(boolean anyOrigin, Set<String> exactOrigins, Set<OriginPattern> patterns,
      Set<Placeholder> placeholders, Set<String> allowHeaders, boolean allowCredentials,
      OptionalInt maxAge) {

    static Answer of(Policy policy) {
      return new Answer(policy.anyOrigin(), Set.copyOf(policy.exactOrigins()),
          Set.copyOf(policy.patterns()), Set.copyOf(policy.placeholders()),
          lowerCase(policy.allowHeaders()), policy.allowCredentials(), policy.maxAge());
    }

    private static Set<String> lowerCase(List<String> names) {
      return names.stream().map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }
  }

  /** A resource method that claims a path and method, the answer its policy gives, its class. */
  private record Claim(ServedMethod owner, Answer answer, TypeElement resource) {}

  /**
   * By normalized path, then HTTP method, in the order they came: the first is the one later
   * claims are compared with, and the next one takes its place when it is {@linkplain #forget
   * forgotten}.
   */
  private final Map<String, Map<String, List<Claim>>> claims = new HashMap<>();
  /** A method of a resource class, which a suppression on that class speaks for too. */
  private record Claimant(ServedMethod method, TypeElement resource) {
    boolean suppresses(Message message, Report report) {
      return report.suppresses(message, method.method()) || report.suppresses(message, resource);
    }
  }

  /** The preflighted resource methods by normalized path, the first of each earlier class. */
  private final Map<String, List<Claimant>> preflighted = new HashMap<>();
  /** The methods without a policy by normalized path, then HTTP method, as {@link #claims}. */
  private final Map<String, Map<String, List<Claimant>>> withoutPolicy = new HashMap<>();
  /** The own {@code @OPTIONS} methods by normalized path. */
  private final Map<String, List<Claimant>> ownOptions = new HashMap<>();

  /**
   * Checks and records the resource methods of one class; {@code policies} holds the valid policy
   * of each {@code @Cors} (those with errors are left out).
   */
  void check(TypeElement resource, List<ServedMethod> served, Map<AnnotatedCors, Policy> policies,
      Report report) {
    Map<String, ServedMethod> preflightedHere = new LinkedHashMap<>();
    for (ServedMethod method : served) {
      if (method.isPreflighted()) {
        preflightedHere.putIfAbsent(method.route(), method);
      }
    }
    checkOwnOptions(resource, served, preflightedHere, report);
    for (ServedMethod method : served) {
      Optional<Policy> policy = method.cors().map(policies::get);
      if (method.isPreflighted() && policy.isPresent()) {
        checkConflict(method, Answer.of(policy.get()), resource, report);
      }
    }
    checkPartial(resource, served, report);
    preflightedHere.forEach((path, method) -> preflighted
        .computeIfAbsent(path, p -> new ArrayList<>())
        .add(new Claimant(method, resource)));
  }

  /**
   * Takes back what {@code resource} claimed: it is about to be checked again, as another
   * processor generated it again after it was read back from its class file.
   */
  void forget(TypeElement resource) {
    // By name: the class file's element and the source's need not be one object.
    Name name = resource.getQualifiedName();
    claims.values().forEach(byMethod -> byMethod.values().forEach(list -> list
        .removeIf(claim -> claim.resource().getQualifiedName().contentEquals(name))));
    withoutPolicy.values().forEach(byMethod -> byMethod.values().forEach(list -> list
        .removeIf(claimant -> claimant.resource().getQualifiedName().contentEquals(name))));
    preflighted.values().forEach(claimants -> claimants
        .removeIf(claimant -> claimant.resource().getQualifiedName().contentEquals(name)));
    ownOptions.values().forEach(claimants -> claimants
        .removeIf(claimant -> claimant.resource().getQualifiedName().contentEquals(name)));
  }

  private static <T> T first(Map<String, Map<String, List<T>>> byPath, String path,
      String httpMethod) {
    List<T> list = byPath.getOrDefault(path, Map.of()).getOrDefault(httpMethod, List.of());
    return list.isEmpty() ? null : list.get(0);
  }

  /**
   * A method without a policy beside one with a policy at the same path and HTTP method (two
   * {@code @GET}s that differ by {@code @Produces}): Jersey picks one per request, so the
   * preflight says yes and the answers of the other carry no CORS headers, not even
   * {@code Vary: Origin}. Reported on the method without a policy, whichever class comes first.
   */
  private void checkPartial(TypeElement resource, List<ServedMethod> served, Report report) {
    for (ServedMethod method : served) {
      if (method.answersOptions()) {
        continue;
      }
      String path = method.route();
      if (method.isPreflighted()) {
        Claimant plain = first(withoutPolicy, path, method.httpMethod());
        if (plain != null) {
          reportPartial(plain.method(), method, report);
        }
      } else {
        Claim claim = first(claims, path, method.httpMethod());
        withoutPolicy.computeIfAbsent(path, p -> new HashMap<>())
            .computeIfAbsent(method.httpMethod(), m -> new ArrayList<>())
            .add(new Claimant(method, resource));
        if (claim != null) {
          reportPartial(method, claim.owner(), report);
        }
      }
    }
  }

  private static void reportPartial(ServedMethod plain, ServedMethod withPolicy, Report report) {
    report.report(Message.PARTIAL_POLICY, plain.method(), plain.httpMethod(), plain.path(),
        withPolicy.describe(), plain.describe());
  }

  private void checkOwnOptions(TypeElement resource, List<ServedMethod> served,
      Map<String, ServedMethod> preflightedHere, Report report) {
    for (ServedMethod method : served) {
      String path = method.route();
      if (method.answersOptions()) {
        // In one class, both are served by the same application for sure; across classes of a
        // compilation, perhaps not (a build may hold several applications), so only a warning.
        ServedMethod here = preflightedHere.get(path);
        Claimant options = new Claimant(method, resource);
        if (here != null) {
          report.report(Message.OWN_OPTIONS, method.method(), method.describe(), method.path(),
              here.describe());
        } else if (!options.suppresses(Message.OWN_OPTIONS_ELSEWHERE, report)) {
          // Said on the class that comes second; the other may carry the suppression instead.
          notSuppressed(preflighted.get(path), report).ifPresent(elsewhere -> report.report(
              Message.OWN_OPTIONS_ELSEWHERE, method.method(), method.describe(), method.path(),
              elsewhere.method().describe()));
        }
        ownOptions.computeIfAbsent(path, p -> new ArrayList<>()).add(options);
      }
    }
    preflightedHere.forEach((path, method) -> {
      if (new Claimant(method, resource).suppresses(Message.OWN_OPTIONS_ELSEWHERE, report)) {
        return;
      }
      List<Claimant> elsewhere = ownOptions.getOrDefault(path, List.of()).stream()
          .filter(options -> !served.contains(options.method()))
          .toList();
      notSuppressed(elsewhere, report).ifPresent(options -> {
        AnnotatedCors cors = method.cors().orElseThrow();
        report.report(Message.OWN_OPTIONS_ELSEWHERE, cors.annotated(), cors.mirror(),
            Optional.empty(), options.method().describe(), options.method().path(),
            method.describe());
      });
    });
  }

  /** The first of {@code claimants} that does not suppress {@code CorsOptionsElsewhere}. */
  private static Optional<Claimant> notSuppressed(List<Claimant> claimants, Report report) {
    return claimants == null ? Optional.empty() : claimants.stream()
        .filter(claimant -> !claimant.suppresses(Message.OWN_OPTIONS_ELSEWHERE, report))
        .findFirst();
  }

  private void checkConflict(ServedMethod method, Answer answer, TypeElement resource,
      Report report) {
    Claim first = first(claims, method.route(), method.httpMethod());
    claims.computeIfAbsent(method.route(), path -> new HashMap<>())
        .computeIfAbsent(method.httpMethod(), m -> new ArrayList<>())
        .add(new Claim(method, answer, resource));
    if (first != null && !first.answer().equals(answer)) {
      // Two classes may be served by different applications of one build, where each path has
      // one policy: an opt-in on both accepts it. Both, since a partial rebuild reads one of them
      // back from its class file, where its @SuppressWarnings is gone and taken for granted.
      boolean acrossClasses = !first.resource().equals(resource);
      Message message = acrossClasses
          ? Message.CONFLICTING_POLICIES_ACROSS_CLASSES : Message.CONFLICTING_POLICIES;
      if (acrossClasses
          && (report.acceptsOnPurpose(message, method.method())
              || report.acceptsOnPurpose(message, resource))
          && (report.acceptsOnPurpose(message, first.owner().method())
              || report.acceptsOnPurpose(message, first.resource()))) {
        return;
      }
      AnnotatedCors cors = method.cors().orElseThrow();
      report.report(message, cors.annotated(), cors.mirror(),
          Optional.empty(), method.httpMethod(), method.path(), method.describe(),
          first.owner().describe());
    }
  }
}
