package org.corsgen.runtime.internal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * Turns an exception that no application mapper handles into a 500 from Jersey, so that the
 * method's CORS response filter runs and the page can read the status. Without it Jersey hands
 * the exception to the container (JAX-RS 3.1, section 4.4), whose 500 skips every response
 * filter, and the browser reports a bare network error instead.
 *
 * <p>It claims only exceptions from resource methods that have a CORS policy, and from
 * sub-resource locators whose returned class has one for the request (for a preflight, for the
 * method it asks for; see {@link LocatorFailure}); everything else,
 * {@link WebApplicationException}s included, goes exactly where it went before. Any application
 * mapper for the exception's type or a supertype is closer than {@code Throwable} and wins; one
 * for {@code Throwable} itself wins through its higher priority.
 */
@Priority(Integer.MAX_VALUE)
public final class UnhandledExceptionMapper implements ExtendedExceptionMapper<Throwable> {

  private static final Logger LOG = System.getLogger("org.corsgen");

  @Context
  private Configuration configuration;
  private final CorsApplication.Lookup applicationLookup = new CorsApplication.Lookup();
  @Context
  private ResourceInfo resource;
  @Context
  private ExtendedUriInfo uriInfo;
  @Context
  private Request request;
  @Context
  private HttpHeaders headers;

  @Override
  public boolean isMappable(Throwable exception) {
    return !(exception instanceof WebApplicationException)
        && !isUnwrappedByJersey(exception)
        && !isMalformedRequestHeader(exception)
        && (resource.getResourceClass() != null && resource.getResourceMethod() != null
            ? hasPolicy() : failedLocator().isPresent());
  }

  /**
   * A request header the resource method read that Jersey cannot parse ({@code If-None-Match:
   * garbage}, {@code Accept-Language: en;q=1.5}): Jersey's own {@code 400} when no mapper claims
   * it, a client's error, which the method's filter gives the policy's headers.
   */
  static boolean isMalformedRequestHeader(Throwable exception) {
    return exception instanceof HeaderValueException header
        && header.getContext() == HeaderValueException.Context.INBOUND;
  }

  /**
   * The locator that threw, when it is one whose returned class gives the error a policy, or for
   * a preflight, answers it ({@link LocatorFailure#preflightPolicyFor}).
   */
  private Optional<ResourceMethod> failedLocator() {
    LocatorFailure failure = applicationLookup.of(configuration).locatorFailure();
    String preflight = preflightMethod();
    boolean certain = preflight != null
        ? failure.preflightPolicyFor(uriInfo, preflight).isPresent()
        : failure.policyFor(uriInfo, request.getMethod()).isPresent();
    return certain
        ? Optional.of(uriInfo.getMatchedResourceLocators().get(0)) : Optional.empty();
  }

  private String preflightMethod() {
    return LocatorFailure.preflightMethod(request.getMethod(), headers.getRequestHeaders());
  }

  private boolean hasPolicy() {
    try {
      return applicationLookup.of(configuration).index()
          .policyFor(resource.getResourceClass(), resource.getResourceMethod()).isPresent();
    } catch (IllegalStateException e) {
      // A sub-resource whose policy cannot be used: FilterBinder serves it without CORS and has
      // said so once. Thrown from here, the error would replace the application's exception.
      return false;
    }
  }

  /**
   * A {@link CompletionException} (a failed {@code CompletionStage}) or {@link ExecutionException}
   * that no mapper claims is unwrapped by Jersey, which then maps its cause: a wrapped
   * {@code WebApplicationException} keeps its status, and the application's mapper for the cause
   * still decides. Claiming the wrapper here would turn both into a 500.
   */
  private static boolean isUnwrappedByJersey(Throwable exception) {
    return (exception instanceof CompletionException || exception instanceof ExecutionException)
        && exception.getCause() != null;
  }

  @Override
  public Response toResponse(Throwable exception) {
    // At the level Jersey logs an unmapped exception for resources without CORS. "While
    // serving": Jersey may have thrown it before the method ran (reading the entity, say).
    Method served = resource.getResourceMethod() != null ? resource.getResourceMethod()
        : failedLocator().map(locator -> locator.getInvocable().getHandlingMethod()).orElse(null);
    LOG.log(Level.WARNING, "corsgen: an exception that no mapper handles, while serving "
        + (served == null ? "a resource with CORS"
            : served.getDeclaringClass().getName() + "." + served.getName())
        + (resource.getResourceMethod() == null && preflightMethod() != null
            ? " for a CORS preflight; answering the preflight from the policy of the class it"
                + " declares"
            : "; mapping it to a 500 with CORS headers"), exception);
    return Response.serverError().build();
  }
}
