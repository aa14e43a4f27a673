package dev.codexplugin.runtime;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.runtime.DoctorReport.Check;
import dev.codexplugin.runtime.DoctorReport.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The doctor on real folders, a real PATH, real programs and a real local HTTP server. */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the fake programs are shell scripts")
class DoctorTest {
  @TempDir Path tmp;

  private Path plugin(PluginBundle bundle, Map<String, byte[]> extra) throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>(ExportFixtures.files(bundle, Map.of()));
    files.putAll(extra);
    Path root = Files.createTempDirectory(tmp, bundle.name());
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      Path file = root.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, f.getValue());
    }
    return root;
  }

  private PluginBundle load(PluginBundle bundle, Map<String, byte[]> extra) throws Exception {
    return PluginLoader.load(plugin(bundle, extra)).get(0);
  }

  /** A folder to use as the whole PATH, with {@code programs} (name → shell script body). */
  private Path bin(Map<String, String> programs) throws IOException {
    Path bin = Files.createTempDirectory(tmp, "bin");
    for (Map.Entry<String, String> p : programs.entrySet()) {
      Path file = bin.resolve(p.getKey());
      Files.writeString(file, "#!/bin/sh\n" + p.getValue() + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return bin;
  }

  private static List<String> lines(DoctorReport report, Status status) {
    return report.checks().stream().filter(c -> c.status() == status).map(Check::toString).toList();
  }

  @Test
  void aMissingCommandAndAMissingVariableAreReportedWithTheirFix() throws Exception {
    PluginBundle team = load(ExportFixtures.team(), Map.of());
    Path empty = bin(Map.of());
    DoctorReport report = Doctor.check(team, Doctor.Environment.of(Map.of("PATH", empty.toString())).offline());
    assertThat(report.ok()).isFalse();
    assertThat(lines(report, Status.MISSING)).containsExactly(
        "MISSING  github  command npx: not on PATH; install Node.js 18 or later from https://nodejs.org and put npx"
            + " on PATH",
        "MISSING  github  environment GITHUB_TOKEN: not set; set it before starting Codex, e.g. export"
            + " GITHUB_TOKEN=...; Codex forwards it to the server (env_vars)",
        "MISSING  tracker  environment TRACKER_KEY: not set; set it before starting Codex, e.g. export"
            + " TRACKER_KEY=...; Codex sends it in a header (env_http_headers)",
        "MISSING  tracker  environment TRACKER_TOKEN: not set; set it before starting Codex, e.g. export"
            + " TRACKER_TOKEN=...; Codex sends it as the bearer token (bearer_token_env_var)").inOrder();
    assertThat(lines(report, Status.SKIPPED)).containsExactly(
        "SKIPPED  tracker  url https://mcp.example.com/mcp: not checked (offline)");
    assertThat(report.render()).startsWith("team-workflow-plugin 1.0.0: 4 missing\n");

    // the same bundle on a machine that has everything
    Path tools = bin(Map.of("npx", "exit 0", "node", "echo v20.11.1"));
    DoctorReport ready = Doctor.check(team, Doctor.Environment.of(Map.of("PATH", tools.toString(),
        "GITHUB_TOKEN", "x", "TRACKER_TOKEN", "y", "TRACKER_KEY", "z")).offline());
    assertThat(ready.ok()).isTrue();
    assertThat(lines(ready, Status.OK)).contains("OK  github  runtime Node.js 18+: " + tools.resolve("node")
        + " is version 20");
    assertThat(ready.render()).startsWith("team-workflow-plugin 1.0.0: ready\n");
  }

  @Test
  void anEmptyVariableIsMissingToo() throws Exception {
    PluginBundle team = load(ExportFixtures.team(), Map.of());
    DoctorReport report = Doctor.check(team, Doctor.Environment.of(Map.of("PATH", bin(Map.of()).toString(),
        "GITHUB_TOKEN", "")).offline());
    assertThat(lines(report, Status.MISSING)).contains("MISSING  github  environment GITHUB_TOKEN: set but empty;"
        + " set it before starting Codex, e.g. export GITHUB_TOKEN=...; Codex forwards it to the server (env_vars)");
  }

  @Test
  void nodeMustBeAsNewAsTheServerNeeds() throws Exception {
    Path old = bin(Map.of("npx", "exit 0", "node", "echo v16.20.2"));
    Doctor.Environment env = Doctor.Environment.of(Map.of("PATH", old.toString(), "GITHUB_TOKEN", "x")).offline();
    PluginBundle team = load(ExportFixtures.team(), Map.of());
    assertThat(lines(Doctor.check(team, env), Status.MISSING)).contains("MISSING  github  runtime Node.js 18+: "
        + old.resolve("node") + " is version 16 (the MCP TypeScript SDK needs Node.js 18+); install Node.js 18 or"
        + " later from https://nodejs.org and put it first on PATH");

    // a requirement in words sets the version instead, and counts as checked
    PluginBundle older = withServer(McpServerSpec.stdio("github", "npx", List.of("-y", "server"))
        .withRequirements(List.of("Node.js 14+", "a GitHub account")));
    DoctorReport report = Doctor.check(load(older, Map.of()), env);
    assertThat(report.ok()).isTrue();
    assertThat(lines(report, Status.OK)).contains("OK  github  runtime Node.js 14+: " + old.resolve("node")
        + " is version 16");
    assertThat(lines(report, Status.MANUAL)).containsExactly("MANUAL  github  requirement a GitHub account: stated"
        + " by the plugin; check it yourself; the plugin says the server needs it");
  }

  @Test
  void otherCommandsAreLookedUpAndTheirRequirementsListed() throws Exception {
    PluginBundle docker = withServer(McpServerSpec.stdio("db", "docker", List.of("run", "-i", "acme/db"))
        .withRequirements(List.of("Docker 24+")));
    DoctorReport missing = Doctor.check(load(docker, Map.of()),
        Doctor.Environment.of(Map.of("PATH", bin(Map.of()).toString())));
    assertThat(lines(missing, Status.MISSING)).containsExactly("MISSING  db  command docker: not on PATH; install"
        + " Docker (https://docs.docker.com/get-docker/) and put docker on PATH");
    assertThat(lines(missing, Status.MANUAL)).containsExactly("MANUAL  db  requirement Docker 24+: stated by the"
        + " plugin; check it yourself; the plugin says the server needs it");
    Path bin = bin(Map.of("docker", "exit 0"));
    DoctorReport present = Doctor.check(load(docker, Map.of()), Doctor.Environment.of(Map.of("PATH", bin.toString())));
    assertThat(present.ok()).isTrue();
    assertThat(lines(present, Status.OK)).containsExactly("OK  db  command docker: " + bin.resolve("docker"));
  }

  @Test
  void aCommandShippedInThePluginMustBeInIt() throws Exception {
    McpServerSpec local = McpServerSpec.builder("local").command("./bin/server").cwd(".").build();
    Doctor.Environment env = Doctor.Environment.of(Map.of("PATH", bin(Map.of()).toString()));
    DoctorReport shipped = Doctor.check(load(withServer(local), Map.of("bin/server", new byte[] {1})), env);
    assertThat(lines(shipped, Status.OK)).containsExactly("OK  local  command ./bin/server: shipped in the plugin as"
        + " bin/server");
    DoctorReport missing = Doctor.check(load(withServer(local), Map.of()), env);
    assertThat(lines(missing, Status.MISSING)).containsExactly("MISSING  local  command ./bin/server: not in the"
        + " plugin (looked for bin/server); ship bin/server in the bundle, or fix the command and cwd");
  }

  @Test
  void javaToolsNeedAJavaAsNewAsTheirClassFiles() throws Exception {
    Path bin = Files.createTempDirectory(tmp, "bin");
    Files.createSymbolicLink(bin.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    Doctor.Environment env = Doctor.Environment.of(Map.of("PATH", bin.toString()));
    int running = Runtime.version().feature();
    PluginBundle tools = CatalogFixtures.javaTools("version-tools", "2.1.0", "versions");

    DoctorReport future = Doctor.check(load(tools, Map.of("lib/tools.jar", jarWithClass(99))), env);
    assertThat(lines(future, Status.MISSING)).containsExactly("MISSING  versions  runtime Java 55+: "
        + bin.resolve("java") + " is version " + running + " (class files of version 99 in " + pathIn(future)
        + "); install a JDK 55 or later and put it first on PATH");
    assertThat(pathIn(future)).endsWith("/lib/tools.jar");

    DoctorReport today = Doctor.check(load(tools, Map.of("lib/tools.jar", jarWithClass(61))), env);
    assertThat(today.ok()).isTrue();
    assertThat(lines(today, Status.OK)).containsExactly("OK  versions  command java: " + bin.resolve("java"),
        "OK  versions  runtime Java 17+: " + bin.resolve("java") + " is version " + running);

    DoctorReport noJava = Doctor.check(load(tools, Map.of("lib/tools.jar", jarWithClass(61))),
        Doctor.Environment.of(Map.of("PATH", bin(Map.of()).toString())));
    assertThat(lines(noJava, Status.MISSING)).containsExactly("MISSING  versions  command java: not on PATH; install"
        + " a JDK and put java on PATH");
  }

  private static String pathIn(DoctorReport report) {
    String line = report.missing().get(0).detail();
    return line.substring(line.indexOf(" in ") + 4, line.lastIndexOf(')'));
  }

  private byte[] jarWithClass(int major) throws IOException {
    byte[] header = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, (byte) (major >> 8), (byte) major};
    SortedMap<String, byte[]> entries = new TreeMap<>(Map.of("com/acme/tools/ToolsMcpServer.class", header,
        "META-INF/versions/21/com/acme/tools/Newer.class", new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA,
            (byte) 0xBE, 0, 0, 0, 127}));
    Path jar = ExportFixtures.zip(Files.createTempDirectory(tmp, "jar").resolve("tools.jar"), entries);
    return Files.readAllBytes(jar);
  }

  @Test
  void anHttpServerMustAnswer() throws Exception {
    // a real HTTP server on a real socket: it answers every request with 401, as an MCP server without a token does
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answer = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket client = server.accept()) {
            client.getInputStream().read(new byte[8192]);
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
            out.flush();
          } catch (IOException e) {
            return;
          }
        }
      });
      answer.setDaemon(true);
      answer.start();
      int closed;
      try (ServerSocket socket = new ServerSocket(0)) {
        closed = socket.getLocalPort();
      }
      String up = "http://127.0.0.1:" + server.getLocalPort() + "/mcp";
      String down = "http://127.0.0.1:" + closed + "/mcp";
      PluginBundle bundle = withServers(List.of(McpServerSpec.http("up", up).build(), McpServerSpec.http("down", down).build()));
      DoctorReport report = Doctor.check(load(bundle, Map.of()), Doctor.Environment.of(Map.of()));
      assertThat(lines(report, Status.OK)).containsExactly("OK  up  url " + up + ": answers");
      assertThat(report.missing()).hasSize(1);
      assertThat(report.missing().get(0).toString()).startsWith("MISSING  down  url " + down + ": does not answer (");
      assertThat(report.missing().get(0).fix()).contains("check the network, a proxy or VPN, and the URL");
    }
  }

  @Test
  void aDisabledServerIsSkipped() throws Exception {
    McpServerSpec off = McpServerSpec.builder("off")
        .command("docker")
        .enabled(java.util.Optional.of(false))
        .build();
    DoctorReport report = Doctor.check(load(withServer(off), Map.of()), Doctor.Environment.of(Map.of()));
    assertThat(report.ok()).isTrue();
    assertThat(lines(report, Status.SKIPPED)).containsExactly("SKIPPED  off  command off: the server is disabled");
  }

  // ------------------------------------------------------------------------------- checkAndStart: real processes

  private static final String ANSWER = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":{\"protocolVersion\":"
      + "\"2025-06-18\",\"capabilities\":{},\"serverInfo\":{\"name\":\"scripted\",\"version\":\"1.2\"}}}";

  /** A plugin folder whose server is {@code bin/server}, a shell script, started as {@code ./server} in {@code bin}. */
  private PluginBundle scripted(String body, Double timeoutSec, Map<String, String> env, List<String> envVars)
      throws Exception {
    McpServerSpec server = McpServerSpec.builder("scripted")
        .command("./server")
        .args(List.of("--stdio"))
        .env(env)
        .envVars(envVars)
        .cwd("bin")
        .startupTimeoutSec(java.util.Optional.ofNullable(timeoutSec))
        .build();
    PluginBundle bundle = load(withServer(server), Map.of("bin/server",
        ("#!/bin/sh\n" + body + "\n").getBytes(StandardCharsets.UTF_8)));
    Files.setPosixFilePermissions(Path.of(bundle.location()).resolve("bin/server"),
        PosixFilePermissions.fromString("rwxr-xr-x"));
    return bundle;
  }

  private static Check start(DoctorReport report) {
    return report.checks().stream().filter(c -> c.kind() == DoctorReport.Kind.START).findFirst().orElseThrow();
  }

  @Test
  void startsTheServerAsCodexDoesAndCompletesTheHandshake() throws Exception {
    // cwd resolved against the plugin folder, env and env_vars passed, the user's other variables not
    PluginBundle bundle = scripted("""
        read request
        case "$request" in *'"method":"initialize"'*) ;; *) echo "not an initialize request: $request" >&2; exit 4;; esac
        [ "$(basename "$(pwd)")" = bin ] && [ -f ../.codex-plugin/plugin.json ] || { echo "cwd is $(pwd)" >&2; exit 3; }
        [ "$GREETING" = hello ] && [ "$ACME_TOKEN" = t0k ] && [ -z "$SECRET" ] || { echo "bad env" >&2; exit 3; }
        echo '%s'
        read initialized
        """.formatted(ANSWER), null, Map.of("GREETING", "hello"), List.of("ACME_TOKEN"));
    Doctor.Environment env = Doctor.Environment.of(Map.of("PATH", "/usr/bin:/bin", "ACME_TOKEN", "t0k",
        "SECRET", "not for servers", "HOME", tmp.toString())).offline();

    DoctorReport report = Doctor.checkAndStart(bundle, env);

    Check start = start(report);
    assertWithMessage("%s", report.render()).that(start.status()).isEqualTo(Status.OK);
    assertThat(start.toString()).startsWith("OK  scripted  start ./server --stdio: answered initialize in ");
    assertThat(start.detail()).endsWith(" as scripted 1.2 (protocol 2025-06-18)");
    assertThat(report.ok()).isTrue();
    // check() alone starts nothing
    assertThat(Doctor.check(bundle, env).checks().stream().map(Check::kind).toList())
        .doesNotContain(DoctorReport.Kind.START);
  }

  @Test
  void aServerThatExitsIsMissingWithTheFirstLinesOfItsStderr() throws Exception {
    PluginBundle bundle = scripted("""
        echo 'Exception in thread "main" java.lang.NoClassDefFoundError: dev/codexplugin/mcp/ToolServerDefinition' >&2
        echo '	at com.acme.release.ReleaseToolsMcpServer.main(ReleaseToolsMcpServer.java)' >&2
        exit 1
        """, null, Map.of(), List.of());

    DoctorReport report = Doctor.checkAndStart(bundle, Doctor.Environment.of(Map.of("PATH", "/usr/bin:/bin")));

    Check start = start(report);
    assertThat(start.status()).isEqualTo(Status.MISSING);
    assertThat(start.detail()).startsWith("exited with code 1 before ");
    assertThat(start.detail()).contains("; stderr: Exception in thread \"main\" java.lang.NoClassDefFoundError:"
        + " dev/codexplugin/mcp/ToolServerDefinition / at com.acme.release.ReleaseToolsMcpServer.main(");
    assertThat(start.fix()).startsWith("a class is missing from the server's class path: ship the server's runtime"
        + " dependencies in lib/");
    assertThat(report.ok()).isFalse();
    assertThat(report.render()).contains("1 missing");
  }

  @Test
  void aServerThatDoesNotAnswerWithinItsStartupTimeoutIsMissing() throws Exception {
    PluginBundle bundle = scripted("echo 'Starting the server...'\nsleep 30", 0.5, Map.of(), List.of());

    long before = System.nanoTime();
    Check start = start(Doctor.checkAndStart(bundle, Doctor.Environment.of(Map.of("PATH", "/usr/bin:/bin"))));

    assertThat(start.status()).isEqualTo(Status.MISSING);
    assertThat(start.detail()).isEqualTo("did not answer initialize within 0.5 s; it wrote on stdout what is not"
        + " JSON-RPC: \"Starting the server...\" (the host gives up then: raise startup_timeout_sec, or make the"
        + " server start faster)");
    assertThat(start.fix()).isEqualTo("raise startup_timeout_sec, or make the server start faster");
    // the sleeping server was stopped, not waited for
    assertThat(java.time.Duration.ofNanos(System.nanoTime() - before).toSeconds()).isLessThan(20);
  }

  @Test
  void aServerThatAnswersInitializeWithAnErrorIsMissing() throws Exception {
    PluginBundle bundle = scripted("""
        read request
        echo '{"jsonrpc":"2.0","id":0,"error":{"code":-32602,"message":"Unsupported protocol version"}}'
        read rest
        """, null, Map.of(), List.of());

    Check start = start(Doctor.checkAndStart(bundle, Doctor.Environment.of(Map.of("PATH", "/usr/bin:/bin"))));

    assertThat(start.status()).isEqualTo(Status.MISSING);
    assertThat(start.detail()).contains("answered initialize with an error after ");
    assertThat(start.detail()).endsWith(": Unsupported protocol version");
    assertThat(start.fix()).isEqualTo("run ./server --stdio by hand in the plugin folder's bin to see why it stops");
  }

  @Test
  void serversOutsideAPluginFolderOrWithoutTheirCommandAreNotStarted() throws Exception {
    McpServerSpec npx = McpServerSpec.stdio("github", "npx", List.of("-y", "@acme/github"));
    // a bundle read from a jar has no folder to start its servers in
    DoctorReport inJar = Doctor.checkAndStart(withServer(npx), Doctor.Environment.of(Map.of("PATH",
        bin(Map.of("npx", "exit 0", "node", "echo v20.1.0")).toString())));
    assertThat(start(inJar).toString()).isEqualTo("SKIPPED  github  start npx -y @acme/github: not started: not a"
        + " plugin folder (no location); export the plugin and run the doctor on the exported folder");
    // a missing command is reported once, as a command, and the server is not started
    DoctorReport noNpx = Doctor.checkAndStart(load(withServer(npx), Map.of()),
        Doctor.Environment.of(Map.of("PATH", bin(Map.of()).toString())));
    assertThat(start(noNpx).toString()).isEqualTo("SKIPPED  github  start npx -y @acme/github: not started: its"
        + " command is missing");
    assertThat(noNpx.missing().stream().map(Check::kind).toList()).doesNotContain(DoctorReport.Kind.START);
  }

  /** A jar (in memory) with one class file per name, each a Java 17 class header. */
  private static byte[] jarOf(String... classes) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      for (String c : classes) {
        zip.putNextEntry(new java.util.zip.ZipEntry(c.replace('.', '/') + ".class"));
        zip.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61});
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static PluginBundle withJavaHook() {
    PluginBundle ops = CatalogFixtures.ops("1.0.0");
    return PluginBundle.builder(ops.manifest()).hooks(List.of(new HookSpec("PreToolUse", "Bash",
        "java -Xlog:disable -Xlog:all=warning:stderr -cp \"${CLAUDE_PLUGIN_ROOT}/lib/*\" com.acme.ops.OpsHooks"
            + " Policy.noPush", Optional.of(10), ""))).build();
  }

  @Test
  void aJavaHookNeedsItsLauncherAndSdkHooksInLib() throws Exception {
    Map<String, byte[]> complete = Map.of("lib/ops-1.0.0.jar", jarOf("com.acme.ops.OpsHooks"),
        "lib/sdk-hooks-1.0.0.jar", jarOf("dev.codexplugin.hooks.HookRunner"));
    DoctorReport ok = Doctor.check(load(withJavaHook(), complete), Doctor.Environment.of(Map.of("PATH", "")));
    assertThat(ok.ok()).isTrue();
    assertThat(lines(ok, Status.OK)).containsExactly("OK  hooks  hook com.acme.ops.OpsHooks: in lib/ops-1.0.0.jar",
        "OK  hooks  hook sdk-hooks: in lib/sdk-hooks-1.0.0.jar");
  }

  @Test
  void aJavaHookWithoutSdkHooksInLibIsMissingItWithItsFix() throws Exception {
    DoctorReport report = Doctor.check(load(withJavaHook(), Map.of("lib/ops-1.0.0.jar",
        jarOf("com.acme.ops.OpsHooks"))), Doctor.Environment.of(Map.of("PATH", "")));
    assertThat(report.ok()).isFalse();
    assertThat(lines(report, Status.MISSING)).containsExactly("MISSING  hooks  hook sdk-hooks: no jar in lib/ has"
        + " dev.codexplugin.hooks.HookRunner, which every Java hook launcher runs on; add dev.codexplugin:sdk-hooks"
        + " as a dependency of the plugin and ship it in lib/ (codexplugin export <jar> --lib <jar|folder>..., or"
        + " sdk-maven-plugin, which adds them)");
    DoctorReport noLauncher = Doctor.check(load(withJavaHook(), Map.of("lib/sdk-hooks-1.0.0.jar",
        jarOf("dev.codexplugin.hooks.HookRunner"))), Doctor.Environment.of(Map.of("PATH", "")));
    assertThat(lines(noLauncher, Status.MISSING)).containsExactly("MISSING  hooks  hook com.acme.ops.OpsHooks:"
        + " hooks/hooks.json runs it, but no jar in lib/ has com/acme/ops/OpsHooks.class; ship the plugin's jar (the"
        + " one the processor generated the launcher into) in lib/ (codexplugin export <jar> --lib <jar|folder>...,"
        + " or sdk-maven-plugin, which adds them)");
  }

  @Test
  void aJavaHookOfAJarIsNotChecked() throws Exception {
    PluginBundle inJar = withJavaHook();
    DoctorReport report = Doctor.check(inJar, Doctor.Environment.of(Map.of("PATH", "")));
    assertThat(report.missing()).isEmpty();
  }

  private static PluginBundle withServer(McpServerSpec server) {
    return withServers(List.of(server));
  }

  private static PluginBundle withServers(List<McpServerSpec> servers) {
    PluginBundle ops = CatalogFixtures.ops("1.0.0");
    return PluginBundle.builder(ops.manifest()).mcpServers(servers).build();
  }
}
