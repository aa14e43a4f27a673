package dev.codexplugin.e2e;

import dev.codexplugin.runtime.ExportSummary;
import dev.codexplugin.runtime.MarketplaceExport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plugin whose MCP server is remote: its bundle's {@code .mcp.json} names the server by {@code url} and
 * {@code bearer_token_env_var}, exactly as the processor writes {@code @McpServer(url = ..., bearerTokenEnvVar =
 * ...)} (sdk-processor's golden {@code typed-with-hooks/guard/.mcp.json}); the marketplace is exported for both
 * hosts ({@code --format both}: Claude Code's {@code .mcp.json} gets {@code "type": "http"} and an
 * {@code Authorization: Bearer ${VAR}} header). And the server itself, run as a team would run it:
 * {@code java -cp "lib/*:<jetty>" dev.codexplugin.mcp.McpHttpServer --server <generated class> --token-env VAR}.
 */
final class HttpToolsFixture {
  private HttpToolsFixture() {}

  /**
   * Exports a marketplace {@code marketplace} with one plugin {@code plugin} whose server {@code server} is at
   * {@code url} with the token in {@code tokenEnv}, into {@code target}; returns the marketplace root.
   */
  static Path marketplace(Path target, String marketplace, String plugin, String server, URI url, String tokenEnv,
      String skillText) throws Exception {
    Map<String, String> bundle = new TreeMap<>();
    bundle.put(".codex-plugin/plugin.json", BundleJar.manifest(plugin, "Tools served over Streamable HTTP",
        "Remote Tools"));
    bundle.put(".mcp.json", """
        {
          "mcpServers": {
            "%s": {
              "url": "%s",
              "bearer_token_env_var": "%s"
            }
          }
        }
        """.formatted(server, url, tokenEnv));
    bundle.put("skills/remote/SKILL.md", """
        ---
        name: "remote"
        description: "%s"
        ---
        # Remote tools
        Call the tools of the %s MCP server.
        """.formatted(skillText, server));
    Path jar = BundleJar.write(target.resolve("fixture/" + plugin + "-1.0.0.jar"), plugin, bundle, Map.of());
    ExportSummary summary = MarketplaceExport.builder()
        .marketplaceName(marketplace)
        .displayName("Remote Tools")
        .format(MarketplaceExport.Format.BOTH)
        .addJar(jar, List.of())
        .force(true)
        .build()
        .exportTo(target.resolve("marketplace"));
    System.out.println(summary);
    return summary.root();
  }

  /** A server process started with McpHttpServer's documented {@code main}, and the URL it printed. */
  record ServerProcess(Process process, URI url, StringBuffer stderr) implements AutoCloseable {
    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  private static final Pattern URL = Pattern.compile("MCP server '[^']*' on (http://\\S+)");

  /**
   * {@code java -cp "<pluginFolder>/lib/*:<jetty>" dev.codexplugin.mcp.McpHttpServer --server <main> --port 0
   * --token-env <tokenEnv>} with {@code tokenEnv=token} in its environment; waits for the line that names the URL.
   */
  static ServerProcess serve(Path pluginFolder, String main, String tokenEnv, String token) throws Exception {
    String classPath = pluginFolder.resolve("lib").toAbsolutePath() + "/*" + java.io.File.pathSeparator
        + System.getProperty("jetty.classpath");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, "dev.codexplugin.mcp.McpHttpServer", "--server", main, "--port", "0",
        "--token-env", tokenEnv));
    ProcessBuilder builder = new ProcessBuilder(command).directory(pluginFolder.toFile());
    builder.environment().put(tokenEnv, token);
    Process process = builder.start();
    process.getOutputStream().close();
    StringBuffer stderr = new StringBuffer();
    CompletableFuture<URI> url = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getErrorStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          System.out.println("[http server] " + line);
          stderr.append(line).append('\n');
          Matcher m = URL.matcher(line);
          if (m.find()) {
            url.complete(URI.create(m.group(1)));
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      url.completeExceptionally(new AssertionError("the server printed no URL:\n" + stderr));
    }, "http-server-stderr");
    reader.setDaemon(true);
    reader.start();
    // A thread of its own, not the common pool: this read lasts as long as the server, and on a 2-core machine
    // the common pool has one worker, which the hosts' output readers (HostRun) then waited for for ever.
    Thread out = new Thread(() -> {
      try {
        process.getInputStream().transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        // ended
      }
    }, "http-server-stdout");
    out.setDaemon(true);
    out.start();
    return new ServerProcess(process, url.get(60, TimeUnit.SECONDS), stderr);
  }
}
