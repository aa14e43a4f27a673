package dev.codexplugin.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The plugin jars of the e2e fixtures ({@link JavaToolsFixture}, {@link HttpToolsFixture}), laid out as the SDK
 * writes one: {@code META-INF/codex-plugins/index.json} naming one bundle at version 1.0.0, the bundle's files
 * under {@code META-INF/codex-plugins/<plugin>/}, and any classes; every entry with the same fixed time.
 */
final class BundleJar {
  private BundleJar() {}

  /** The fixtures' {@code .codex-plugin/plugin.json}: version 1.0.0, skills and {@code .mcp.json}. */
  static String manifest(String plugin, String description, String displayName) {
    return """
        {
          "name": "%s",
          "version": "1.0.0",
          "description": "%s",
          "author": {
            "name": "Codex Plugin SDK e2e"
          },
          "skills": "./skills/",
          "mcpServers": "./.mcp.json",
          "interface": {
            "displayName": "%s",
            "category": "developer-tools"
          }
        }
        """.formatted(plugin, description, displayName);
  }

  /**
   * Writes {@code file}: the bundle {@code plugin} with {@code bundle}'s files (path in the bundle to text) and
   * the entries of {@code classes} (path in the jar to bytes); returns {@code file}.
   */
  static Path write(Path file, String plugin, Map<String, String> bundle, Map<String, byte[]> classes)
      throws IOException {
    StringBuilder files = new StringBuilder();
    for (String f : new TreeMap<>(bundle).keySet()) {
      files.append(files.length() == 0 ? "" : ", ").append('"').append(f).append('"');
    }
    Map<String, byte[]> entries = new TreeMap<>(classes);
    entries.put("META-INF/codex-plugins/index.json", ("{\"formatVersion\": 1, \"bundles\": [{\"name\": \"" + plugin
        + "\", \"version\": \"1.0.0\", \"files\": [" + files + "]}]}\n").getBytes(StandardCharsets.UTF_8));
    String root = "META-INF/codex-plugins/" + plugin + "/";
    bundle.forEach((path, text) -> entries.put(root + path, text.getBytes(StandardCharsets.UTF_8)));
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setLastModifiedTime(FileTime.fromMillis(1_767_225_600_000L));
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }
}
