package dev.codexplugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.bench.Servers.Variant;
import dev.codexplugin.testing.Maven;
import dev.codexplugin.testing.MavenSettings;
import dev.codexplugin.testing.Publisher;
import dev.codexplugin.testing.SampleRelease;
import dev.codexplugin.testing.SdkArtifacts;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The package manager's benchmarks (issue 11, items 7 and 9), whole-process, every ratio against a peer measured in
 * the same rounds:
 *
 * <ul>
 *   <li><b>no-op install</b>: {@code codexplugin install} of a locked, installed project (the CLI jar as the wrapper
 *       runs it, and {@code ./codexplugin install} itself) against the JVM floor (a JVM that prints one line);
 *   <li><b>start-up</b>: the release-tools server as Codex installed it (command, arguments and folder of its
 *       {@code .mcp.json} in {@code $CODEX_HOME/plugins/cache}) with the class-data archive {@code install} made,
 *       and the same command without the archive, against the hand-written official-SDK server as shipped (bench
 *       (a)); launch to the first {@code tools/list} answer, as {@link StartupBench} measures;
 *   <li><b>install from a warm local repository</b>: {@code codexplugin install --offline} of the two samples into a
 *       fresh project and fresh Codex and Claude Code homes (with archives, and {@code --no-archive}) against
 *       {@code mvn -o dependency:get} of the same two artifacts (with their runtime dependencies) from the same
 *       local repository.
 * </ul>
 *
 * <p>The samples come from the publisher fixture: built from source and deployed by {@code mvn deploy} into the
 * authenticated repository on 127.0.0.1; the team's project is made with {@code init} and {@code add}, as a lead
 * makes it, with its own {@code HOME}, {@code CODEX_HOME} and {@code CLAUDE_CONFIG_DIR}.
 */
final class PackageBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MARKETPLACE = "team-tools";

  private PackageBench() {}

  static String run(Path bench, Map<String, Variant> servers, Path work, Path hostsBin, int rounds, int installRounds,
      java.util.Set<String> parts, List<String> levers, Path logs) throws Exception {
    Path root = bench.getParent();
    deleteTree(work);
    Files.createDirectories(work);
    StringBuilder md = new StringBuilder("# Package manager benchmarks\n\n");
    md.append("Load average before: ").append(load()).append("\n\n");
    try (Publisher publisher = Publisher.start(root, work.resolve("publisher"), work.resolve("publisher-m2"))) {
      publisher.publish(SampleRelease.TEAM_WORKFLOW_1_0_0, SampleRelease.RELEASE_TOOLS_1_0_0);
      Path cli = publisher.deployedFile(SdkArtifacts.GROUP_ID, "sdk-cli", publisher.sdkVersion(), "all", "jar");
      Machine lead = new Machine(work.resolve("lead"), hostsBin);
      Path project = Files.createDirectories(work.resolve("lead/project"));
      lead.ok(cli, project, "init", "--marketplace", MARKETPLACE, "--repository", "team=" + publisher.url(),
          "--host", "codex", "--host", "claude", "--wrapper-version", publisher.sdkVersion());
      lead.ok(cli, project, "add", "dev.codexplugin.samples:team-workflow@^1");
      lead.ok(cli, project, "add", "dev.codexplugin.samples:release-tools@^1");
      // The wrapper's first run makes the CLI's class-data archive from the classes it loads: a teammate's first run
      // is a real install, so this one runs the full command (not the fast no-op check) too.
      String first = lead.run(List.of("/usr/bin/env", "CODEXPLUGIN_FULL_CHECK=1",
          project.resolve("codexplugin").toString(), "install"), project);
      System.out.println("  wrapper's first run: " + first.strip());

      // 1. No-op install against the JVM floor.
      Path classes = bench.resolve("harness/target/classes");
      List<Timed> noop = List.of(
          new Timed("install", "codexplugin install (plain java -jar of the CLI jar)", project,
              lead.java(cli, "install")),
          new Timed("wrapper", "./codexplugin install (the committed wrapper: C1, serial GC, the CLI's class-data"
              + " archive)", project,
              List.of(project.resolve("codexplugin").toString(), "install")),
          new Timed("wrapper-full", "./codexplugin install with CODEXPLUGIN_FULL_CHECK=1 (the wrapper, without the"
              + " CLI's fast no-op check: picocli, Jackson, every installed tree hashed)", project,
              List.of("/usr/bin/env", "CODEXPLUGIN_FULL_CHECK=1", project.resolve("codexplugin").toString(),
                  "install")),
          new Timed("floor", "a JVM that prints one line", classes,
              List.of(javaBin(), "-cp", classes.toString(), Floor.class.getName())));
      if (parts.contains("noop")) {
        System.out.println("No-op install: " + rounds + " rounds");
        Map<String, List<Double>> noopMs = rounds(noop, 2, rounds, lead, logs, "up to date");
        md.append("## No-op install of a locked, installed project (item 9)\n\n");
        table(md, noop, noopMs, "floor");
      }

      // 2. Start-up of the installed release-tools server (item 7).
      if (parts.contains("startup")) {
        Path plugin = lead.root.resolve("codex-home/plugins/cache/" + MARKETPLACE + "/release-tools/1.0.0");
        // Codex reads the servers inline in .codex-plugin/plugin.json when they are there (the root .mcp.json of an
        // export for both hosts is Claude Code's, with ${CLAUDE_PLUGIN_ROOT}).
        JsonNode inline = JSON.readTree(Files.readString(plugin.resolve(".codex-plugin/plugin.json")))
            .path("mcpServers");
        JsonNode server = (inline.isObject() ? inline
            : JSON.readTree(Files.readString(plugin.resolve(".mcp.json"))).path("mcpServers")).path("release-tools");
        List<String> installed = new ArrayList<>(List.of(server.path("command").asText()));
        server.path("args").forEach(a -> installed.add(a.asText()));
        Path cwd = plugin.resolve(server.path("cwd").asText("."));
        List<String> bare = installed.stream()
            .filter(a -> !a.startsWith("-XX:SharedArchiveFile=") && !a.startsWith("-XX:AOTCache=")).toList();
        if (bare.size() == installed.size()) {
          throw new IllegalStateException("install wired no class-data archive into " + plugin.resolve(".mcp.json")
              + ": " + installed);
        }
        List<Variant> startup = new ArrayList<>(List.of(
            new Variant("installed", "release-tools as installed, with the install's class-data archive", cwd,
                installed),
            new Variant("installed-bare", "the same command without the archive", cwd, bare)));
        // Levers on top of the installed command (JVM options right after java), measured in the same rounds.
        for (String lever : levers) {
          List<String> flags = switch (lever) {
            case "serial" -> List.of("-XX:+UseSerialGC");
            case "c1" -> List.of("-XX:TieredStopAtLevel=1");
            case "c1serial" -> List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            default -> List.of();
          };
          if (!flags.isEmpty()) {
            List<String> command = new ArrayList<>(installed.subList(0, 1));
            command.addAll(flags);
            command.addAll(installed.subList(1, installed.size()));
            startup.add(new Variant("installed-" + lever, "as installed, with " + String.join(" ", flags), cwd,
                command));
          }
        }
        startup.add(servers.get("sdk"));
        startup.add(servers.get("floor"));
        System.out.println("Start-up of the installed server: " + rounds + " rounds; " + installed);
        StartupBench.Result result = StartupBench.run(startup, 2, rounds, logs);
        md.append("## Start-up of the installed release-tools server to its first tools/list (item 7)\n\n")
            .append("Command (from `$CODEX_HOME/plugins/cache/team-tools/release-tools/1.0.0/")
            .append(".codex-plugin/plugin.json`,")
            .append(" run in that folder): `")
            .append(String.join(" ", installed)).append("`\n\n")
            .append("release-tools has ").append(result.tools().get("installed")).append(" tools, the SDK server ")
            .append(result.tools().get("sdk")).append(".\n\n");
        List<Timed> startupRows = startup.stream()
            .map(v -> new Timed(v.id(), v.label(), v.cwd(), v.command())).toList();
        table(md, startupRows, result.listMs(), "sdk");
      }

      // 3. Install from a warm local repository against mvn dependency:get.
      if (parts.contains("install")) {
        System.out.println("Install from a warm local repository: " + installRounds + " rounds");
        Map<String, List<Double>> installMs = new LinkedHashMap<>();
        for (String id : List.of("install", "install-no-archive", "dependency-get")) {
          installMs.put(id, new ArrayList<>());
        }
        // Maven warms its own local repository in the warm-up round (online, from the team's repository), as
        // the package manager warmed its own with the lead's install: each reads the layout it writes.
        Maven maven = Maven.wrapper(root, work.resolve("maven-m2")).settings(MavenSettings.create()
            .server(Publisher.REPOSITORY_ID, Publisher.TEAMMATE).write(work.resolve("maven-settings.xml")));
        List<String> ids = new ArrayList<>(installMs.keySet());
        for (int r = 0; r < installRounds + 1; r++) {
          StringBuilder line = new StringBuilder(String.format("  install round %d%s:", r, r == 0 ? " (warm-up)" : ""));
          for (int i = 0; i < ids.size(); i++) {
            String id = ids.get((i + r) % ids.size());
            double ms;
            if (id.equals("dependency-get")) {
              long start = System.nanoTime();
              for (SampleRelease release
                  : List.of(SampleRelease.TEAM_WORKFLOW_1_0_0, SampleRelease.RELEASE_TOOLS_1_0_0)) {
                maven.runOrFail(work, "-q", r == 0 ? "-U" : "-o",
                    "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:get", "-Dartifact=" + release.coordinates(),
                    "-DremoteRepositories=team::default::" + publisher.url());
              }
              ms = (System.nanoTime() - start) / 1e6;
            } else {
              Path fresh = work.resolve("install-" + r + "-" + id);
              Machine teammate = lead.freshHosts(fresh);
              Path copy = Files.createDirectories(fresh.resolve("project"));
              for (String file : List.of("codexplugin.json", "codexplugin-lock.json")) {
                Files.copy(project.resolve(file), copy.resolve(file));
              }
              List<String> command = new ArrayList<>(teammate.java(cli, "install", "--offline"));
              if (id.equals("install-no-archive")) {
                command.add("--no-archive");
              }
              long start = System.nanoTime();
              String out = teammate.run(command, copy);
              ms = (System.nanoTime() - start) / 1e6;
              if (!out.contains("installed release-tools 1.0.0, team-workflow-plugin 1.0.0")) {
                throw new IllegalStateException("install did not install the two samples: " + out);
              }
            }
            if (r > 0) {
              installMs.get(id).add(ms);
            }
            line.append(String.format(" %s %.0f ms", id, ms));
          }
          System.out.println(line);
        }
        md.append("## Installing the two samples from a warm local repository (item 9)\n\n")
            .append("Fresh project (declaration and lock), fresh `CODEX_HOME` and `CLAUDE_CONFIG_DIR`, the local")
            .append(" repository of an earlier install, `--offline`; the peer resolves the same two artifacts with")
            .append(" their")
            .append(" runtime dependencies from its own local repository, warmed by the same command online in the")
            .append(" warm-up round, with `mvn -o dependency:get`, one run per artifact.\n\n");
        List<Timed> installRows = List.of(
            new Timed("install", "codexplugin install --offline (both hosts, with start-up archives)", null, List.of()),
            new Timed("install-no-archive", "codexplugin install --offline --no-archive", null, List.of()),
            new Timed("dependency-get", "mvn -o dependency:get, both artifacts (two runs)", null, List.of()));
        table(md, installRows, installMs, "dependency-get");
      }
    }
    md.append("Load average after: ").append(load()).append("\n");
    Files.writeString(bench.resolve("target/report-packages.md"), md);
    return md.toString();
  }

  /** A command timed from launch to exit. */
  record Timed(String id, String label, Path cwd, List<String> command) {}

  /** Rounds whose order rotates; each command must print {@code expect} (or the floor's line). */
  private static Map<String, List<Double>> rounds(List<Timed> variants, int warmup, int rounds, Machine machine,
      Path logs, String expect) throws Exception {
    Map<String, List<Double>> ms = new LinkedHashMap<>();
    variants.forEach(v -> ms.put(v.id(), new ArrayList<>()));
    for (int r = 0; r < warmup + rounds; r++) {
      StringBuilder line = new StringBuilder(String.format("  no-op round %2d%s:", r - warmup + 1,
          r < warmup ? " (warm-up)" : ""));
      for (int i = 0; i < variants.size(); i++) {
        Timed v = variants.get((i + r) % variants.size());
        long start = System.nanoTime();
        String out = machine.run(v.command(), v.cwd());
        double t = (System.nanoTime() - start) / 1e6;
        if (!v.id().equals("floor") && !out.contains(expect)) {
          throw new IllegalStateException(v.id() + " printed " + out + "; expected " + expect);
        }
        if (r >= warmup) {
          ms.get(v.id()).add(t);
        }
        line.append(String.format(" %s %.0f ms", v.id(), t));
      }
      System.out.println(line);
    }
    return ms;
  }

  private static void table(StringBuilder md, List<Timed> rows, Map<String, List<Double>> ms, String peer) {
    md.append("| variant | what | median ms | ratio to ").append(peer)
        .append(" (median of per-round ratios) | 95 % interval |\n")
        .append("|---|---|---:|---:|---|\n");
    for (Timed row : rows) {
      List<Double> values = ms.get(row.id());
      List<Double> ratios = Stats.ratios(values, ms.get(peer));
      double[] interval = Stats.medianInterval(ratios);
      md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f - %.2f |%n", row.id(), row.label(),
          Stats.median(values), Stats.median(ratios), interval[0], interval[1]));
    }
    md.append(String.format(Locale.ROOT, "%n%d measured rounds; each value is one process from launch to exit"
        + " (start-up: to the tools/list answer).%n%n", ms.get(peer).size()));
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** Deletes a folder tree (the benchmark's own work folder). */
  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** A person's machine: home, Codex home, Claude config, the hosts on PATH, the team's credentials. */
  static final class Machine {
    final Path root;
    final Path home;
    final Map<String, String> env = new HashMap<>();
    private final Path hostsBin;

    Machine(Path root, Path hostsBin) throws IOException {
      this(root, hostsBin, Files.createDirectories(root.resolve("home")));
    }

    private Machine(Path root, Path hostsBin, Path home) throws IOException {
      this.root = root;
      this.home = home;
      env.putAll(System.getenv());
      env.keySet().removeIf(k -> k.startsWith("CODEXPLUGIN_") || k.equals("OPENAI_API_KEY")
          || k.equals("ANTHROPIC_API_KEY") || k.equals("JAVA_TOOL_OPTIONS"));
      env.put("HOME", home.toString());
      env.put("CODEX_HOME", Files.createDirectories(root.resolve("codex-home")).toString());
      env.put("CLAUDE_CONFIG_DIR", Files.createDirectories(root.resolve("claude-config")).toString());
      env.put("GITHUB_PERSONAL_ACCESS_TOKEN", "bench-token");
      env.put("SLACK_BOT_TOKEN", "bench-token");
      env.put("SLACK_TEAM_ID", "T0BENCH");
      env.put("RUST_LOG", "warn");
      env.put("DISABLE_AUTOUPDATER", "1");
      env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
      env.put("CODEXPLUGIN_REPO_TEAM_USERNAME", Publisher.TEAMMATE.username());
      env.put("CODEXPLUGIN_REPO_TEAM_PASSWORD", Publisher.TEAMMATE.password());
      env.put("PATH", hostsBin + File.pathSeparator + System.getenv("PATH"));
      this.hostsBin = hostsBin;
    }

    /** The same home (and local repository), new host homes under {@code root}. */
    Machine freshHosts(Path root) throws IOException {
      return new Machine(root, hostsBin, home);
    }

    List<String> java(Path cli, String... args) {
      List<String> command = new ArrayList<>(List.of(javaBin(), "-Duser.home=" + home, "-jar", cli.toString()));
      command.addAll(List.of(args));
      return command;
    }

    void ok(Path cli, Path dir, String... args) throws Exception {
      run(java(cli, args), dir);
    }

    /** Runs to exit; its stdout and stderr; a failure is an exception with both. */
    String run(List<String> command, Path dir) throws Exception {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
      builder.environment().clear();
      builder.environment().putAll(env);
      Path out = Files.createTempFile(root, "out", ".txt");
      Process process = builder.redirectOutput(out.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("did not finish in 10 minutes: " + command);
      }
      String text = Files.readString(out, StandardCharsets.UTF_8);
      Files.delete(out);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + text);
      }
      return text;
    }
  }

}
