package org.corsgen.sample;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.corsgen.Cors;

/**
 * The tags of one note: a sub-resource, with no {@code @Path} of its own, that
 * {@link NotesResource#tags}, a locator, returns for {@code /notes/{id}/tags}. Its policy is its
 * own, not the notes' class policy: the demo page may clear a note's tags, though only the admin
 * console may delete the note.
 */
@Cors(origins = {SampleOrigins.PAGE, SampleOrigins.PAGE_BY_NAME})
public class NoteTagsResource {

  private final long id;
  private final Map<Long, String> notes;
  private final Map<Long, List<String>> tags;

  NoteTagsResource(long id, Map<Long, String> notes, Map<Long, List<String>> tags) {
    this.id = id;
    this.notes = notes;
    this.tags = tags;
  }

  @GET
  @Produces(MediaType.TEXT_PLAIN)
  public String list() {
    return describe();
  }

  /** DELETE is not a CORS-safelisted method: the browser asks this policy first. */
  @DELETE
  @Produces(MediaType.TEXT_PLAIN)
  public String clear() {
    tags.remove(id);
    return describe();
  }

  private String describe() {
    if (!notes.containsKey(id)) {
      throw new NoteNotFoundException(id);
    }
    List<String> noteTags = tags.getOrDefault(id, List.of());
    return noteTags.isEmpty()
        ? "note " + id + " has no tags"
        : "note " + id + " is tagged " + String.join(", ", noteTags);
  }
}
