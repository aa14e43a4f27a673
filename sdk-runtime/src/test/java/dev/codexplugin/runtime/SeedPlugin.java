package dev.codexplugin.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The lab's seed plugin ({@code /tmp/lab-codex/scripts/common.sh}, {@code seed_plugin}) written to a real
 * folder, plus the edits the lab's case scripts make: {@link #set} is {@code pj_set}, {@link #remove} is
 * {@code pj_del}, {@link #skill} is {@code skill}. Each case starts from the seed and changes one thing.
 */
final class SeedPlugin {
  static final String NAME = "team-workflow-plugin";
  static final String MANIFEST = ".codex-plugin/plugin.json";

  static final String SEED_MANIFEST = """
      { "name": "team-workflow-plugin", "version": "1.0.0",
        "description": "Shared AI workflow for team productivity",
        "skills": "./skills/", "mcpServers": "./.mcp.json", "apps": "./.app.json",
        "interface": { "displayName": "Team Workflow Plugin", "category": "productivity",
                       "capabilities": ["code-review", "testing"], "brandColor": "#4F46E5" } }
      """;
  static final String CODE_REVIEW = """
      ---
      name: "code-review"
      description: "Review code changes following team standards. Use when asked to review a diff or PR."
      metadata:
        short-description: "Team code review"
      ---
      # Code Review Skill
      Review code changes following team standards:
      1. Check for test coverage
      2. Check naming
      """;
  static final String TESTING = """
      ---
      name: "testing"
      description: "Write and run tests following team conventions. Use when asked to add or fix tests."
      metadata:
        short-description: "Team testing"
      ---
      # Testing Skill
      Write tests first.
      """;
  static final String MCP = """
      { "mcpServers": {
        "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env_vars": ["GITHUB_TOKEN"] },
        "slack": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-slack"], "env_vars": ["SLACK_BOT_TOKEN"] } } }
      """;
  static final String APPS = """
      { "apps": { "jira": { "id": "connector_jira", "category": "productivity" } } }
      """;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;

  private SeedPlugin(Path root) {
    this.root = root;
  }

  /** The seed plugin in {@code parent/team-workflow-plugin}. */
  static SeedPlugin in(Path parent) {
    return in(parent, NAME);
  }

  /** The seed plugin in {@code parent/folder}. */
  static SeedPlugin in(Path parent, String folder) {
    SeedPlugin seed = new SeedPlugin(parent.resolve(folder));
    return seed.file(MANIFEST, SEED_MANIFEST)
        .file("skills/code-review/SKILL.md", CODE_REVIEW)
        .file("skills/testing/SKILL.md", TESTING)
        .file(".mcp.json", MCP)
        .file(".app.json", APPS);
  }

  /** An empty plugin folder {@code parent/folder} (the lab's {@code NO_SEED=1}). */
  static SeedPlugin empty(Path parent, String folder) {
    SeedPlugin plugin = new SeedPlugin(parent.resolve(folder));
    try {
      Files.createDirectories(plugin.root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return plugin;
  }

  Path root() {
    return root;
  }

  /** {@code pj_set}: sets the dotted {@code key} of the manifest to the JSON {@code value}. */
  SeedPlugin set(String key, String value) {
    try {
      ObjectNode manifest = (ObjectNode) JSON.readTree(read(MANIFEST));
      String[] keys = key.split("\\.");
      ObjectNode target = manifest;
      for (int i = 0; i < keys.length - 1; i++) {
        target = target.has(keys[i]) ? (ObjectNode) target.get(keys[i]) : target.putObject(keys[i]);
      }
      JsonNode parsed = JSON.readTree(value);
      target.set(keys[keys.length - 1], parsed);
      return file(MANIFEST, JSON.writeValueAsString(manifest) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code pj_del}: removes the dotted {@code key} from the manifest. */
  SeedPlugin remove(String key) {
    try {
      ObjectNode manifest = (ObjectNode) JSON.readTree(read(MANIFEST));
      String[] keys = key.split("\\.");
      ObjectNode target = manifest;
      for (int i = 0; i < keys.length - 1; i++) {
        target = (ObjectNode) target.get(keys[i]);
      }
      target.remove(keys[keys.length - 1]);
      return file(MANIFEST, JSON.writeValueAsString(manifest) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code skill}: writes {@code folder/SKILL.md}. */
  SeedPlugin skill(String folder, String skillMd) {
    return file(folder + "/SKILL.md", skillMd);
  }

  /** A skill with just a name and a description in quoted front matter. */
  SeedPlugin simpleSkill(String folder, String name, String description) {
    return skill(folder, "---\nname: \"" + name + "\"\ndescription: \"" + description + "\"\n---\nbody\n");
  }

  SeedPlugin file(String path, String text) {
    return bytes(path, text.getBytes(StandardCharsets.UTF_8));
  }

  SeedPlugin bytes(String path, byte[] bytes) {
    try {
      Path file = root.resolve(path);
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file or a whole folder. */
  SeedPlugin delete(String path) {
    Path target = root.resolve(path);
    try (Stream<Path> walk = Files.walk(target)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves a file (creating the target folder). */
  SeedPlugin move(String from, String to) {
    try {
      Path target = root.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(root.resolve(from), target);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String path) {
    try {
      return Files.readString(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads the folder as Codex would see it. */
  Seen load() {
    return Seen.load(root);
  }
}
