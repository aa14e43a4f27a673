package dev.codexplugin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.bench.hook.BenchHooks;
import dev.codexplugin.bench.hook.BenchPolicy;
import dev.codexplugin.bench.hook.JacksonHookFloor;
import dev.codexplugin.packages.ClassDataArchive;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A hook's round trip, process start to the decision on stdout: the host's PreToolUse JSON for a MAJOR bump on
 * stdin (Codex's, with {@code PLUGIN_ROOT} set), the deny line read back. Every variant makes the same decision;
 * all run interleaved in rounds whose order rotates, and each round's ratios are taken within the round.
 *
 * <ul>
 *   <li>{@code shell}: POSIX {@code sh} script ({@code cat}, a {@code case} on the text, {@code printf});
 *   <li>{@code node}: a Node.js script ({@code JSON.parse}, {@code JSON.stringify});
 *   <li>{@code floor}: a JVM that prints one line (the JVM hello-world floor); {@code floor25} on JDK 25;
 *   <li>{@code java}: our launcher and sdk-hooks, class path = the plugin's jar, sdk-hooks and sdk-api (3 jars),
 *       with {@code -Xlog:disable -Xlog:all=warning:stderr} as the generated command has it;
 *   <li>{@code java+c1serial}: the same with {@code -XX:TieredStopAtLevel=1 -XX:+UseSerialGC};
 *   <li>{@code java+cds}: the same with an AppCDS archive of one training run ({@code -XX:ArchiveClassesAtExit},
 *       JDK 17); {@code java25}, {@code java25+aot}: JDK 25 without and with an AOT cache
 *       ({@code -XX:AOTMode=record}/{@code create}, then {@code -XX:AOTCache});
 *   <li>{@code release-tools}: the release-tools sample's exported PreToolUse hook exactly as its
 *       {@code hooks/hooks.json} says ({@code lib/*}: 20 jars; its handler parses the version with semver4j);
 *   <li>{@code release-tools+install}: the same hook as the package manager's install runs it, its archive and
 *       command made by the install's own code ({@code ClassDataArchive}); {@code release-tools25},
 *       {@code release-tools25+install}: on JDK 25, as exported and as installed (AOT cache);
 *   <li>{@code jackson}: a JVM that reads and writes the same JSON with Jackson and does nothing else.
 * </ul>
 */
final class HookBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String DENY = "{\"hookSpecificOutput\":{\"hookEventName\":\"PreToolUse\",\"permissionDecision\":"
      + "\"deny\",\"permissionDecisionReason\":\"" + BenchPolicy.REASON + "\"}}";
  static final String INPUT = "{\"session_id\":\"019a6f1e-7c2b\",\"transcript_path\":null,\"cwd\":\"/tmp\","
      + "\"hook_event_name\":\"PreToolUse\",\"model\":\"gpt-5.1-codex\",\"permission_mode\":\"bypassPermissions\","
      + "\"turn_id\":\"t1\",\"tool_name\":\"mcp__release_tools__bump\",\"tool_input\":{\"version\":\"1.4.2\","
      + "\"level\":\"MAJOR\"},\"tool_use_id\":\"call_1\"}";
  /** What {@link Floor} prints. */
  static final String FLOOR_LINE = "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{}}";
  static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  /** One way to run the hook. */
  record Variant(String id, String label, List<String> command, String expected) {}

  /** Per variant, ms from launch to the decision line, one per measured round (same index = same round). */
  record Result(List<Variant> variants, Map<String, List<Double>> millis, int rounds, int warmupRounds) {}

  private HookBench() {}

  static Result run(Path bench, Path dir, int warmupRounds, int rounds, Path logs) throws Exception {
    List<Variant> variants = prepare(bench, dir, logs);
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    variants.forEach(v -> millis.put(v.id(), new ArrayList<>()));
    for (int r = 0; r < warmupRounds + rounds; r++) {
      boolean measured = r >= warmupRounds;
      StringBuilder line = new StringBuilder(String.format("  hook round %2d%s:", r - warmupRounds + 1,
          measured ? "" : " (warm-up)"));
      for (int i = 0; i < variants.size(); i++) {
        Variant v = variants.get((i + r) % variants.size());
        double ms = once(v, dir);
        if (measured) {
          millis.get(v.id()).add(ms);
        }
        line.append(String.format(" %s %.0f", v.id(), ms));
        StartupBench.pause();
      }
      System.out.println(line);
    }
    return new Result(variants, millis, rounds, warmupRounds);
  }

  /** Launch to the first stdout line, in ms; fails unless the line is the variant's decision. */
  static double once(Variant v, Path dir) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(v.command()).directory(dir.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PLUGIN_ROOT", dir.toString());
    builder.environment().put("CLAUDE_PLUGIN_ROOT", dir.toString());
    long t0 = System.nanoTime();
    Process p = builder.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(INPUT.getBytes(StandardCharsets.UTF_8));
    }
    String first;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      first = out.readLine();
    }
    double ms = (System.nanoTime() - t0) / 1e6;
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(v.id() + " did not exit");
    }
    if (v.expected() != null ? !v.expected().equals(first)
        : first == null || !first.contains("\"permissionDecision\":\"deny\"")) {
      throw new IOException(v.id() + " printed " + first + " (exit " + p.exitValue() + "), not the deny");
    }
    return ms;
  }

  static List<Variant> prepare(Path bench, Path dir, Path logs) throws Exception {
    Files.createDirectories(dir);
    Path lib = dir.resolve("lib");
    Files.createDirectories(lib);
    Path hooksJar = lib.resolve("bench-hooks.jar");
    jar(hooksJar, BenchHooks.class, BenchPolicy.class);
    List<Path> classPath = classPathJars();
    Path sdkHooks = find(classPath, "sdk-hooks");
    Path sdkApi = find(classPath, "sdk-api");
    Files.copy(sdkHooks, lib.resolve(sdkHooks.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(sdkApi, lib.resolve(sdkApi.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    Path floorJar = dir.resolve("floor.jar");
    jar(floorJar, Floor.class);
    Path jacksonJar = dir.resolve("jackson-floor.jar");
    jar(jacksonJar, JacksonHookFloor.class, BenchPolicy.class);
    String jacksonPath = jacksonJar + ":" + find(classPath, "jackson-databind") + ":"
        + find(classPath, "jackson-core") + ":" + find(classPath, "jackson-annotations");

    Files.writeString(dir.resolve("hook.sh"), """
        #!/bin/sh
        # The bench decision in POSIX shell: deny a MAJOR bump.
        input="$(cat)"
        case "$input" in
          *'"level":"MAJOR"'*) printf '%s\\n' '""" + DENY + """
        ' ;;
        esac
        """);
    Files.writeString(dir.resolve("hook.js"), """
        // The bench decision in Node.js: deny a MAJOR bump.
        let text = '';
        process.stdin.setEncoding('utf8');
        process.stdin.on('data', (chunk) => { text += chunk; });
        process.stdin.on('end', () => {
          const input = JSON.parse(text);
          if (input.tool_input && input.tool_input.level === 'MAJOR') {
            process.stdout.write(JSON.stringify({hookSpecificOutput: {hookEventName: 'PreToolUse',
                permissionDecision: 'deny', permissionDecisionReason: '""" + BenchPolicy.REASON + """
        '}}) + '\\n');
          }
        });
        """);

    String java = "java";
    List<String> quiet = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
    String cp = hooksJar + ":" + lib.resolve(sdkHooks.getFileName()) + ":" + lib.resolve(sdkApi.getFileName());
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("shell", "POSIX sh script", List.of("sh", dir.resolve("hook.sh").toString()), DENY));
    variants.add(new Variant("node", "Node.js script (" + version("node", "--version") + ")",
        List.of("node", dir.resolve("hook.js").toString()), DENY));
    variants.add(new Variant("floor", "JVM that prints one line", List.of(java, "-cp", floorJar.toString(),
        Floor.class.getName()), FLOOR_LINE));
    variants.add(javaVariant("java", "our launcher, 3 jars", java, quiet, List.of(), cp));
    variants.add(javaVariant("java+c1serial", "our launcher, C1 only, Serial GC", java, quiet,
        List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), cp));
    Path jsa = dir.resolve("hooks.jsa");
    Files.deleteIfExists(jsa);
    train(javaVariant("train", "", java, quiet, List.of("-XX:ArchiveClassesAtExit=" + jsa), cp), dir, jsa, logs);
    variants.add(javaVariant("java+cds", "our launcher, AppCDS archive", java, quiet,
        List.of("-XX:SharedArchiveFile=" + jsa), cp));
    variants.add(javaVariant("java+cds+c1serial", "our launcher, AppCDS, C1, Serial GC", java, quiet,
        List.of("-XX:SharedArchiveFile=" + jsa, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), cp));
    variants.add(new Variant("jackson", "JVM reading and writing the JSON with Jackson",
        List.of(java, "-cp", jacksonPath, JacksonHookFloor.class.getName()), DENY));
    Variant releaseTools = releaseTools(bench);
    if (releaseTools != null) {
      variants.add(releaseTools);
      // the same class path cost for our launcher: its jars among the release-tools plugin's 20
      Path plugin = Path.of(releaseTools.command().get(releaseTools.command().indexOf("-cp") + 1)).getParent();
      Path wide = dir.resolve("lib-wide");
      Files.createDirectories(wide);
      try (var jars = Files.list(plugin)) {
        for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
          Files.copy(jar, wide.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.copy(hooksJar, wide.resolve(hooksJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      variants.add(javaVariant("java+lib20", "our launcher, lib/* of the release-tools plugin (21 jars)", java,
          quiet, List.of(), wide + "/*"));
      // the class-data archive the package manager's install makes, on the real plugin
      Path rtJsa = dir.resolve("release-tools.jsa");
      Files.deleteIfExists(rtJsa);
      List<String> training = new ArrayList<>(releaseTools.command());
      training.add(1, "-XX:ArchiveClassesAtExit=" + rtJsa);
      train(new Variant("train-release-tools", "", training, null), dir, rtJsa, logs);
      List<String> withArchive = new ArrayList<>(releaseTools.command());
      withArchive.add(1, "-XX:SharedArchiveFile=" + rtJsa);
      variants.add(new Variant("release-tools+cds", "the release-tools hook with an AppCDS archive", withArchive,
          null));
      // The generated launcher as the package manager's install runs it: the install's own code makes the
      // archive (ClassDataArchive.createForHooks: one run in the plugin folder, for a handler id no launcher has,
      // so no handler's class is in it) and writes the installed command (runtimeOptions, hookCommand).
      Path folder = plugin.getParent();
      String exported = exportedCommand(folder);
      String launcher = ClassDataArchive.hookLauncher(exported).orElseThrow();
      int feature = ClassDataArchive.feature(Path.of(java)).orElseThrow();
      Path installJsa = dir.resolve("release-tools-install" + ClassDataArchive.suffix(feature));
      Files.deleteIfExists(installJsa);
      ClassDataArchive.createForHooks(Path.of(java), feature, folder, launcher, installJsa).ifPresent(f -> {
        throw new IllegalStateException("the install's hook archive was not made: " + f);
      });
      System.out.printf("  %s: %d bytes%n", installJsa.getFileName(), Files.size(installJsa));
      String installed = ClassDataArchive.hookCommand(exported, ClassDataArchive.runtimeOptions(feature, installJsa));
      variants.add(new Variant("release-tools+install", "the release-tools hook as installed (install's archive, C1)",
          argv(installed, folder), null));
      if (Files.isExecutable(JDK25)) {
        variants.add(new Variant("release-tools25", "the release-tools hook as exported, on JDK 25",
            on25(argv(exported, folder)), null));
        Path installAot = dir.resolve("release-tools-install.aot");
        Files.deleteIfExists(installAot);
        ClassDataArchive.createForHooks(JDK25, 25, folder, launcher, installAot).ifPresent(f -> {
          throw new IllegalStateException("the install's JDK 25 hook cache was not made: " + f);
        });
        System.out.printf("  %s: %d bytes%n", installAot.getFileName(), Files.size(installAot));
        variants.add(new Variant("release-tools25+install", "the release-tools hook as installed on JDK 25 (AOT"
            + " cache, C1)", on25(argv(ClassDataArchive.hookCommand(exported,
            ClassDataArchive.runtimeOptions(25, installAot)), folder)), null));
      }
    }
    if (Files.isExecutable(JDK25)) {
      String j25 = JDK25.toString();
      variants.add(new Variant("floor25", "JDK 25 JVM that prints one line", List.of(j25, "-cp",
          floorJar.toString(), Floor.class.getName()), FLOOR_LINE));
      variants.add(javaVariant("java25", "our launcher on JDK 25", j25, quiet, List.of(), cp));
      Path conf = dir.resolve("hooks.aotconf");
      Path aot = dir.resolve("hooks.aot");
      Files.deleteIfExists(conf);
      Files.deleteIfExists(aot);
      train(javaVariant("train25", "", j25, quiet, List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + conf),
          cp), dir, conf, logs);
      List<String> create = new ArrayList<>(List.of(j25, "-XX:AOTMode=create", "-XX:AOTConfiguration=" + conf,
          "-XX:AOTCache=" + aot, "-cp", cp, BenchHooks.class.getName(), "BenchPolicy.checkBump"));
      Process p = new ProcessBuilder(create).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(logs.resolve("hooks-aot-create.txt").toFile()).start();
      p.getOutputStream().close();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.exists(aot)) {
        throw new IOException("the AOT cache was not created; see " + logs.resolve("hooks-aot-create.txt"));
      }
      variants.add(javaVariant("java25+aot", "our launcher on JDK 25, AOT cache", j25, quiet,
          List.of("-XX:AOTCache=" + aot), cp));
    }
    return variants;
  }

  private static Variant javaVariant(String id, String label, String java, List<String> quiet, List<String> flags,
      String cp) {
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(quiet);
    command.addAll(flags);
    command.addAll(List.of("-cp", cp, BenchHooks.class.getName(), "BenchPolicy.checkBump"));
    return new Variant(id, label, command, DENY);
  }

  /** The exported release-tools PreToolUse hook, its command as hooks.json has it (without the shell). */
  private static Variant releaseTools(Path bench) throws IOException {
    Path plugin = bench.resolve("../samples/release-tools/target/codex-plugin/plugins/release-tools").normalize();
    Path hooks = plugin.resolve("hooks/hooks.json");
    if (!Files.exists(hooks)) {
      System.out.println("  (no " + hooks + ": the release-tools variant is left out)");
      return null;
    }
    return new Variant("release-tools", "the release-tools sample's hook as exported (lib/*, semver4j)",
        argv(exportedCommand(plugin), plugin), null);
  }

  /** The command of the plugin's first PreToolUse hook, as its hooks.json has it. */
  private static String exportedCommand(Path plugin) throws IOException {
    JsonNode entry = JSON.readTree(plugin.resolve("hooks/hooks.json").toFile()).path("hooks").path("PreToolUse")
        .get(0).path("hooks").get(0);
    return entry.path("command").asText();
  }

  /** The words of a hooks.json command as the shell passes them, {@code ${CLAUDE_PLUGIN_ROOT}} replaced. */
  private static List<String> argv(String command, Path plugin) {
    List<String> argv = new ArrayList<>();
    for (String word : command.replace("${CLAUDE_PLUGIN_ROOT}", plugin.toString()).split(" ")) {
      argv.add(word.replace("\"", "").replace("'", ""));
    }
    return argv;
  }

  private static List<String> on25(List<String> argv) {
    List<String> copy = new ArrayList<>(argv);
    copy.set(0, JDK25.toString());
    return copy;
  }

  /** One training run for a class-data archive; fails unless it wrote {@code archive}. */
  private static void train(Variant v, Path dir, Path archive, Path logs) throws Exception {
    once(v, dir);
    for (int i = 0; i < 50 && !Files.exists(archive); i++) {
      Thread.sleep(100);
    }
    if (!Files.exists(archive)) {
      throw new IOException("the training run " + v.command() + " wrote no " + archive);
    }
    System.out.printf("  %s: %d bytes%n", archive.getFileName(), Files.size(archive));
  }

  private static void jar(Path jar, Class<?>... classes) throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Class<?> c : classes) {
        String name = c.getName().replace('.', '/') + ".class";
        JarEntry entry = new JarEntry(name);
        entry.setTime(0);
        out.putNextEntry(entry);
        try (InputStream in = c.getClassLoader().getResourceAsStream(name)) {
          in.transferTo(out);
        }
        out.closeEntry();
      }
    }
  }

  private static List<Path> classPathJars() {
    List<Path> jars = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      jars.add(Path.of(entry));
    }
    return jars;
  }

  private static Path find(List<Path> classPath, String artifact) throws IOException {
    for (Path p : classPath) {
      String name = p.getFileName().toString();
      if (name.startsWith(artifact + "-") && name.endsWith(".jar")) {
        return p;
      }
      if (p.toString().endsWith(artifact + "/target/classes")) {
        // within the reactor the module may be on the class path as a folder: jar it
        Path jar = Files.createTempFile(artifact + "-", ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
            var walk = Files.walk(p)) {
          for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
            out.putNextEntry(new JarEntry(p.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, out);
            out.closeEntry();
          }
        }
        return Files.move(jar, jar.resolveSibling(artifact + "-reactor.jar"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
    throw new IOException("no " + artifact + " on the harness class path");
  }

  private static String version(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      p.waitFor();
      return text;
    } catch (Exception e) {
      return "?";
    }
  }
}
