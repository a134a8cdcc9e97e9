package org.corsgen.sample.browser;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import org.corsgen.Cors;

/**
 * A stream of server-sent events for {@code EventSource}: two numbered ticks per connection, then
 * the end of the stream, after which the browser reconnects on its own, sending the number of the
 * last tick it got as {@code Last-Event-ID}; the stream goes on from there.
 */
@Path("ticker")
@Cors(origins = TestOrigins.PAGE)
public class TickerResource {

  private static final int TICKS_PER_CONNECTION = 2;

  // Native EventSource sends Last-Event-ID without a preflight; an SSE client written with
  // fetch() would need it in allowHeaders.
  @SuppressWarnings("CorsHeaderParamNotAllowed")
  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  public void ticks(@HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
      @Context SseEventSink sink, @Context Sse sse) throws IOException {
    int after = lastEventId == null || !lastEventId.matches("[0-9]{1,6}")
        ? 0 : Integer.parseInt(lastEventId);
    try (sink) {
      for (int tick = after + 1; tick <= after + TICKS_PER_CONNECTION; tick++) {
        // A short retry, so that the reconnection comes within the test's patience.
        sink.send(sse.newEventBuilder()
            .id(Integer.toString(tick))
            .reconnectDelay(100)
            .data("tick " + tick)
            .build())
            .toCompletableFuture().join();
      }
    }
  }
}
