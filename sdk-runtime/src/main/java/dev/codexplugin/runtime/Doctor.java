package dev.codexplugin.runtime;

import dev.codexplugin.runtime.DoctorReport.Check;
import dev.codexplugin.runtime.DoctorReport.Kind;
import dev.codexplugin.runtime.DoctorReport.Status;
import dev.codexplugin.runtime.internal.ClassVersions;
import dev.codexplugin.runtime.internal.HostEnvironment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before a plugin is installed, that this machine has what its MCP servers need, and says how to fix
 * each missing piece:
 *
 * <ul>
 *   <li>the command of each stdio server on {@code PATH} (or, for a command shipped in the plugin, in its folder);
 *   <li>for {@code java}: a Java at least as new as the bundle's classes need (read from the class files of
 *       {@code lib/*.jar} in a plugin folder, or of the jar the bundle is in);
 *   <li>for {@code npx} and {@code node}: Node.js 18 or later (the minimum of the MCP TypeScript SDK), or the
 *       version a requirement such as {@code "Node.js 20+"} states;
 *   <li>the environment variables each server reads: {@code env_vars}, {@code bearer_token_env_var} and the
 *       variables of {@code env_http_headers};
 *   <li>that the URL of each HTTP server answers (any HTTP status counts; a {@code HEAD} request with a short
 *       timeout, nothing is downloaded), unless offline;
 *   <li>the requirements stated in words ({@code @McpServer(requirements)}), listed for a person to check;
 *   <li>with {@link #checkAndStart}, that each stdio server of a plugin folder starts as Codex starts it and
 *       answers the MCP {@code initialize} request within its startup timeout;
 *   <li>for each Java hook of a plugin folder ({@code java ... -cp "${CLAUDE_PLUGIN_ROOT}/lib/*" <launcher>
 *       <id>} in {@code hooks/hooks.json}): that {@code lib/} holds the launcher class's jar and {@code sdk-hooks}
 *       ({@code dev.codexplugin.hooks.HookRunner}), without which every run of the hook fails.
 * </ul>
 *
 * <pre>{@code
 * DoctorReport report = Doctor.check(PluginLoader.load(jar).get(0), Doctor.Environment.system());
 * report.missing().forEach(System.out::println);
 * }</pre>
 *
 * <p>The {@link Environment} is injectable: tests and tools pass their own {@code PATH} and variables.
 */
public final class Doctor {
  /** Node.js version the MCP TypeScript SDK needs, assumed for {@code npx} and {@code node} servers. */
  public static final int DEFAULT_NODE = 18;

  private static final Pattern NODE_REQUIREMENT = Pattern.compile("(?i)node(?:\\.?js)?\\s*(\\d+)\\s*\\+");
  private static final Pattern JAVA_REQUIREMENT = Pattern.compile("(?i)(?:java|jdk|jre)\\s*(\\d+)\\s*\\+");
  private static final Pattern JAVA_VERSION = Pattern.compile("version \"(\\d+)(?:\\.(\\d+))?");
  private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");

  private Doctor() {}

  /** Where the doctor looks: programs, variables, other programs' output and the network. */
  public interface Environment {
    /** The executable {@code command} resolves to on {@code PATH}, if any. */
    Optional<Path> which(String command);

    /** The value of the environment variable {@code name}, if set. */
    Optional<String> variable(String name);

    /** What {@code program args} prints (stdout and stderr), or empty when it cannot run within a few seconds. */
    Optional<String> run(Path program, List<String> args);

    /**
     * Empty when {@code url} answers an HTTP request (any status), else why not. Never downloads a body.
     * Returns {@link #NOT_CHECKED} when the environment is offline.
     */
    Optional<String> reach(URI url);

    /** What {@link #reach} returns when it does not try. */
    String NOT_CHECKED = "not checked (offline)";

    /** This process's environment: its {@code PATH} and variables, real programs and the real network. */
    static Environment system() {
      return new HostEnvironment(System.getenv(), true, Duration.ofSeconds(5));
    }

    /**
     * {@code variables} as the whole environment ({@code PATH} among them); programs and the network are real.
     */
    static Environment of(Map<String, String> variables) {
      return new HostEnvironment(variables, true, Duration.ofSeconds(5));
    }

    /** This environment without network access: URLs are not checked. */
    default Environment offline() {
      Environment self = this;
      return new Environment() {
        @Override
        public Optional<Path> which(String command) {
          return self.which(command);
        }

        @Override
        public Optional<String> variable(String name) {
          return self.variable(name);
        }

        @Override
        public Optional<String> run(Path program, List<String> args) {
          return self.run(program, args);
        }

        @Override
        public Optional<String> reach(URI url) {
          return Optional.of(NOT_CHECKED);
        }
      };
    }
  }

  /** Checks every prerequisite of {@code bundle} in {@code environment}. */
  public static DoctorReport check(PluginBundle bundle, Environment environment) {
    Objects.requireNonNull(bundle, "bundle");
    Objects.requireNonNull(environment, "environment");
    List<Check> checks = new ArrayList<>();
    Optional<ClassVersions.Needed> java = ClassVersions.needed(bundle);
    for (McpServerSpec server : bundle.mcpServers()) {
      if (server.enabled().orElse(true)) {
        new ServerCheck(bundle, server, environment, java, checks).run();
      } else {
        checks.add(new Check(Status.SKIPPED, Kind.COMMAND, server.name(), server.name(), "the server is disabled",
            ""));
      }
    }
    hooks(bundle, checks);
    return new DoctorReport(bundle.name(), bundle.version(), checks);
  }

  private static final String HOOK_CLASS_PATH = "-cp \"${CLAUDE_PLUGIN_ROOT}/lib/*\" ";
  private static final String HOOK_RUNNER = "dev/codexplugin/hooks/HookRunner.class";

  /** The launcher class of a Java hook command, or empty for any other command. */
  static Optional<String> hookLauncher(String command) {
    int at = command.indexOf(HOOK_CLASS_PATH);
    if (at < 0 || !command.startsWith("java ")) {
      return Optional.empty();
    }
    String rest = command.substring(at + HOOK_CLASS_PATH.length()).trim();
    String launcher = rest.startsWith("'") ? rest.substring(1, Math.max(1, rest.indexOf('\'', 1)))
        : rest.split(" ", 2)[0];
    return launcher.matches("[A-Za-z0-9_.$]+") ? Optional.of(launcher) : Optional.empty();
  }

  /** The class path checks of the Java hooks of a plugin folder, one per launcher. */
  private static void hooks(PluginBundle bundle, List<Check> checks) {
    java.util.Set<String> launchers = new java.util.TreeSet<>();
    for (HookSpec hook : bundle.hooks()) {
      hookLauncher(hook.command()).ifPresent(launchers::add);
    }
    if (launchers.isEmpty()) {
      return;
    }
    Optional<Path> folder = folder(bundle.location());
    if (folder.isEmpty()) {
      for (String launcher : launchers) {
        checks.add(new Check(Status.SKIPPED, Kind.HOOK, "hooks", launcher, "the bundle is not a plugin folder, so"
            + " it has no lib/ to check", ""));
      }
      return;
    }
    Path lib = folder.get().resolve("lib");
    Map<String, String> owner = new java.util.HashMap<>();
    if (Files.isDirectory(lib)) {
      try (java.util.stream.Stream<Path> jars = Files.list(lib)) {
        for (Path jar : jars.filter(j -> j.getFileName().toString().endsWith(".jar")).sorted().toList()) {
          try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.toFile())) {
            for (String launcher : launchers) {
              String entry = launcher.replace('.', '/') + ".class";
              if (zip.getEntry(entry) != null) {
                owner.putIfAbsent(entry, jar.getFileName().toString());
              }
            }
            if (zip.getEntry(HOOK_RUNNER) != null) {
              owner.putIfAbsent(HOOK_RUNNER, jar.getFileName().toString());
            }
          } catch (java.io.IOException e) {
            checks.add(new Check(Status.MISSING, Kind.HOOK, "hooks", "lib/" + jar.getFileName(),
                "not a readable jar (" + e.getMessage() + ")", "export the plugin again"));
          }
        }
      } catch (java.io.IOException e) {
        checks.add(new Check(Status.MISSING, Kind.HOOK, "hooks", "lib/", "cannot be listed (" + e.getMessage()
            + ")", "export the plugin again"));
      }
    }
    String export = "codexplugin export <jar> --lib <jar|folder>..., or sdk-maven-plugin, which adds them";
    for (String launcher : launchers) {
      String entry = launcher.replace('.', '/') + ".class";
      String jar = owner.get(entry);
      checks.add(jar != null
          ? new Check(Status.OK, Kind.HOOK, "hooks", launcher, "in lib/" + jar, "")
          : new Check(Status.MISSING, Kind.HOOK, "hooks", launcher, "hooks/hooks.json runs it, but no jar in lib/"
              + " has " + entry, "ship the plugin's jar (the one the processor generated the launcher into) in"
              + " lib/ (" + export + ")"));
    }
    String runner = owner.get(HOOK_RUNNER);
    checks.add(runner != null
        ? new Check(Status.OK, Kind.HOOK, "hooks", "sdk-hooks", "in lib/" + runner, "")
        : new Check(Status.MISSING, Kind.HOOK, "hooks", "sdk-hooks", "no jar in lib/ has "
            + "dev.codexplugin.hooks.HookRunner, which every Java hook launcher runs on", "add"
            + " dev.codexplugin:sdk-hooks as a dependency of the plugin and ship it in lib/ (" + export + ")"));
  }

  /**
   * {@link #check}, then the proof that the servers start: for a plugin folder (an export or an installed copy),
   * each enabled stdio server whose command was found is started as Codex starts it (command and args in
   * {@code cwd} resolved against the folder, Codex's inherited variables, {@code env_vars} and {@code env}), sent
   * the MCP {@code initialize} request, and must answer within its {@code startup_timeout_sec} (Codex's default,
   * 30 s, without one). A server that exits, answers with an error or stays silent is {@link Status#MISSING},
   * with the first lines of its stderr and how to fix it. The servers are stopped right after they answer. A
   * bundle inside a jar is not started ({@link Status#SKIPPED}): its servers run from the exported folder.
   */
  public static DoctorReport checkAndStart(PluginBundle bundle, Environment environment) {
    DoctorReport report = check(bundle, environment);
    List<Check> checks = new ArrayList<>(report.checks());
    Optional<Path> folder = folder(bundle.location());
    for (McpServerSpec server : bundle.mcpServers()) {
      if (server.transport() != McpServerSpec.Transport.STDIO || !server.enabled().orElse(true)) {
        continue;
      }
      String subject = String.join(" ", server.command(), String.join(" ", server.args())).trim();
      boolean commandMissing = report.checks().stream().anyMatch(c -> c.server().equals(server.name())
          && c.kind() == Kind.COMMAND && c.status() == Status.MISSING);
      if (folder.isEmpty()) {
        checks.add(new Check(Status.SKIPPED, Kind.START, server.name(), subject,
            "not started: not a plugin folder (" + (bundle.location().isEmpty() ? "no location" : bundle.location())
            + ")", "export the plugin and run the doctor on the exported folder"));
      } else if (commandMissing) {
        checks.add(new Check(Status.SKIPPED, Kind.START, server.name(), subject,
            "not started: its command is missing", ""));
      } else {
        ServerStart.Outcome outcome = ServerStart.run(folder.get(), server, environment);
        String detail = outcome.detail() + (outcome.stderr().isEmpty() || outcome.started() ? ""
            : "; stderr: " + String.join(" / ", outcome.stderr()));
        checks.add(new Check(outcome.started() ? Status.OK : Status.MISSING, Kind.START, server.name(), subject,
            detail, outcome.started() ? "" : startFix(server, outcome)));
      }
    }
    return new DoctorReport(report.plugin(), report.version(), checks);
  }

  private static Optional<Path> folder(String location) {
    if (location.isEmpty() || location.contains("!/")) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(location);
      return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String startFix(McpServerSpec server, ServerStart.Outcome outcome) {
    String err = String.join("\n", outcome.stderr());
    if (err.contains("NoClassDefFoundError") || err.contains("ClassNotFoundException")
        || err.contains("Could not find or load main class")) {
      return "a class is missing from the server's class path: ship the server's runtime dependencies in lib/"
          + " (codexplugin export <jar> --lib <jar|folder>..., or sdk-maven-plugin, which adds them)";
    }
    if (outcome.detail().startsWith("did not answer")) {
      return "raise startup_timeout_sec, or make the server start faster";
    }
    return "run " + server.command() + " " + String.join(" ", server.args()) + " by hand in "
        + (server.cwd().isEmpty() ? "the folder you start Codex in" : "the plugin folder's " + server.cwd())
        + " to see why it stops";
  }

  /** The checks of one server. */
  private record ServerCheck(PluginBundle bundle, McpServerSpec server, Environment env,
      Optional<ClassVersions.Needed> java, List<Check> out) {

    void run() {
      List<String> handled = new ArrayList<>();
      if (server.transport() == McpServerSpec.Transport.STDIO) {
        command(handled);
      } else {
        url();
      }
      for (String variable : server.requiredEnvironment()) {
        variable(variable);
      }
      for (String requirement : server.requirements()) {
        if (!handled.contains(requirement)) {
          add(Status.MANUAL, Kind.REQUIREMENT, requirement, "stated by the plugin",
              "check it yourself; the plugin says the server needs it");
        }
      }
    }

    private void add(Status status, Kind kind, String subject, String detail, String fix) {
      out.add(new Check(status, kind, server.name(), subject, detail, fix));
    }

    private void command(List<String> handled) {
      String command = server.command();
      String name = Path.of(command.replace('\\', '/')).getFileName().toString().replaceFirst("(?i)\\.exe$", "");
      if (command.contains("/") || command.contains("\\")) {
        inPlugin(command);
        return;
      }
      Optional<Path> found = env.which(command);
      if (found.isEmpty()) {
        add(Status.MISSING, Kind.COMMAND, command, "not on PATH", install(name) + " and put " + command + " on PATH");
        return;
      }
      add(Status.OK, Kind.COMMAND, command, found.get().toString(), "");
      if (name.equals("java")) {
        java(found.get(), handled);
      } else if (name.equals("npx") || name.equals("node")) {
        node(name.equals("node") ? found : env.which("node"), handled);
      }
    }

    private void inPlugin(String command) {
      boolean absolute = command.startsWith("/") || command.matches("[A-Za-z]:.*");
      if (absolute) {
        boolean exists = Files.isExecutable(Path.of(command));
        add(exists ? Status.OK : Status.MISSING, Kind.COMMAND, command, exists ? "present" : "does not exist",
            exists ? "" : "install it there, or change the server to a command on PATH");
        return;
      }
      String base = server.cwd().isEmpty() || server.cwd().equals(".") ? "" : server.cwd().replaceFirst("^\\./", "")
          .replaceFirst("/$", "") + "/";
      String path = Path.of(base + command.replaceFirst("^\\./", "")).normalize().toString()
          .replace('\\', '/');
      boolean shipped = bundle.files().contains(path);
      add(shipped ? Status.OK : Status.MISSING, Kind.COMMAND, command, shipped ? "shipped in the plugin as " + path
          : "not in the plugin (looked for " + path + ")", shipped ? "" : "ship " + path + " in the bundle, or fix the"
          + " command and cwd");
    }

    private void java(Path program, List<String> handled) {
      int needed = 0;
      String why = "";
      for (String requirement : server.requirements()) {
        Matcher m = JAVA_REQUIREMENT.matcher(requirement);
        if (m.find() && Integer.parseInt(m.group(1)) > needed) {
          needed = Integer.parseInt(m.group(1));
          why = "the plugin says \"" + requirement + "\"";
          handled.add(requirement);
        }
      }
      if (java.isPresent() && java.get().javaVersion() > needed) {
        needed = java.get().javaVersion();
        why = "class files of version " + java.get().classVersion() + " in " + java.get().where();
      }
      if (needed == 0) {
        return;
      }
      OptionalInt have = version(env.run(program, List.of("-version")), JAVA_VERSION);
      runtime("Java " + needed + "+", have, needed, program, why, "install a JDK " + needed + " or later");
    }

    private void node(Optional<Path> node, List<String> handled) {
      int needed = DEFAULT_NODE;
      String why = "the MCP TypeScript SDK needs Node.js " + DEFAULT_NODE + "+";
      for (String requirement : server.requirements()) {
        Matcher m = NODE_REQUIREMENT.matcher(requirement);
        if (m.find()) {
          needed = Integer.parseInt(m.group(1));
          why = "the plugin says \"" + requirement + "\"";
          handled.add(requirement);
        }
      }
      if (node.isEmpty()) {
        add(Status.MISSING, Kind.RUNTIME, "Node.js " + needed + "+", "node is not on PATH (" + why + ")",
            "install Node.js " + needed + " or later from https://nodejs.org");
        return;
      }
      OptionalInt have = version(env.run(node.get(), List.of("--version")), NODE_VERSION);
      runtime("Node.js " + needed + "+", have, needed, node.get(), why,
          "install Node.js " + needed + " or later from https://nodejs.org");
    }

    private void runtime(String subject, OptionalInt have, int needed, Path program, String why, String fix) {
      if (have.isEmpty()) {
        add(Status.MISSING, Kind.RUNTIME, subject, "cannot tell the version of " + program + " (" + why + ")", fix);
      } else if (have.getAsInt() < needed) {
        add(Status.MISSING, Kind.RUNTIME, subject, program + " is version " + have.getAsInt() + " (" + why + ")",
            fix + " and put it first on PATH");
      } else {
        add(Status.OK, Kind.RUNTIME, subject, program + " is version " + have.getAsInt(), "");
      }
    }

    private void url() {
      Optional<String> problem;
      try {
        problem = env.reach(URI.create(server.url()));
      } catch (IllegalArgumentException e) {
        problem = Optional.of("not a valid URL");
      }
      if (problem.isEmpty()) {
        add(Status.OK, Kind.URL, server.url(), "answers", "");
      } else if (problem.get().equals(Environment.NOT_CHECKED)) {
        add(Status.SKIPPED, Kind.URL, server.url(), problem.get(), "");
      } else {
        add(Status.MISSING, Kind.URL, server.url(), "does not answer (" + problem.get() + ")",
            "check the network, a proxy or VPN, and the URL; Codex cannot reach the server either");
      }
    }

    private void variable(String name) {
      Optional<String> value = env.variable(name);
      String use = server.envVars().contains(name) ? "Codex forwards it to the server (env_vars)"
          : name.equals(server.bearerTokenEnvVar()) ? "Codex sends it as the bearer token (bearer_token_env_var)"
          : "Codex sends it in a header (env_http_headers)";
      if (value.isEmpty() || value.get().isEmpty()) {
        add(Status.MISSING, Kind.ENVIRONMENT, name, value.isEmpty() ? "not set" : "set but empty",
            "set it before starting Codex, e.g. export " + name + "=...; " + use);
      } else {
        add(Status.OK, Kind.ENVIRONMENT, name, "set", "");
      }
    }

    private static OptionalInt version(Optional<String> output, Pattern pattern) {
      if (output.isEmpty()) {
        return OptionalInt.empty();
      }
      Matcher m = pattern.matcher(output.get());
      if (!m.find()) {
        return OptionalInt.empty();
      }
      int major = Integer.parseInt(m.group(1));
      if (major == 1 && m.groupCount() > 1 && m.group(2) != null) {
        major = Integer.parseInt(m.group(2)); // 1.8 is Java 8
      }
      return OptionalInt.of(major);
    }

    private static String install(String command) {
      return switch (command) {
        case "npx", "node", "npm" -> "install Node.js " + DEFAULT_NODE + " or later from https://nodejs.org";
        case "uvx", "uv" -> "install uv (https://docs.astral.sh/uv/)";
        case "docker" -> "install Docker (https://docs.docker.com/get-docker/)";
        case "python", "python3" -> "install Python 3";
        case "java" -> "install a JDK";
        case "deno" -> "install Deno";
        case "bunx", "bun" -> "install Bun";
        default -> "install " + command;
      };
    }
  }
}
