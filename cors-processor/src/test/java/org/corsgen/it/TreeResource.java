package org.corsgen.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.corsgen.Cors;

/**
 * Locators whose classes return one another: a node returns its children and its notes, the
 * notes return their node. Jersey follows them as deep as a URL goes.
 */
@Path("/tree")
public class TreeResource {

  @Path("root")
  public Node root() {
    return new Node("root");
  }

  /** A node of the tree, with no {@code @Path}. */
  @Cors(origins = "https://app.example.com")
  public static class Node {
    private final String name;

    Node(String name) {
      this.name = name;
    }

    @GET
    public String get() {
      return name;
    }

    @Path("children/{child}")
    public Node child(@PathParam("child") String child) {
      return new Node(name + "/" + child);
    }

    @Path("notes")
    public Notes notes() {
      return new Notes(this);
    }
  }

  /** A node's notes, which lead back to it. */
  @Cors(origins = "https://admin.example.com")
  public static class Notes {
    private final Node node;

    Notes(Node node) {
      this.node = node;
    }

    @GET
    public String get() {
      return "notes of " + node.name;
    }

    @Path("node")
    public Node node() {
      return node;
    }
  }
}
