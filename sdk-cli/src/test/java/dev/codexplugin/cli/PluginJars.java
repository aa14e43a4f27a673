package dev.codexplugin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles small annotated plugins with the real annotation processor and packs them into real jars. */
final class PluginJars {
  private PluginJars() {}

  /** Compiles {@code sources} (path → Java text) and writes the classes and bundles to {@code jar}. */
  static Path compile(Path work, String jarName, Map<String, String> sources) throws IOException {
    Path src = work.resolve(jarName + "-src");
    Path classes = work.resolve(jarName + "-classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path"),
        "-processorpath", System.getProperty("java.class.path"),
        "-processor", "dev.codexplugin.processor.CodexPluginProcessor",
        "-Acodexplugin.version=1.0.0", "--release", "17"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
      args.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    java.io.ByteArrayOutputStream diagnostics = new java.io.ByteArrayOutputStream();
    int exit = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
    if (exit != 0) {
      throw new AssertionError("javac failed for " + sources.keySet() + "\n"
          + diagnostics.toString(StandardCharsets.UTF_8));
    }
    return jar(classes, work.resolve(jarName));
  }

  /** Packs a folder into a jar with fixed timestamps. */
  static Path jar(Path folder, Path jar) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(folder.relativize(file).toString().replace('\\', '/'));
        entry.setLastModifiedTime(FileTime.fromMillis(1_767_225_600_000L));
        zip.putNextEntry(entry);
        zip.write(Files.readAllBytes(file));
        zip.closeEntry();
      }
    }
    return jar;
  }

  /** A plugin on a package, with one skill and one stdio server. */
  static Map<String, String> plugin(String pkg, String name, String server) {
    String dir = pkg.replace('.', '/');
    return Map.of(
        dir + "/package-info.java", """
            @Plugin(name = "%s", description = "The %s plugin", author = @Author(name = "Acme"),
                    ui = @PluginInterface(displayName = "%s", category = "productivity"))
            @McpServer(name = "%s", command = "npx", args = {"-y", "@acme/%s"}, envVars = "ACME_TOKEN")
            package %s;

            import dev.codexplugin.api.Author;
            import dev.codexplugin.api.McpServer;
            import dev.codexplugin.api.Plugin;
            import dev.codexplugin.api.PluginInterface;
            """.formatted(name, name, name, server, server, pkg),
        dir + "/Review.java", """
            package %s;

            import dev.codexplugin.api.Skill;

            @Skill(name = "review", description = "Review changes. Use when asked to review a diff.",
                   instructions = "# Review\\nCheck the tests first.\\n", requires = "%s")
            final class Review {}
            """.formatted(pkg, server));
  }
}
