package org.corsgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * cors-runtime brings no dependency of its own into an application: it runs on the application's
 * Jersey and Jakarta REST API, whichever of 3.1 and 4.0 that is. A compile-scope Jersey here
 * would be a rival version that Maven picks whenever cors-runtime is declared first, and two
 * Jersey releases on one class path fail at start-up.
 */
class RuntimeDependenciesTest {

  @Test
  void everyDependencyButTestOnesIsProvided() throws Exception {
    // Surefire runs in the module directory.
    var pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("pom.xml").toFile());
    NodeList dependencies = pom.getElementsByTagName("dependency");
    Map<String, String> scopes = new TreeMap<>();
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      String scope = text(dependency, "scope");
      if (!scope.equals("test")) {
        scopes.put(text(dependency, "artifactId"), scope);
      }
    }
    assertEquals(Map.of("jakarta.ws.rs-api", "provided", "jersey-server", "provided"), scopes);
  }

  private static String text(Element parent, String child) {
    NodeList nodes = parent.getElementsByTagName(child);
    return nodes.getLength() == 0 ? "compile" : nodes.item(0).getTextContent().strip();
  }
}
