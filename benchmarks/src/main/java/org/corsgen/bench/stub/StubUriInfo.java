package org.corsgen.bench.stub;

import static org.corsgen.bench.stub.StubRequest.unused;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.List;
import java.util.regex.MatchResult;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.server.model.RuntimeResource;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * What Jersey's routing tells corsgen's filters of a request matched to one resource method, with
 * no locator on the way: all that {@code PreflightFilter}, {@code PreflightAnswerGuard} and
 * {@code NoMethodChosenFilter} ask. Allocates nothing.
 */
public final class StubUriInfo implements ExtendedUriInfo {

  private final ResourceMethod matched;

  public StubUriInfo(ResourceMethod matched) {
    this.matched = matched;
  }

  @Override
  public ResourceMethod getMatchedResourceMethod() {
    return matched;
  }

  @Override
  public List<ResourceMethod> getMatchedResourceLocators() {
    return List.of();
  }

  @Override
  public List<RuntimeResource> getMatchedRuntimeResources() {
    throw unused();
  }

  @Override
  public Throwable getMappedThrowable() {
    return null;
  }

  @Override
  public List<MatchResult> getMatchedResults() {
    throw unused();
  }

  @Override
  public List<UriTemplate> getMatchedTemplates() {
    throw unused();
  }

  @Override
  public List<PathSegment> getPathSegments(String name) {
    throw unused();
  }

  @Override
  public List<PathSegment> getPathSegments(String name, boolean decode) {
    throw unused();
  }

  @Override
  public Resource getMatchedModelResource() {
    throw unused();
  }

  @Override
  public List<Resource> getLocatorSubResources() {
    return List.of();
  }

  @Override
  public String getPath() {
    throw unused();
  }

  @Override
  public String getPath(boolean decode) {
    throw unused();
  }

  @Override
  public List<PathSegment> getPathSegments() {
    throw unused();
  }

  @Override
  public List<PathSegment> getPathSegments(boolean decode) {
    throw unused();
  }

  @Override
  public URI getRequestUri() {
    throw unused();
  }

  @Override
  public UriBuilder getRequestUriBuilder() {
    throw unused();
  }

  @Override
  public URI getAbsolutePath() {
    throw unused();
  }

  @Override
  public UriBuilder getAbsolutePathBuilder() {
    throw unused();
  }

  @Override
  public URI getBaseUri() {
    throw unused();
  }

  @Override
  public UriBuilder getBaseUriBuilder() {
    throw unused();
  }

  @Override
  public MultivaluedMap<String, String> getPathParameters() {
    throw unused();
  }

  @Override
  public MultivaluedMap<String, String> getPathParameters(boolean decode) {
    throw unused();
  }

  @Override
  public MultivaluedMap<String, String> getQueryParameters() {
    throw unused();
  }

  @Override
  public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
    throw unused();
  }

  @Override
  public List<String> getMatchedURIs() {
    throw unused();
  }

  @Override
  public String getMatchedResourceTemplate() {
    throw unused();
  }

  @Override
  public List<String> getMatchedURIs(boolean decode) {
    throw unused();
  }

  @Override
  public List<Object> getMatchedResources() {
    throw unused();
  }

  @Override
  public URI resolve(URI uri) {
    throw unused();
  }

  @Override
  public URI relativize(URI uri) {
    throw unused();
  }
}
