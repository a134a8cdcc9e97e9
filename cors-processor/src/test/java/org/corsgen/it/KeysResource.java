package org.corsgen.it;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.corsgen.Cors;

/**
 * Parameter types whose names are easy to get wrong between the processor and the runtime:
 * arrays, nested classes, generic types, inherited type variables and type annotations.
 */
@Path("/keys")
@Cors(origins = "https://app.example.com")
public class KeysResource extends GenericBase<String> {

  /** A parameter aggregate, nested so that its binary name has a {@code $}. */
  public static class Query {
    @QueryParam("q")
    public String q;
  }

  @POST
  @Path("bytes")
  public String bytes(byte[] body) {
    return "bytes " + body.length;
  }

  @GET
  @Path("nested")
  public String nested(@BeanParam Query query) {
    return "nested " + query.q;
  }

  @GET
  @Path("positive/{n}")
  public String positive(@PathParam("n") @Positive long n) {
    return "positive " + n;
  }

  @POST
  @Path("annotated-bytes")
  public String annotatedBytes(@Positive byte[] body) {
    return "annotated bytes " + body.length;
  }

  @GET
  @Path("list")
  public String list(@QueryParam("v") List<String> values) {
    return "list " + values;
  }
}
