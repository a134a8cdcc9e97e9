package org.corsgen.runtime.internal;

import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_CREDENTIALS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_METHODS;
import static org.corsgen.runtime.spi.CorsHeaders.ALLOW_ORIGIN;
import static org.corsgen.runtime.spi.CorsHeaders.EXPOSE_HEADERS;
import static org.corsgen.runtime.spi.CorsHeaders.MAX_AGE;
import static org.corsgen.runtime.spi.CorsHeaders.PREFLIGHT_VARY;
import static org.corsgen.runtime.spi.CorsHeaders.VARY;

import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.corsgen.runtime.spi.CorsHeaders;
import org.glassfish.jersey.message.internal.OutboundJaxrsResponse;
import org.glassfish.jersey.message.internal.OutboundMessageContext;

/**
 * The answer to a CORS preflight: a status and a few header fields, never an entity.
 *
 * <p>Made as Jersey's own kind of response, written straight into the header map Jersey sends,
 * rather than with {@link Response.ResponseBuilder} or as a response of another kind: Jersey's
 * builder fills a header map of its own and {@code build()} copies it into a second one, and
 * Jersey copies any other response into a map of its own before its filters run. Either copy
 * costs a preflight more than deciding it. {@code PreflightAnswerBenchmark} measures the ways side
 * by side (benchmarks/RESULTS.md, "Making the allowed preflight's answer").
 *
 * <p>Header values are kept in lists of their own, so that a response filter that adds to a field
 * of this answer (another {@code Vary} token, say) changes this answer alone.
 */
public final class PreflightAnswer extends OutboundJaxrsResponse {

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
  /** Its bit among those {@link #restoreGrants} returns, after the grant fields'. */
  private static final int PRIVATE_NETWORK_FIELD = 1 << 6;

  /** The same in lower case, which Jersey's header map looks up without allocating. */
  private static final String[] GRANT_KEYS = Arrays.stream(GRANT_FIELDS)
      .map(name -> name.toLowerCase(Locale.ROOT))
      .toArray(String[]::new);

  private static final String VARY_KEY = VARY.toLowerCase(Locale.ROOT);

  /** Jersey's map, the one sent: response filters see and change it. */
  private final MultivaluedMap<String, Object> headers;
  /** This answer's value of each of the {@link #GRANT_FIELDS}; {@code null} while it has none. */
  private String[] grants;
  /** The list this answer put into {@link #headers} for each grant it has, by field. */
  private List<Object>[] grantLists;
  /** This answer's first {@code Vary} value, and the list it is in. */
  private String vary;
  private List<Object> varyList;
  /** Whether this answer has a field besides grants and {@code Vary}. */
  private boolean otherFields;
  /** Whether this answer refuses, whatever its status says (a debug answer's is 204). */
  private boolean refusing;

  public PreflightAnswer(Status status) {
    // Jersey gives the context its configuration when it takes this answer.
    super(status, new OutboundMessageContext((Configuration) null));
    this.headers = getContext().getHeaders();
  }

  /**
   * Adds one value to a header field; returns this answer. A field that grants something, such as
   * {@code Access-Control-Allow-Origin}, is set instead (it has one value), and kept for
   * {@link #restoreGrants}.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public PreflightAnswer header(String name, String value) {
    int field = grantField(name);
    if (field >= 0) {
      if (grants == null) {
        grants = new String[GRANT_FIELDS.length];
        grantLists = new List[GRANT_FIELDS.length];
      }
      grants[field] = value;
      grantLists[field] = listOf(value);
      headers.put(name, grantLists[field]);
      return this;
    }
    if (vary == null && (name == VARY || VARY.equalsIgnoreCase(name))) {
      vary = value;
      varyList = listOf(value);
      headers.put(name, varyList);
      return this;
    }
    otherFields |= !VARY.equalsIgnoreCase(name);
    headers.add(name, value);
    return this;
  }

  /**
   * Marks this answer as a refusal, which a browser must reject although its status is 2xx (a
   * debug answer): it keeps no grant an application's filter adds, as a 403 does.
   */
  PreflightAnswer refusing() {
    refusing = true;
    return this;
  }

  private static List<Object> listOf(String value) {
    List<Object> list = new ArrayList<>(1);
    list.add(value);
    return list;
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

  /** The index of {@code name} among the {@link #GRANT_FIELDS}, compared by identity, or -1. */
  private static int grantConstant(String name) {
    for (int field = 0; field < GRANT_FIELDS.length; field++) {
      if (GRANT_FIELDS[field] == name) {
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
   * @return the fields that had to be put back or removed, as bits ({@link #fieldNames} names
   *     them), or 0 when none
   */
  int restoreGrants(MultivaluedMap<String, Object> responseHeaders) {
    if (isUntouched(responseHeaders)) {
      return 0;
    }
    int changed = 0;
    for (int field = 0; field < GRANT_KEYS.length; field++) {
      String own = grants == null ? null : grants[field];
      List<Object> now = responseHeaders.get(GRANT_KEYS[field]);
      if (own == null) {
        if (now != null) {
          responseHeaders.remove(GRANT_KEYS[field]);
          changed |= 1 << field;
        }
      } else if (now == null || now.size() != 1 || !own.equals(now.get(0))) {
        responseHeaders.putSingle(GRANT_FIELDS[field], own);
        changed |= 1 << field;
      }
    }
    if ((refusing || getStatusInfo().getFamily() != Status.Family.SUCCESSFUL)
        && responseHeaders.remove(ALLOW_PRIVATE_NETWORK_KEY) != null) {
      changed |= PRIVATE_NETWORK_FIELD;
    }
    List<Object> vary = responseHeaders.get(VARY_KEY);
    if (vary == null || vary.size() != 1 || !PREFLIGHT_VARY.equals(vary.get(0))) {
      OtherOptionsVary.addPreflightVary(responseHeaders);
    }
    return changed;
  }

  /**
   * The grant fields {@code responseHeaders} has, bits as {@link #restoreGrants} returns them:
   * what an answer not made from this one (an error) carried before it is made this one's.
   */
  static int grantsIn(MultivaluedMap<String, Object> responseHeaders) {
    int present = 0;
    for (int field = 0; field < GRANT_KEYS.length; field++) {
      if (responseHeaders.containsKey(GRANT_KEYS[field])) {
        present |= 1 << field;
      }
    }
    return responseHeaders.containsKey(ALLOW_PRIVATE_NETWORK_KEY)
        ? present | PRIVATE_NETWORK_FIELD : present;
  }

  /** The names of {@code fields}, bits as {@link #restoreGrants} returns them. */
  static String fieldNames(int fields) {
    StringJoiner names = new StringJoiner(", ");
    for (int field = 0; field < GRANT_KEYS.length; field++) {
      if ((fields & 1 << field) != 0) {
        names.add(GRANT_KEYS[field]);
      }
    }
    if ((fields & PRIVATE_NETWORK_FIELD) != 0) {
      names.add(ALLOW_PRIVATE_NETWORK_KEY);
    }
    return names.toString();
  }

  /**
   * Whether Jersey's fields are still exactly this answer's, told without the case-insensitive
   * look-ups that restoring costs (most applications have no filter that touches them). A filter
   * that added a field made the map bigger, one that set a field replaced its list or changed the
   * value in it, and one that added a value made the list longer.
   */
  private boolean isUntouched(MultivaluedMap<String, Object> responseHeaders) {
    if (otherFields || responseHeaders.size() != ownFieldCount()) {
      return false;
    }
    for (Map.Entry<String, List<Object>> field : responseHeaders.entrySet()) {
      if (!isOwn(field.getKey(), field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private int ownFieldCount() {
    int count = varyList == null ? 0 : 1;
    if (grants != null) {
      for (String grant : grants) {
        count += grant == null ? 0 : 1;
      }
    }
    return count;
  }

  /**
   * Whether {@code name} and {@code values} are a constant key and a list this answer put, as it
   * put them. A field named in another case than the constant's is told by the look-ups.
   */
  private boolean isOwn(String name, List<Object> values) {
    // Jersey's map keeps a null a filter put as a field's value.
    if (values == null || values.size() != 1) {
      return false;
    }
    if (values == varyList) {
      return name == VARY && values.get(0) == vary;
    }
    int field = grantConstant(name);
    return field >= 0 && grants != null && values == grantLists[field]
        && values.get(0) == grants[field];
  }

  @Override
  public String toString() {
    return "PreflightAnswer[" + getStatus() + " " + headers + "]";
  }
}
