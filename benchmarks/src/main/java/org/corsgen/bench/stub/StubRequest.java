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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The smallest {@link ContainerRequestContext} the contenders need: a method, headers, request
 * properties, what Jersey's routing matched, and the response a filter aborts with. Reused across
 * invocations; it allocates nothing but the header values.
 */
public final class StubRequest implements ContainerRequestContext {

  private final String method;
  private final String[] names;
  private final byte[][] values;
  private final ReusableHeaderMap<String> headers = new ReusableHeaderMap<>();
  private final String[] propertyNames = new String[4];
  private final Object[] propertyValues = new Object[4];
  private UriInfo uriInfo;
  private Response aborted;

  /** {@code headers} are name, value pairs. */
  public StubRequest(String method, String... headers) {
    this.method = method;
    names = new String[headers.length / 2];
    values = new byte[names.length][];
    for (int i = 0; i < names.length; i++) {
      names[i] = headers[2 * i];
      values[i] = headers[2 * i + 1].getBytes(StandardCharsets.ISO_8859_1);
    }
    reset();
  }

  /** What Jersey's routing matched, for the filters that ask. */
  public StubRequest matched(UriInfo uriInfo) {
    this.uriInfo = uriInfo;
    return this;
  }

  /**
   * Forgets the previous invocation's response and properties, and decodes the header values
   * anew, as a server does for every request: a value that is the very string a policy holds, or
   * whose hash is already cached, would make every comparison with it cheaper than it is.
   */
  public void reset() {
    aborted = null;
    Arrays.fill(propertyNames, null);
    Arrays.fill(propertyValues, null);
    headers.reset();
    for (int i = 0; i < names.length; i++) {
      headers.add(names[i], new String(values[i], StandardCharsets.ISO_8859_1));
    }
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
    for (int i = 0; i < propertyNames.length; i++) {
      if (name.equals(propertyNames[i])) {
        return propertyValues[i];
      }
    }
    return null;
  }

  @Override
  public Collection<String> getPropertyNames() {
    return List.of();
  }

  @Override
  public void setProperty(String name, Object object) {
    for (int i = 0; i < propertyNames.length; i++) {
      if (propertyNames[i] == null || propertyNames[i].equals(name)) {
        propertyNames[i] = name;
        propertyValues[i] = object;
        return;
      }
    }
    throw new IllegalStateException("more request properties than the stub holds");
  }

  @Override
  public void removeProperty(String name) {}

  @Override
  public UriInfo getUriInfo() {
    if (uriInfo == null) {
      throw unused();
    }
    return uriInfo;
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
