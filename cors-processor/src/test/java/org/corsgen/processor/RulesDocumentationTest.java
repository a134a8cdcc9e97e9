package org.corsgen.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.corsgen.processor.diagnostics.Message;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

  /**
   * Every message shown in docs/rules.md is one corsgen can print: it matches the format of a
   * message with the section's tag, each argument standing for any text.
   */
  @Test
  void everyMessageShownIsOneThatIsPrinted() {
    List<String> wrong = new ArrayList<>();
    String tag = null;
    boolean message = false;
    for (String line : rules.split("\n")) {
      if (line.startsWith("### ")) {
        tag = line.substring(4).strip();
      } else if (line.equals("Message:")) {
        message = true;
      } else if (message && line.startsWith("[")) {
        String section = tag;
        if (Arrays.stream(Message.values())
            .filter(candidate -> candidate.tag().equals(section))
            .noneMatch(candidate -> pattern(candidate).matcher(line).matches())) {
          wrong.add(line);
        }
        message = false;
      }
    }
    assertEquals(List.of(), wrong);
  }

  /** The message's text as a pattern: its literal parts quoted, each argument any text. */
  private static Pattern pattern(Message message) {
    String format;
    try {
      Field field = Message.class.getDeclaredField("format");
      field.setAccessible(true);
      format = (String) field.get(message);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    StringBuilder regex = new StringBuilder(Pattern.quote("[" + message.tag() + "] "));
    for (String literal : format.replace("%%", "%").split("%([0-9]+\\$)?[sd]", -1)) {
      regex.append(Pattern.quote(literal)).append(".*?");
    }
    regex.setLength(regex.length() - 3);
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
