package org.corsgen.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.corsgen.runtime.CorsFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared-cache harness itself: it must start, and reach its caching tier, or say why not. */
class NginxTest {

  @BeforeEach
  void requireNginx() {
    Nginx.assumeInstalled();
  }

  /**
   * A free port can be taken by someone else before nginx binds it; start-up must then try
   * another one rather than fail the shared-cache tests, as it once did on CI.
   */
  @Test
  void startsOnAnotherPortWhenTheFirstIsTakenBeforeNginxBindsIt() throws Exception {
    try (CorsServer application = new CorsServer(new ResourceConfig(GuardedResource.class)
            .register(CorsFeature.class));
        Socket holder = new Socket()) {
      // Bound but not listening: nginx cannot bind the port, and nothing answers on it.
      holder.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int taken = holder.getLocalPort();
      AtomicInteger offered = new AtomicInteger();
      try (Nginx cache = Nginx.inFrontOf(application.port(),
          () -> offered.getAndIncrement() == 0 ? taken : Nginx.freePort())) {
        assertNotEquals(taken, cache.port());
        assertEquals(2, offered.get(), "one retry");
        CorsServer.Response response = CorsServer.send(cache.port(), "GET", "/guarded",
            List.<String[]>of(new String[] {"Origin", "https://a.example.com"}));
        assertEquals(200, response.status());
        assertEquals("MISS", response.header("X-Cache-Status").orElse("none"));
      }
    }
  }
}
