package org.corsgen.bench.stub;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The smallest {@link ContainerRequestContext} the contenders need: a method, fixed headers, and
 * the response a filter aborts with. Reused across invocations; it allocates nothing.
 */
public final class StubRequest implements ContainerRequestContext {

  private final String method;
  private final ReusableHeaderMap<String> headers = new ReusableHeaderMap<>();
  private Response aborted;

  /** {@code headers} are name, value pairs. */
  public StubRequest(String method, String... headers) {
    this.method = method;
    for (int i = 0; i < headers.length; i += 2) {
      this.headers.add(headers[i], headers[i + 1]);
    }
  }

  /** Forgets the response of the previous invocation. */
  public void reset() {
    aborted = null;
  }

  public Response aborted() {
    return aborted;
  }

  @Override
  public void abortWith(Response response) {
    aborted = response;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public ReusableHeaderMap<String> getHeaders() {
    return headers;
  }

  @Override
  public String getHeaderString(String name) {
    List<String> values = headers.get(name);
    if (values == null) {
      return null;
    }
    return values.size() == 1 ? values.get(0) : String.join(",", values);
  }

  @Override
  public boolean containsHeaderString(String name, String separator, Predicate<String> test) {
    throw unused();
  }

  @Override
  public Object getProperty(String name) {
    return null;
  }

  @Override
  public Collection<String> getPropertyNames() {
    return List.of();
  }

  @Override
  public void setProperty(String name, Object object) {
    throw unused();
  }

  @Override
  public void removeProperty(String name) {}

  @Override
  public UriInfo getUriInfo() {
    throw unused();
  }

  @Override
  public void setRequestUri(URI requestUri) {
    throw unused();
  }

  @Override
  public void setRequestUri(URI baseUri, URI requestUri) {
    throw unused();
  }

  @Override
  public Request getRequest() {
    throw unused();
  }

  @Override
  public void setMethod(String method) {
    throw unused();
  }

  @Override
  public Date getDate() {
    return null;
  }

  @Override
  public Locale getLanguage() {
    return null;
  }

  @Override
  public int getLength() {
    return -1;
  }

  @Override
  public MediaType getMediaType() {
    return null;
  }

  @Override
  public List<MediaType> getAcceptableMediaTypes() {
    return List.of(MediaType.WILDCARD_TYPE);
  }

  @Override
  public List<Locale> getAcceptableLanguages() {
    return List.of();
  }

  @Override
  public Map<String, Cookie> getCookies() {
    return Map.of();
  }

  @Override
  public boolean hasEntity() {
    return false;
  }

  @Override
  public InputStream getEntityStream() {
    throw unused();
  }

  @Override
  public void setEntityStream(InputStream input) {
    throw unused();
  }

  @Override
  public SecurityContext getSecurityContext() {
    throw unused();
  }

  @Override
  public void setSecurityContext(SecurityContext context) {
    throw unused();
  }

  static UnsupportedOperationException unused() {
    return new UnsupportedOperationException("not used by the measured contenders");
  }
}
