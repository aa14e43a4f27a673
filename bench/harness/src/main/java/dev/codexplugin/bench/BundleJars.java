package dev.codexplugin.bench;

import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The loader benchmark's catalog: copies of a real bundle jar (the team-workflow sample, as our processor and
 * Maven built it: a plugin with skills, an MCP server and an app, plus its classes), each with its own plugin
 * name. Built once; reused while the template and the count are the same.
 */
final class BundleJars {
  static final String TEMPLATE_NAME = "team-workflow-plugin";

  private BundleJars() {}

  static List<Path> ensure(Path template, Path dir, int count) throws IOException {
    Path marker = dir.resolve("catalog.txt");
    String stamp = template + " " + Files.size(template) + " " + Files.getLastModifiedTime(template) + " " + count;
    if (Files.exists(marker) && Files.readString(marker).equals(stamp)) {
      return list(dir);
    }
    ProcessorBench.clean(dir);
    try (ZipFile zip = new ZipFile(template.toFile())) {
      List<? extends ZipEntry> entries = Collections.list(zip.entries());
      for (int i = 0; i < count; i++) {
        String name = String.format("bench-plugin-%04d", i);
        try (OutputStream file = Files.newOutputStream(dir.resolve(name + ".jar"));
            JarOutputStream jar = new JarOutputStream(file)) {
          for (ZipEntry e : entries) {
            JarEntry copy = new JarEntry(e.getName().replace(TEMPLATE_NAME, name));
            copy.setLastModifiedTime(FileTime.fromMillis(0));
            jar.putNextEntry(copy);
            if (!e.isDirectory()) {
              try (InputStream in = zip.getInputStream(e)) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().startsWith("META-INF/codex-plugins/")) {
                  bytes = new String(bytes, StandardCharsets.UTF_8).replace(TEMPLATE_NAME, name)
                      .getBytes(StandardCharsets.UTF_8);
                }
                jar.write(bytes);
              }
            }
            jar.closeEntry();
          }
        }
      }
    }
    List<Path> jars = list(dir);
    List<PluginBundle> check;
    try {
      check = PluginLoader.load(jars.get(0));
    } catch (dev.codexplugin.runtime.PluginLoadException e) {
      throw new IOException("the generated catalog does not load", e);
    }
    if (check.size() != 1 || !check.get(0).name().equals("bench-plugin-0000")) {
      throw new IOException("the generated catalog does not load as expected: " + check);
    }
    Files.writeString(marker, stamp);
    return jars;
  }

  static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }
}
