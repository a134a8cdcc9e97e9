package org.corsgen.processor.writing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.nio.charset.StandardCharsets;
import org.corsgen.Cors;
import org.corsgen.processor.CorsProcessor;
import org.junit.jupiter.api.Test;

/**
 * Gradle trusts the category a processor declares. corsgen must be "aggregating": it writes one
 * index and one report from every resource of the compilation, which an isolating processor may
 * not do; and an aggregating processor may only read annotations kept in class files.
 */
class IncrementalDeclarationTest {

  @Test
  void processorIsDeclaredAggregating() throws IOException {
    try (InputStream in = CorsProcessor.class.getClassLoader()
        .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertEquals(CorsProcessor.class.getName() + ",aggregating",
          new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
    }
  }

  @Test
  void processorWritesFilesThatAggregateSeveralResources() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(IndexWriter.INDEX)) {
      long resources = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.startsWith("#"))
          .count();
      assertTrue(resources > 1, "one index for " + resources + " resources");
    }
  }

  @Test
  void everyAnnotationItReadsIsKeptInClassFiles() {
    assertNotEquals(RetentionPolicy.SOURCE, Cors.class.getAnnotation(Retention.class).value());
    assertNotEquals(RetentionPolicy.SOURCE,
        jakarta.ws.rs.Path.class.getAnnotation(Retention.class).value());
    // Every type: a partial rebuild may recompile only a class with neither annotation.
    assertEquals(java.util.Set.of("*"), new CorsProcessor().getSupportedAnnotationTypes());
  }
}
