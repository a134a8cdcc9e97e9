package org.corsgen.bench.stub;

import static org.corsgen.bench.stub.StubRequest.unused;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The smallest {@link ContainerResponseContext} the response filters need: a 200 with reusable
 * headers, or the {@code Response} a request filter aborted with, as Jersey's response context
 * wraps it. {@link #reset()} empties the headers between invocations without allocating.
 */
public final class StubResponse implements ContainerResponseContext {

  private final ReusableHeaderMap<Object> headers = new ReusableHeaderMap<>();
  private Response answer;

  public void reset() {
    headers.reset();
    answer = null;
  }

  /** This invocation's response is {@code answer}: its status, its header map. */
  public StubResponse answer(Response answer) {
    this.answer = answer;
    return this;
  }

  @Override
  public MultivaluedMap<String, Object> getHeaders() {
    return answer == null ? headers : answer.getHeaders();
  }

  @Override
  public int getStatus() {
    return answer == null ? 200 : answer.getStatus();
  }

  @Override
  public void setStatus(int code) {
    throw unused();
  }

  @Override
  public Response.StatusType getStatusInfo() {
    return answer == null ? Response.Status.OK : answer.getStatusInfo();
  }

  @Override
  public void setStatusInfo(Response.StatusType statusInfo) {
    throw unused();
  }

  @Override
  public MultivaluedMap<String, String> getStringHeaders() {
    throw unused();
  }

  @Override
  public String getHeaderString(String name) {
    throw unused();
  }

  @Override
  public boolean containsHeaderString(String name, String separator, Predicate<String> test) {
    throw unused();
  }

  @Override
  public Set<String> getAllowedMethods() {
    return Set.of();
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
  public Map<String, NewCookie> getCookies() {
    return Map.of();
  }

  @Override
  public EntityTag getEntityTag() {
    return null;
  }

  @Override
  public Date getLastModified() {
    return null;
  }

  @Override
  public URI getLocation() {
    return null;
  }

  @Override
  public Set<Link> getLinks() {
    return Set.of();
  }

  @Override
  public boolean hasLink(String relation) {
    return false;
  }

  @Override
  public Link getLink(String relation) {
    return null;
  }

  @Override
  public Link.Builder getLinkBuilder(String relation) {
    return null;
  }

  @Override
  public boolean hasEntity() {
    return false;
  }

  @Override
  public Object getEntity() {
    return null;
  }

  @Override
  public Class<?> getEntityClass() {
    return null;
  }

  @Override
  public Type getEntityType() {
    return null;
  }

  @Override
  public void setEntity(Object entity) {
    throw unused();
  }

  @Override
  public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
    throw unused();
  }

  @Override
  public Annotation[] getEntityAnnotations() {
    return new Annotation[0];
  }

  @Override
  public OutputStream getEntityStream() {
    throw unused();
  }

  @Override
  public void setEntityStream(OutputStream outputStream) {
    throw unused();
  }
}
