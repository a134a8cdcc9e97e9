package org.corsgen.sample.browser;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request the API answers as {@code "METHOD /path status"}, so tests can tell what
 * the browser actually sent: a preflight, the request itself, or nothing.
 *
 * <p>A response filter rather than a request filter, because it also sees the status, and Jersey
 * runs it for every answer: matched, aborted by a filter (as preflights are), or not found. It
 * runs before the answer is written, so the entry exists by the time the browser has the answer.
 * At the smallest priority number, so last of all response filters (Jersey runs them from the
 * highest number down): corsgen answers a preflight whose locator failed in its response filter,
 * and the entry has the status sent.
 */
@Priority(1)
final class RequestLog implements ContainerResponseFilter {

  /** The query parameter that tags the requests of one test. */
  static final String TAG = "test";

  private record Entry(String tag, String line) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    URI uri = request.getUriInfo().getRequestUri();
    String tag = request.getUriInfo().getQueryParameters().getFirst(TAG);
    entries.add(new Entry(tag == null ? "" : tag,
        request.getMethod() + " " + uri.getRawPath() + " " + response.getStatus()));
  }

  /** What reached the server with {@code ?test=tag}, in order. */
  List<String> requestsTagged(String tag) {
    return entries.stream().filter(entry -> entry.tag().equals(tag)).map(Entry::line).toList();
  }
}
