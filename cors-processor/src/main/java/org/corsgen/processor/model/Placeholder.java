package org.corsgen.processor.model;

import java.util.Optional;

/**
 * An {@code origins} entry such as {@code ${cors.origins}} or
 * {@code ${cors.origins:https://app.example.com}}: origins that come from configuration when the
 * application starts.
 *
 * @param key the configuration key
 * @param defaultValue the comma-separated origins to use when nothing is configured
 */
public record Placeholder(String key, Optional<String> defaultValue) {

  @Override
  public String toString() {
    return "${" + key + defaultValue.map(value -> ":" + value).orElse("") + "}";
  }
}
