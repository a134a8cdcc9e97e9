package org.corsgen.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** docs/rules.md has a section for every diagnostic, so a new one cannot go undocumented. */
class RulesDocumentationTest {

  private static String rules;

  @BeforeAll
  static void read() throws IOException {
    // Surefire runs in the module directory; the page is at the repository root.
    rules = Files.readString(Path.of("..", "docs", "rules.md"));
  }

  @ParameterizedTest
  @EnumSource(Message.class)
  void everyMessageIsDocumentedUnderItsTag(Message message) {
    assertTrue(rules.contains("### " + message.tag() + "\n"), message.tag());
    assertTrue(rules.contains("Message." + message.name()), message.name());
  }
}
