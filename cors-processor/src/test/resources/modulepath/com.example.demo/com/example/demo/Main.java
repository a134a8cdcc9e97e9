package com.example.demo;

import java.net.URI;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/** Serves until its standard input closes, after printing the port it listens on. */
public class Main {
  public static void main(String[] args) throws Exception {
    HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
        URI.create("http://127.0.0.1:0/"),
        new ResourceConfig(Items.class).register(CorsFeature.class), false);
    server.start();
    System.out.println("port " + server.getListeners().iterator().next().getPort());
    System.in.read();
    server.shutdownNow();
  }
}
