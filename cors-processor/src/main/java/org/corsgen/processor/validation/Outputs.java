package org.corsgen.processor.validation;

import java.io.IOException;
import java.io.InputStream;
import javax.annotation.processing.Filer;
import javax.tools.StandardLocation;
import org.corsgen.runtime.spi.CorsBindings;

/**
 * What an earlier build left in the compilation's outputs, which tells a class of this output's
 * from one elsewhere on the class path or source path.
 */
public final class Outputs {

  private Outputs() {}

  /** Whether the class output has the class file of the top-level or nested {@code binaryName}. */
  public static boolean hasClassFile(Filer filer, String binaryName) {
    return hasFileOf(filer, StandardLocation.CLASS_OUTPUT, binaryName, ".class");
  }

  /** Whether the source output has the source of the top-level class {@code qualifiedName}. */
  public static boolean hasSource(Filer filer, String qualifiedName) {
    return hasFileOf(filer, StandardLocation.SOURCE_OUTPUT, qualifiedName, ".java");
  }

  /**
   * Whether the source output is the class output (javac without {@code -s}), told by the index
   * an earlier build left in the class output.
   */
  public static boolean isSourceOutputTheClassOutput(Filer filer) {
    return has(filer, StandardLocation.SOURCE_OUTPUT, "", CorsBindings.INDEX);
  }

  private static boolean hasFileOf(Filer filer, StandardLocation location, String name,
      String extension) {
    int dot = name.lastIndexOf('.');
    return has(filer, location, dot < 0 ? "" : name.substring(0, dot),
        name.substring(dot + 1) + extension);
  }

  private static boolean has(Filer filer, StandardLocation location, String pkg,
      String relativeName) {
    try (InputStream in = filer.getResource(location, pkg, relativeName).openInputStream()) {
      return true;
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return false; // not there, or a Filer that cannot read its own output
    }
  }
}
