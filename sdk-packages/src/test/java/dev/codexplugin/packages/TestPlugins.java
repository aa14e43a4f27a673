package dev.codexplugin.packages;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.supplier.SessionBuilderSupplier;
import org.eclipse.aether.util.repository.AuthenticationBuilder;

/**
 * Real plugin jars for tests: compiled with the real annotation processor at a given version, and deployed with
 * Maven Resolver's own deploy (jar, pom, checksums and maven-metadata.xml, as {@code mvn deploy} writes them).
 */
final class TestPlugins {
  private TestPlugins() {}

  /** A plugin with one skill per name in {@code skills} and a stdio server that needs nothing. */
  static Map<String, String> plugin(String name, List<String> skills) {
    StringBuilder types = new StringBuilder();
    for (String s : skills) {
      types.append("""
          @Skill(name = "%s", description = "The %s skill. Use when asked to %s.",
                 instructions = "# %s\\nDo it.\\n")
          """.formatted(s, s, s, s));
    }
    return Map.of(
        "com/acme/p/package-info.java", """
            @Plugin(name = "%s", description = "The %s plugin", author = @Author(name = "Acme"),
                    ui = @PluginInterface(displayName = "%s", category = "productivity"))
            package com.acme.p;

            import dev.codexplugin.api.Author;
            import dev.codexplugin.api.Plugin;
            import dev.codexplugin.api.PluginInterface;
            """.formatted(name, name, name),
        "com/acme/p/Skills.java", """
            package com.acme.p;

            import dev.codexplugin.api.Skill;

            %s
            final class Skills {}
            """.formatted(types));
  }

  /** A plugin with Java tools: one {@code @McpTool} per name. */
  static Map<String, String> tools(String name, List<String> tools) {
    StringBuilder methods = new StringBuilder();
    for (String t : tools) {
      methods.append("""
            /** Echoes the text for %s. @param text the text */
            @McpTool
            public String %s(String text) { return text; }
          """.formatted(t, t));
    }
    return Map.of(
        "com/acme/t/package-info.java", """
            @Plugin(name = "%s", description = "The %s plugin", author = @Author(name = "Acme"))
            package com.acme.t;

            import dev.codexplugin.api.Author;
            import dev.codexplugin.api.Plugin;
            """.formatted(name, name),
        "com/acme/t/Tools.java", """
            package com.acme.t;

            import dev.codexplugin.api.McpTool;

            public final class Tools {
            %s
            }
            """.formatted(methods));
  }

  /** Compiles the sources at {@code version} into a jar with fixed timestamps. */
  static Path jar(Path work, String jarName, String version, Map<String, String> sources) throws IOException {
    Path src = work.resolve(jarName + "-src");
    Path classes = work.resolve(jarName + "-classes");
    Files.createDirectories(classes);
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path"),
        "-processorpath", System.getProperty("java.class.path"),
        "-processor", "dev.codexplugin.processor.CodexPluginProcessor",
        "-Acodexplugin.version=" + version, "--release", "17"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
      args.add(file.toString());
    }
    // The real javac, as a process (the test module does not read java.compiler).
    args.add(0, Path.of(System.getProperty("java.home"), "bin", "javac").toString());
    Process javac = new ProcessBuilder(args).redirectErrorStream(true).start();
    String diagnostics = new String(javac.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (javac.waitFor() != 0) {
        throw new AssertionError("javac failed\n" + diagnostics);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return pack(classes, work.resolve(jarName + ".jar"));
  }

  /** Packs a folder into a jar with fixed timestamps. */
  static Path pack(Path folder, Path jar) throws IOException {
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

  /**
   * Deploys {@code file} as {@code groupId:artifactId:extension:classifier:version} (a snapshot gets its
   * timestamped version, as {@code mvn deploy} gives it), with a pom of no dependencies.
   */
  static void deployFile(Path work, URI repository, String user, String password, String coordinates, Path file)
      throws Exception {
    Artifact artifact = new DefaultArtifact(coordinates).setFile(file.toFile());
    Path pom = work.resolve(artifact.getArtifactId() + "-" + artifact.getBaseVersion() + ".pom");
    Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
        + "<groupId>" + artifact.getGroupId() + "</groupId><artifactId>" + artifact.getArtifactId() + "</artifactId>"
        + "<version>" + artifact.getBaseVersion() + "</version></project>\n");
    RepositorySystem system = new RepositorySystemSupplier().get();
    try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
        .withLocalRepositoryBaseDirectories(work.resolve("deployer-local")).build()) {
      RemoteRepository remote = new RemoteRepository.Builder("team", "default", repository.toString())
          .setAuthentication(new AuthenticationBuilder().addUsername(user).addPassword(password).build()).build();
      Artifact pomArtifact = new DefaultArtifact(artifact.getGroupId(), artifact.getArtifactId(), "pom",
          artifact.getBaseVersion()).setFile(pom.toFile());
      system.deploy(session, new DeployRequest().setRepository(remote).addArtifact(artifact).addArtifact(pomArtifact));
    } finally {
      system.shutdown();
    }
  }

  /** Deploys {@code jar} as {@code groupId:artifactId:version} with a pom naming {@code dependencies}. */
  static void deploy(Path work, URI repository, String user, String password, String gav, Path jar,
      List<String> dependencies) throws Exception {
    String[] p = gav.split(":");
    StringBuilder deps = new StringBuilder();
    for (String d : dependencies) {
      String[] q = d.split(":");
      deps.append("<dependency><groupId>").append(q[0]).append("</groupId><artifactId>").append(q[1])
          .append("</artifactId><version>").append(q[2]).append("</version></dependency>");
    }
    Path pom = work.resolve(p[1] + "-" + p[2] + ".pom");
    Files.writeString(pom, "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
        + "<groupId>" + p[0] + "</groupId><artifactId>" + p[1] + "</artifactId><version>" + p[2] + "</version>"
        + "<dependencies>" + deps + "</dependencies></project>\n");
    RepositorySystem system = new RepositorySystemSupplier().get();
    try (RepositorySystemSession.CloseableSession session = new SessionBuilderSupplier(system).get()
        .withLocalRepositoryBaseDirectories(work.resolve("deployer-local")).build()) {
      RemoteRepository.Builder remote = new RemoteRepository.Builder("team", "default", repository.toString());
      if (user != null) {
        remote.setAuthentication(new AuthenticationBuilder().addUsername(user).addPassword(password).build());
      }
      Artifact jarArtifact = new DefaultArtifact(p[0], p[1], "jar", p[2]).setFile(jar.toFile());
      Artifact pomArtifact = new DefaultArtifact(p[0], p[1], "pom", p[2]).setFile(pom.toFile());
      system.deploy(session, new DeployRequest().setRepository(remote.build()).addArtifact(jarArtifact)
          .addArtifact(pomArtifact));
    } finally {
      system.shutdown();
    }
  }

  /**
   * Every regular file below {@code roots} as {@code <root name>/<relative path>} to its SHA-256, without the
   * command lock and the managed folder's .gitignore: the state a failed command must leave as it was.
   */
  static Map<String, String> state(Path... roots) throws IOException {
    return state(Set.of(), roots);
  }

  /** {@link #state(Path...)}, without the files at the relative paths {@code ignored} too. */
  static Map<String, String> state(Set<String> ignored, Path... roots) throws IOException {
    Map<String, String> files = new TreeMap<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path f : walk.filter(Files::isRegularFile).toList()) {
          String rel = root.relativize(f).toString();
          if (!rel.equals(".codexplugin/lock") && !rel.equals(".codexplugin/.gitignore") && !ignored.contains(rel)) {
            files.put(root.getFileName() + "/" + rel, Hashes.sha256(Files.readAllBytes(f)));
          }
        }
      }
    }
    return files;
  }
}
