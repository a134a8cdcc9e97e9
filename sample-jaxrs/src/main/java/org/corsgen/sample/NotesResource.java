package org.corsgen.sample;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.corsgen.Cors;

/**
 * Notes kept in memory, each a JSON document stored as the page sent it. The class-level policy
 * covers every method; {@link #delete} replaces it with its own.
 */
@Path("notes")
// One store for every request: JAX-RS would otherwise create a resource instance per request.
@Singleton
@Cors(
    origins = {SampleOrigins.PAGE, SampleOrigins.PAGE_BY_NAME},
    // application/json is not a CORS-safelisted content type: the browser asks first (a
    // preflight) whether it may send it, and the answer must name the header.
    allowHeaders = "Content-Type",
    // Scripts read only the safelisted response headers unless the server exposes more.
    exposeHeaders = "X-Total-Count")
public class NotesResource {

  private final Map<Long, String> notes = new ConcurrentSkipListMap<>(
      Map.of(1L, "{\"text\":\"Try every button on the demo page\"}"));
  private final Map<Long, List<String>> tags = new ConcurrentHashMap<>();

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list() {
    return Response.ok("[" + String.join(",", notes.values()) + "]")
        .header("X-Total-Count", notes.size())
        .build();
  }

  @GET
  @Path("{id: \\d+}")
  @Produces(MediaType.APPLICATION_JSON)
  public String get(@PathParam("id") long id) {
    String note = notes.get(id);
    if (note == null) {
      throw new NoteNotFoundException(id);
    }
    return note;
  }

  @PUT
  @Path("{id: \\d+}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public String put(@PathParam("id") long id, String note) {
    notes.put(id, note);
    return note;
  }

  /** Adds one tag. PATCH is not a CORS-safelisted method, so the browser preflights it. */
  @PATCH
  @Path("{id: \\d+}")
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.TEXT_PLAIN)
  public String tag(@PathParam("id") long id, String tag) {
    if (!notes.containsKey(id)) {
      throw new NoteNotFoundException(id);
    }
    List<String> noteTags = tags.computeIfAbsent(id, unused -> new CopyOnWriteArrayList<>());
    noteTags.add(tag.strip());
    return "note " + id + " is tagged " + String.join(", ", noteTags);
  }

  /**
   * A sub-resource locator. The class it returns has no {@code @Path}, and a {@code @Cors} of its
   * own, which corsgen applies here: the class policy above covers this class's resource methods,
   * not what its locators return.
   */
  @Path("{id: \\d+}/tags")
  public NoteTagsResource tags(@PathParam("id") long id) {
    return new NoteTagsResource(id, notes, tags);
  }

  /**
   * Only the admin console may delete. A method-level {@code @Cors} replaces the class policy, so
   * the demo page's origin gets no grant here and its preflight is refused.
   */
  @DELETE
  @Path("{id: \\d+}")
  @Cors(origins = SampleOrigins.ADMIN)
  public void delete(@PathParam("id") long id) {
    notes.remove(id);
    tags.remove(id);
  }
}
