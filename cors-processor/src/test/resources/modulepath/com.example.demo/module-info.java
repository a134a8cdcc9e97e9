/** An application on the module path, as a user with a module-info.java writes it. */
module com.example.demo {
  requires org.corsgen.annotations;
  requires org.corsgen.runtime;
  requires jakarta.ws.rs;
  requires org.glassfish.jersey.core.server;
  requires org.glassfish.jersey.container.grizzly2.http;
  requires org.glassfish.grizzly.http.server;
  // For @Generated on the generated classes; without it they are generated without it.
  requires static java.compiler;
  // Jersey instantiates and injects the resources; CorsFeature instantiates the generated class.
  opens com.example.demo to
      org.glassfish.hk2.utilities,
      org.glassfish.hk2.locator,
      org.glassfish.jersey.core.server,
      org.corsgen.runtime;
}
