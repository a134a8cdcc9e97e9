package org.corsgen.runtime.internal;

import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_CREDENTIALS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_METHODS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.EXPOSE_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.MAX_AGE;
import static org.corsgen.runtime.spi.CorsHeaders.ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.PREFLIGHT_VARY;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.REQUEST_METHOD;
import static org.corsgen.runtime.spi.CorsHeaders.VARY;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.RuntimeDelegate;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.corsgen.runtime.spi.CorsHeaders;

/**
 * The answer to a CORS preflight: a status and a few header fields, never an entity.
 *
 * <p>Made by hand rather than with {@link Response.ResponseBuilder}, because Jersey's builder
 * costs more than the rest of the preflight: it fills a header map of its own, and {@code build()}
 * copies it into a second one. Jersey takes a response it did not build with a single
 * {@code putAll} of {@link #getMetadata()} into its own map, and this class's map is a plain hash
 * map, cheap to fill. {@code PreflightAnswerBenchmark} measures the two side by side, each with
 * Jersey's conversion (benchmarks/RESULTS.md, "Making the allowed preflight's answer").
 *
 * <p>Header values are kept in lists of their own, so that a response filter that adds to a field
 * of this answer (another {@code Vary} token, say) changes this answer alone.
 */
public final class PreflightAnswer extends Response {

  /**
   * The response fields that grant something to a page. A preflight answer's are its own alone:
   * {@link #restoreGrants} puts them back after the application's response filters ran.
   */
  private static final String[] GRANT_FIELDS = {ALLOW_ORIGIN, ALLOW_METHODS, ALLOW_HEADERS,
      ALLOW_CREDENTIALS, MAX_AGE, EXPOSE_HEADERS};

  /**
   * Private Network Access, which corsgen does not answer: an application's filter may grant it
   * on an allowed preflight (the README's workaround), never on a refusal.
   */
  private static final String ALLOW_PRIVATE_NETWORK_KEY = "access-control-allow-private-network";

  /** The same in lower case, which Jersey's header map looks up without allocating. */
  private static final String[] GRANT_KEYS = Arrays.stream(GRANT_FIELDS)
      .map(name -> name.toLowerCase(Locale.ROOT))
      .toArray(String[]::new);

  private static final String VARY_KEY = VARY.toLowerCase(Locale.ROOT);

  private final Status status;
  private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
  /** This answer's value of each of the {@link #GRANT_FIELDS}; {@code null} while it has none. */
  private String[] grants;
  /** This answer's first {@code Vary} value, the one field it has besides grants. */
  private String vary;
  private boolean closed;

  public PreflightAnswer(Status status) {
    this.status = status;
  }

  /**
   * Adds one value to a header field; returns this answer. A field that grants something, such as
   * {@code Access-Control-Allow-Origin}, is set instead (it has one value), and kept for
   * {@link #restoreGrants}.
   */
  public PreflightAnswer header(String name, String value) {
    int field = grantField(name);
    if (field >= 0) {
      if (grants == null) {
        grants = new String[GRANT_FIELDS.length];
      }
      grants[field] = value;
      headers.putSingle(name, value);
      return this;
    }
    if (vary == null && (name == VARY || VARY.equalsIgnoreCase(name))) {
      vary = value;
    }
    headers.add(name, value);
    return this;
  }

  /** The index of {@code name} among the {@link #GRANT_FIELDS}, or -1. */
  private static int grantField(String name) {
    // The constants first, as corsgen passes them: comparing ignoring case costs a preflight
    // more than the rest of making its answer's fields.
    int constant = grantConstant(name);
    if (constant >= 0) {
      return constant;
    }
    for (int field = 0; field < GRANT_FIELDS.length; field++) {
      if (GRANT_FIELDS[field].equalsIgnoreCase(name)) {
        return field;
      }
    }
    return -1;
  }

  /**
   * Makes the grants in {@code responseHeaders}, Jersey's fields for this answer after the
   * application's response filters ran, this answer's own again, and its {@code Vary} part of
   * theirs: a global filter that adds {@code Access-Control-Allow-Origin: *} or more methods would
   * otherwise break an allowed preflight (two values) or, through the browser's preflight cache,
   * open methods and headers the policy keeps closed.
   *
   * @return the name of a field that had to be put back or removed, or {@code null} when none
   */
  String restoreGrants(MultivaluedMap<String, Object> responseHeaders) {
    if (isUntouched(responseHeaders)) {
      return null;
    }
    String changed = null;
    for (int field = 0; field < GRANT_KEYS.length; field++) {
      String own = grants == null ? null : grants[field];
      List<Object> now = responseHeaders.get(GRANT_KEYS[field]);
      if (own == null) {
        if (now != null) {
          responseHeaders.remove(GRANT_KEYS[field]);
          changed = GRANT_KEYS[field];
        }
      } else if (now == null || now.size() != 1 || !own.equals(now.get(0))) {
        responseHeaders.putSingle(GRANT_FIELDS[field], own);
        changed = GRANT_KEYS[field];
      }
    }
    if (status.getFamily() != Status.Family.SUCCESSFUL
        && responseHeaders.remove(ALLOW_PRIVATE_NETWORK_KEY) != null) {
      changed = ALLOW_PRIVATE_NETWORK_KEY;
    }
    List<Object> vary = responseHeaders.get(VARY_KEY);
    if (vary == null || vary.size() != 1 || !PREFLIGHT_VARY.equals(vary.get(0))) {
      CorsHeaders.addVary(responseHeaders, ORIGIN);
      CorsHeaders.addVary(responseHeaders, REQUEST_METHOD);
      CorsHeaders.addVary(responseHeaders, REQUEST_HEADERS);
    }
    return changed;
  }

  /**
   * Whether Jersey's fields are still exactly this answer's, told without the case-insensitive
   * look-ups that restoring costs (most applications have no filter that touches them). Jersey
   * takes this answer's keys and value lists into its map as they are, so a filter that added a
   * field made the map bigger, one that set a field replaced its list, one that added a value made
   * the list longer, and one that changed a value in place left a value that is not this
   * answer's.
   */
  private boolean isUntouched(MultivaluedMap<String, Object> responseHeaders) {
    if (responseHeaders.size() != headers.size()) {
      return false;
    }
    for (Map.Entry<String, List<Object>> field : responseHeaders.entrySet()) {
      List<Object> own = headers.get(field.getKey());
      if (own == null || own != field.getValue() || own.size() != 1
          || own.get(0) != ownValue(field.getKey())) {
        return false;
      }
    }
    return true;
  }

  /** The value this answer gave field {@code name}, one of its own keys (compared as such). */
  private String ownValue(String name) {
    int field = grantConstant(name);
    if (field >= 0) {
      return grants == null ? null : grants[field];
    }
    return name == VARY ? vary : null;
  }

  /** The index of {@code name} among the {@link #GRANT_FIELDS}, compared by identity, or -1. */
  private static int grantConstant(String name) {
    for (int field = 0; field < GRANT_FIELDS.length; field++) {
      if (GRANT_FIELDS[field] == name) {
        return field;
      }
    }
    return -1;
  }

  @Override
  public int getStatus() {
    return status.getStatusCode();
  }

  @Override
  public StatusType getStatusInfo() {
    return status;
  }

  @Override
  public MultivaluedMap<String, Object> getMetadata() {
    return headers;
  }

  @Override
  public MultivaluedMap<String, String> getStringHeaders() {
    MultivaluedMap<String, String> strings = new MultivaluedHashMap<>();
    headers.forEach((name, values) -> {
      for (Object value : values) {
        strings.add(name, toString(value));
      }
    });
    return strings;
  }

  /** The field's values joined with {@code ","}, the name matched without regard to case. */
  @Override
  public String getHeaderString(String name) {
    StringBuilder joined = null;
    for (Map.Entry<String, List<Object>> field : headers.entrySet()) {
      if (!field.getKey().equalsIgnoreCase(name)) {
        continue;
      }
      for (Object value : field.getValue()) {
        if (joined == null) {
          joined = new StringBuilder();
        } else {
          joined.append(',');
        }
        joined.append(toString(value));
      }
    }
    return joined == null ? null : joined.toString();
  }

  @Override
  public Object getEntity() {
    checkOpen();
    return null;
  }

  @Override
  public boolean hasEntity() {
    checkOpen();
    return false;
  }

  /** Nothing to buffer: there is no entity. */
  @Override
  public boolean bufferEntity() {
    checkOpen();
    return false;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public <T> T readEntity(Class<T> entityType) {
    throw notInbound();
  }

  @Override
  public <T> T readEntity(GenericType<T> entityType) {
    throw notInbound();
  }

  @Override
  public <T> T readEntity(Class<T> entityType, Annotation[] annotations) {
    throw notInbound();
  }

  @Override
  public <T> T readEntity(GenericType<T> entityType, Annotation[] annotations) {
    throw notInbound();
  }

  // The typed views below read the header fields, as any Response's do: this answer has none of
  // these fields unless a caller put them into getMetadata().

  @Override
  public MediaType getMediaType() {
    return typed(HttpHeaders.CONTENT_TYPE, MediaType.class);
  }

  @Override
  public Locale getLanguage() {
    return typed(HttpHeaders.CONTENT_LANGUAGE, Locale.class);
  }

  @Override
  public int getLength() {
    String length = getHeaderString(HttpHeaders.CONTENT_LENGTH);
    try {
      return length == null ? -1 : Integer.parseInt(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public Set<String> getAllowedMethods() {
    String allow = getHeaderString(HttpHeaders.ALLOW);
    Set<String> methods = new LinkedHashSet<>();
    if (allow != null) {
      for (String method : allow.split(",")) {
        if (!method.isBlank()) {
          methods.add(method.trim().toUpperCase(Locale.ROOT));
        }
      }
    }
    return methods;
  }

  @Override
  public Map<String, NewCookie> getCookies() {
    Map<String, NewCookie> cookies = new LinkedHashMap<>();
    for (String value : values(HttpHeaders.SET_COOKIE)) {
      NewCookie cookie = delegate(NewCookie.class).fromString(value);
      cookies.put(cookie.getName(), cookie);
    }
    return cookies;
  }

  @Override
  public EntityTag getEntityTag() {
    return typed(HttpHeaders.ETAG, EntityTag.class);
  }

  @Override
  public Date getDate() {
    return typed(HttpHeaders.DATE, Date.class);
  }

  @Override
  public Date getLastModified() {
    return typed(HttpHeaders.LAST_MODIFIED, Date.class);
  }

  @Override
  public URI getLocation() {
    String location = getHeaderString(HttpHeaders.LOCATION);
    return location == null ? null : URI.create(location);
  }

  @Override
  public Set<Link> getLinks() {
    Set<Link> links = new LinkedHashSet<>();
    for (String value : values(HttpHeaders.LINK)) {
      links.add(Link.valueOf(value));
    }
    return links;
  }

  @Override
  public boolean hasLink(String relation) {
    return getLink(relation) != null;
  }

  @Override
  public Link getLink(String relation) {
    for (Link link : getLinks()) {
      if (link.getRels().contains(relation)) {
        return link;
      }
    }
    return null;
  }

  @Override
  public Link.Builder getLinkBuilder(String relation) {
    Link link = getLink(relation);
    return link == null ? null : Link.fromLink(link);
  }

  @Override
  public String toString() {
    return "PreflightAnswer[" + getStatus() + " " + headers + "]";
  }

  private List<String> values(String name) {
    MultivaluedMap<String, String> strings = getStringHeaders();
    for (Map.Entry<String, List<String>> field : strings.entrySet()) {
      if (field.getKey().equalsIgnoreCase(name)) {
        return field.getValue();
      }
    }
    return List.of();
  }

  private <T> T typed(String name, Class<T> type) {
    String value = getHeaderString(name);
    return value == null ? null : delegate(type).fromString(value);
  }

  private static <T> RuntimeDelegate.HeaderDelegate<T> delegate(Class<T> type) {
    return RuntimeDelegate.getInstance().createHeaderDelegate(type);
  }

  private static String toString(Object value) {
    return value instanceof String string ? string : String.valueOf(value);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this preflight answer has been closed");
    }
  }

  private static IllegalStateException notInbound() {
    return new IllegalStateException(
        "a preflight answer is an outbound response: it has no entity to read");
  }
}
