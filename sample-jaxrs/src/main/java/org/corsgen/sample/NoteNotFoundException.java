package org.corsgen.sample;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Thrown for a note that does not exist; {@link Mapper} turns it into a 404 with a JSON body. */
public class NoteNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long id;

  NoteNotFoundException(long id) {
    super("no note " + id);
    this.id = id;
  }

  /**
   * The application's own mapper. corsgen adds its CORS headers to mapped responses too, so the
   * page can read why a request failed, not just that it did.
   */
  public static final class Mapper implements ExceptionMapper<NoteNotFoundException> {
    @Override
    public Response toResponse(NoteNotFoundException exception) {
      return Response.status(Response.Status.NOT_FOUND)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .entity("{\"error\":\"no note " + exception.id + "\"}")
          .build();
    }
  }
}
