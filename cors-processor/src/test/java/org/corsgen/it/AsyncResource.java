package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.corsgen.Cors;

/** Results that arrive later; a stage that fails completes with a CompletionException. */
@Path("/async")
@Cors(origins = "https://app.example.com")
public class AsyncResource {

  @GET
  @Path("missing")
  public CompletionStage<String> missing() {
    return CompletableFuture.supplyAsync(() -> {
      throw new NotFoundException("no such thing");
    });
  }

  @GET
  @Path("teapot")
  public CompletionStage<String> teapot() {
    return CompletableFuture.supplyAsync(() -> {
      throw new TeapotException();
    });
  }

  /** A result awaited in the method itself: its failure arrives as an ExecutionException. */
  @GET
  @Path("awaited")
  public String awaited() throws Exception {
    return CompletableFuture.<String>failedFuture(new TeapotException()).get();
  }

  @GET
  @Path("boom")
  public CompletionStage<String> boom() {
    return CompletableFuture.supplyAsync(() -> {
      throw new IllegalStateException("unmapped");
    });
  }
}
