package dev.codexplugin.processor;

import static dev.codexplugin.processor.ProcessorTesting.source;

import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Plugins with {@code @McpResource}, {@code @McpPrompt} and {@code @McpCompletion} methods, for the golden files
 * and for running the generated servers.
 */
final class ResourceFixtures {
  private ResourceFixtures() {}

  /**
   * Two plugins: {@code docs-kit}, without a single tool (its server serves only resources, prompts and
   * completions of one instance class: a fixed text resource, a binary one, a template, prompts returning a
   * {@code String} and a list of messages, a completion of a prompt argument and one of a template variable with
   * the resolved arguments), and {@code notes-kit}, whose static class has a tool and a resource side by side.
   */
  static final List<JavaFileObject> DOCS = List.of(
      source("com.acme.docs.package-info", """
          @dev.codexplugin.api.Plugin(name = "docs-kit", version = "2.0.0", description = "Project documentation")
          package com.acme.docs;
          """),
      source("com.acme.docs.Docs", """
          package com.acme.docs;

          import dev.codexplugin.api.McpCompletion;
          import dev.codexplugin.api.McpPrompt;
          import dev.codexplugin.api.McpResource;
          import dev.codexplugin.api.Param;
          import dev.codexplugin.api.TriState;
          import dev.codexplugin.mcp.McpLog;
          import dev.codexplugin.mcp.PromptMethod;
          import java.util.List;
          import java.util.Map;
          import java.util.stream.Stream;

          /** The manual: one instance serves every request. */
          public final class Docs {
            private int reads;

            @McpResource(uri = "docs://readme", name = "readme", title = "README", mimeType = "text/markdown",
                description = "The project's README")
            public String readme() {
              reads++;
              return "# Docs (read " + reads + ")";
            }

            /** The logo. It is tiny. */
            @McpResource(uri = "docs://logo", mimeType = "image/png")
            public byte[] logo() {
              return new byte[] {1, 2, 3};
            }

            @McpResource(uri = "docs://{section}/pages/{page}", name = "page", mimeType = "text/plain",
                description = "One page of a section")
            public String page(String section, McpLog log, @Param(name = "page") String number) {
              log.debug("reading " + section + "/" + number);
              return section + " page " + number;
            }

            @McpPrompt(name = "review", title = "Review", description = "Review a change")
            public String review(@Param(description = "the diff to review") String diff,
                @Param(title = "Focus", description = "what to look at", required = TriState.FALSE) String focus) {
              return "Review " + diff + (focus == null ? "" : " for " + focus);
            }

            /** Explain a page. */
            @McpPrompt
            public List<PromptMethod.Message> explain(String page) {
              return List.of(PromptMethod.Message.user("Explain " + page), PromptMethod.Message.assistant("Sure."));
            }

            @McpCompletion(prompt = "review", argument = "focus")
            public List<String> focus(String prefix) {
              return Stream.of("security", "style", "speed").filter(f -> f.startsWith(prefix)).toList();
            }

            @McpCompletion(resource = "docs://{section}/pages/{page}", argument = "page")
            public List<String> pages(String prefix, Map<String, String> resolved) {
              return List.of(resolved.getOrDefault("section", "?") + "-" + prefix + "1");
            }
          }
          """),
      source("com.acme.notes.package-info", """
          @dev.codexplugin.api.Plugin(name = "notes-kit", version = "1.0.0", description = "Notes")
          package com.acme.notes;
          """),
      source("com.acme.notes.Notes", """
          package com.acme.notes;

          import dev.codexplugin.api.McpResource;
          import dev.codexplugin.api.McpTool;

          /** Static notes. */
          public final class Notes {
            private Notes() {}

            @McpTool(description = "Counts the notes.")
            public static int count() {
              return 1;
            }

            @McpResource(uri = "notes://all", description = "Every note")
            public static String all() {
              return "one note";
            }
          }
          """));
}
