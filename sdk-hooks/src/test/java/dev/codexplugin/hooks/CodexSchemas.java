package dev.codexplugin.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import dev.codexplugin.api.HookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The hook schemas compiled into Codex 0.169.0 (test resources {@code codex-schema/}; see the README there). */
final class CodexSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(Dialects.getDraft7());

  private CodexSchemas() {}

  /** The problems of {@code json} against the {@code kind} ({@code input} or {@code output}) schema of {@code event}. */
  static List<String> problems(HookEvent event, String kind, String json) {
    String file = "/codex-schema/" + kebab(event.jsonName()) + ".command." + kind + ".json";
    try (InputStream in = CodexSchemas.class.getResourceAsStream(file)) {
      if (in == null) {
        throw new AssertionError("Codex 0.169.0 has no " + kind + " schema for " + event.jsonName() + " (" + file + ")");
      }
      Schema schema = REGISTRY.getSchema(JSON.readTree(in));
      JsonNode instance = JSON.readTree(json);
      List<String> problems = new ArrayList<>();
      for (Error error : schema.validate(instance)) {
        problems.add(error.toString());
      }
      return problems;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean hasOutputSchema(HookEvent event) {
    return CodexSchemas.class.getResource("/codex-schema/" + kebab(event.jsonName()) + ".command.output.json") != null;
  }

  private static String kebab(String pascal) {
    StringBuilder out = new StringBuilder();
    for (char c : pascal.toCharArray()) {
      if (Character.isUpperCase(c) && out.length() > 0) {
        out.append('-');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
