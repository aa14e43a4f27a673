package dev.codexplugin.mcp;

import dev.codexplugin.mcp.internal.HttpServing;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serves a {@link ToolServerDefinition} over Streamable HTTP, so a team can run its tools once on its own
 * infrastructure and point every teammate's plugin at it ({@code @McpServer(url = ..., bearerTokenEnvVar =
 * ...)}). The transport is the official SDK's servlet ({@code HttpServletStreamableServerTransportProvider})
 * in Jetty 12; add {@code org.eclipse.jetty.ee10:jetty-ee10-servlet} to the server's class path (it is an
 * optional dependency of this library, so stdio plugins do not carry it).
 *
 * <ul>
 *   <li><b>Authentication.</b> With a bearer token, every request without {@code Authorization: Bearer
 *       <token>} is answered {@code 401} before anything is read or run. A server bound to an address other
 *       than loopback refuses to start without a token.
 *   <li><b>DNS-rebinding protection.</b> A request whose {@code Origin} is not allowed gets {@code 403}, and on
 *       loopback one whose {@code Host} is not {@code localhost}/{@code 127.0.0.1}/{@code [::1]} gets
 *       {@code 421} (the SDK's own validator).
 *   <li>Every behaviour of the stdio server holds: the same checks of each message, validation, results,
 *       context (progress and log notifications on the request's event stream), cancellation.
 * </ul>
 *
 * <p>Run it with a {@code main}: {@code java -cp "lib/*" dev.codexplugin.mcp.McpHttpServer --server
 * com.acme.release.ReleaseToolsMcpServer --port 8080 --host 0.0.0.0 --token-env MCP_TOKEN}.
 */
public final class McpHttpServer implements AutoCloseable {
  /** The default endpoint path. */
  public static final String DEFAULT_PATH = "/mcp";
  /** The environment variable the token is read from by default. */
  public static final String DEFAULT_TOKEN_ENV = "MCP_BEARER_TOKEN";

  private final HttpServing serving;
  private final URI uri;

  private McpHttpServer(HttpServing serving, URI uri) {
    this.serving = serving;
    this.uri = uri;
  }

  /**
   * Starts serving {@code definition}.
   *
   * @throws IllegalArgumentException when the definition or the options are invalid
   * @throws IllegalStateException when the server cannot listen (the port is taken)
   */
  public static McpHttpServer start(ToolServerDefinition definition, Options options) {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(options, "options");
    boolean loopback = isLoopback(options.host());
    if (!loopback && options.bearerToken() == null) {
      throw new IllegalArgumentException("refusing to serve on " + options.host() + " without a bearer token:"
          + " anyone who reaches the port could run the tools; set a token (--token-env VAR)");
    }
    List<String> origins = new ArrayList<>(options.allowedOrigins());
    List<String> hosts = new ArrayList<>(options.allowedHosts());
    if (loopback) {
      origins.addAll(List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*"));
      if (hosts.isEmpty()) {
        hosts.addAll(List.of("localhost:*", "127.0.0.1:*", "[::1]:*"));
      }
    }
    try {
      HttpServing serving = HttpServing.start(definition, options.host(), options.port(), options.path(),
          options.bearerToken(), origins, hosts);
      String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
      return new McpHttpServer(serving, URI.create("http://" + host + ":" + serving.port() + options.path()));
    } catch (IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * Runs {@code --server <class>} (a generated {@code <Plugin>McpServer}, created through its no-arg
   * constructor) until the process is stopped. Options: {@code --port} (default 8080), {@code --host}
   * (default 127.0.0.1), {@code --path} (default {@value #DEFAULT_PATH}), {@code --token-env} (the
   * environment variable holding the bearer token, default {@value #DEFAULT_TOKEN_ENV}), repeatable
   * {@code --allow-origin} and {@code --allow-host}.
   */
  public static void main(String[] args) throws Exception {
    String server = null;
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--server") && i + 1 < args.length) {
        server = args[++i];
      } else {
        rest.add(args[i]);
      }
    }
    if (server == null) {
      System.err.println("usage: McpHttpServer --server <ToolServerDefinition class> [--port 8080] [--host 127.0.0.1]"
          + " [--path /mcp] [--token-env MCP_BEARER_TOKEN] [--allow-origin URL]... [--allow-host HOST]...");
      System.exit(2);
    }
    ToolServerDefinition definition = (ToolServerDefinition) Class.forName(server).getConstructor().newInstance();
    serve(definition, rest.toArray(String[]::new));
  }

  /**
   * Serves {@code definition} with the options of {@link #main} (without {@code --server}) until the process
   * is stopped; prints the URL to stderr. For a generated server's own HTTP {@code main}.
   */
  public static void serve(ToolServerDefinition definition, String... args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("[codexplugin] " + e.getMessage());
      System.exit(2);
      return;
    }
    McpHttpServer server = start(definition, options);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "codexplugin-mcp-http-stop"));
    System.err.println("[codexplugin] MCP server '" + definition.serverName() + "' on " + server.uri()
        + (options.bearerToken() == null ? " (no bearer token)" : " (bearer token required)"));
    server.serving.join();
  }

  /** The endpoint, e.g. {@code http://127.0.0.1:8080/mcp}. */
  public URI uri() {
    return uri;
  }

  /** Tells subscribed clients that the resource at {@code uri} changed. */
  public void resourceUpdated(String resourceUri) {
    serving.resourceUpdated(resourceUri);
  }

  /** Stops serving; calls in flight are ended. */
  @Override
  public void close() {
    serving.close();
  }

  private static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /**
   * How to serve.
   *
   * @param host the address to bind, e.g. {@code 127.0.0.1} or {@code 0.0.0.0}
   * @param port the port; {@code 0} picks a free one
   * @param path the endpoint path, e.g. {@code /mcp}
   * @param bearerToken the token clients must send, or {@code null} (only on loopback)
   * @param allowedOrigins {@code Origin} values accepted besides loopback ones; {@code :*} matches any port
   * @param allowedHosts {@code Host} values accepted; empty accepts any (off loopback)
   */
  public record Options(String host, int port, String path, String bearerToken, List<String> allowedOrigins,
      List<String> allowedHosts) {
    /** Checks the options. */
    public Options {
      Objects.requireNonNull(host, "host");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, not " + port);
      }
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("path must start with '/', not " + path);
      }
      if (bearerToken != null && bearerToken.isBlank()) {
        throw new IllegalArgumentException("the bearer token must not be blank");
      }
      allowedOrigins = List.copyOf(allowedOrigins);
      allowedHosts = List.copyOf(allowedHosts);
    }

    /** Loopback on {@code port}, path {@value #DEFAULT_PATH}, no token. */
    public static Options loopback(int port) {
      return new Options("127.0.0.1", port, DEFAULT_PATH, null, List.of(), List.of());
    }

    /** These options with a bearer token. */
    public Options withBearerToken(String token) {
      return new Options(host, port, path, token, allowedOrigins, allowedHosts);
    }

    /** Parses the command-line options of {@link McpHttpServer#main}; the token comes from {@code env}. */
    public static Options parse(String[] args, Map<String, String> env) {
      String host = "127.0.0.1";
      int port = 8080;
      String path = DEFAULT_PATH;
      String tokenEnv = DEFAULT_TOKEN_ENV;
      List<String> origins = new ArrayList<>();
      List<String> hosts = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + option + " needs a value");
        }
        String value = args[++i];
        switch (option) {
          case "--host" -> host = value;
          case "--port" -> {
            try {
              port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
              throw new IllegalArgumentException("--port must be a number, not " + value);
            }
          }
          case "--path" -> path = value;
          case "--token-env" -> tokenEnv = value;
          case "--allow-origin" -> origins.add(value);
          case "--allow-host" -> hosts.add(value);
          default -> throw new IllegalArgumentException("unknown option " + option + "; known: --host, --port,"
              + " --path, --token-env, --allow-origin, --allow-host");
        }
      }
      String token = env.get(tokenEnv);
      return new Options(host, port, path, token == null || token.isEmpty() ? null : token, origins, hosts);
    }
  }
}
