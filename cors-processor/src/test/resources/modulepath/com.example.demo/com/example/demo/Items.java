package com.example.demo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.corsgen.Cors;

@Path("/items")
@Cors(origins = "https://app.example.com")
public class Items {
  @GET
  public String list() {
    return "[]";
  }
}
