package dev.codexplugin.e2e.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A model endpoint on 127.0.0.1 for real Codex and Claude Code sessions: it answers the hosts' streaming model
 * APIs from a fixed {@link ModelScript} and records every request, so that a test can assert on what the model
 * was sent (instructions, skills, the tools offered, tool results, hook feedback).
 *
 * <ul>
 *   <li>Codex: a custom model provider, {@code base_url = "<baseUrl>/v1"} and {@code wire_api = "responses"}
 *       ({@link ResponsesApi}).
 *   <li>Claude Code: {@code ANTHROPIC_BASE_URL=<baseUrl>} and any {@code ANTHROPIC_API_KEY}
 *       ({@link MessagesApi}); {@code POST /v1/messages/count_tokens} is answered with one token.
 * </ul>
 *
 * <p>A request that offers the model tools belongs to the main conversation and gets the script's next step (see
 * {@link ModelScript}); every other model request is a host's side request (a title, a summary, a small-model
 * task) and gets the text {@code OK}. Other paths get 404. When the script's next call names a tool the request
 * does not offer, the model replies with a {@code SCRIPT ERROR} text instead and the server lists the mistake in
 * {@link #problems()}: a test asserts that list is empty.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver} rather than Jetty: a test-only server that answers a
 * handful of POSTs needs no dependency, and the JDK server already does HTTP/1.1 keep-alive and the chunked
 * framing a stream of server-sent events needs; Jetty would add four jars and still leave the event framing to
 * write.
 */
public final class ScriptedModelServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ModelScript script;
  private final Path recordDir;
  private final HttpServer server;
  private final ExecutorService executor;
  private final List<RecordedRequest> requests = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();

  private ScriptedModelServer(ModelScript script, Path recordDir) throws IOException {
    this.script = script;
    this.recordDir = recordDir;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    this.executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "scripted-model");
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts a server on a free port of 127.0.0.1 that answers with {@code script}. */
  public static ScriptedModelServer start(ModelScript script) throws IOException {
    return new ScriptedModelServer(script, null);
  }

  /**
   * Starts a server like {@link #start(ModelScript)} that also writes every request it receives to
   * {@code recordDir} as {@code <n>-<api>.json} (method, path, headers, body), for reading after a failure.
   */
  public static ScriptedModelServer start(ModelScript script, Path recordDir) throws IOException {
    Files.createDirectories(recordDir);
    return new ScriptedModelServer(script, recordDir);
  }

  /** {@code http://127.0.0.1:<port>}: Claude Code's {@code ANTHROPIC_BASE_URL}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** {@code http://127.0.0.1:<port>/v1}: the {@code base_url} of a Codex model provider. */
  public String openAiBaseUrl() {
    return baseUrl() + "/v1";
  }

  /** Every request received so far, in the order they arrived. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The requests of the main conversation (those that offer tools), in order. */
  public synchronized List<RecordedRequest> mainRequests() {
    return requests.stream().filter(RecordedRequest::main).toList();
  }

  /** What went against the script: a call of a tool the request did not offer, an unreadable body. */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().toString();
      String route = exchange.getRequestURI().getPath();
      JsonNode body = readBody(exchange, path);
      if (exchange.getRequestMethod().equals("POST") && route.endsWith("/responses")) {
        answerResponses(exchange, path, body);
      } else if (exchange.getRequestMethod().equals("POST") && route.endsWith("/messages/count_tokens")) {
        record(exchange, path, body, RecordedRequest.Api.MESSAGES, false, List.of(), List.of(), "count tokens");
        sendJson(exchange, 200, JSON.createObjectNode().put("input_tokens", 1));
      } else if (exchange.getRequestMethod().equals("POST") && route.endsWith("/messages")) {
        answerMessages(exchange, path, body);
      } else {
        record(exchange, path, body, RecordedRequest.Api.OTHER, false, List.of(), List.of(), "404");
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("type", "not_found")
            .put("message", "the scripted model server has no " + exchange.getRequestMethod() + " " + route);
        sendJson(exchange, 404, error);
      }
    } catch (RuntimeException | IOException e) {
      problem("answering " + exchange.getRequestURI() + " failed: " + e);
      throw e;
    }
  }

  private void answerResponses(HttpExchange exchange, String path, JsonNode body) throws IOException {
    List<String> offered = ResponsesApi.offeredTools(body);
    List<String> results = ResponsesApi.toolResults(body);
    boolean main = !offered.isEmpty();
    ModelScript.ToolCall call = main ? script.next(results.size()) : null;
    String error = call == null ? null : notOffered(call, offered);
    String answer = answer(main, call, error);
    record(exchange, path, body, RecordedRequest.Api.RESPONSES, main, offered, results, answer);
    try (EventStream out = new EventStream(exchange, JSON)) {
      if (call != null && error == null) {
        ResponsesApi.writeToolCall(out, JSON, body, call, results.size());
      } else {
        ResponsesApi.writeReply(out, JSON, replyText(main, error), "r" + results.size());
      }
    }
  }

  private void answerMessages(HttpExchange exchange, String path, JsonNode body) throws IOException {
    List<String> offered = MessagesApi.offeredTools(body);
    List<String> results = MessagesApi.toolResults(body);
    boolean main = !offered.isEmpty();
    ModelScript.ToolCall call = main ? script.next(results.size()) : null;
    String error = call == null ? null : notOffered(call, offered);
    String answer = answer(main, call, error);
    record(exchange, path, body, RecordedRequest.Api.MESSAGES, main, offered, results, answer);
    if (!body.path("stream").asBoolean(false)) {
      sendJson(exchange, 200, MessagesApi.replyMessage(JSON, body, replyText(main, error), "r" + results.size()));
      if (call != null && error == null) {
        problem("a request of the main conversation without \"stream\": true wants the call of " + call.tool()
            + "; the server answers only streamed requests with tool calls");
      }
      return;
    }
    try (EventStream out = new EventStream(exchange, JSON)) {
      if (call != null && error == null) {
        MessagesApi.writeToolCall(out, JSON, body, call, results.size());
      } else {
        MessagesApi.writeReply(out, JSON, body, replyText(main, error), "r" + results.size());
      }
    }
  }

  private String notOffered(ModelScript.ToolCall call, List<String> offered) {
    if (offered.contains(call.tool())) {
      return null;
    }
    String error = "the script calls " + call.tool() + ", which the request does not offer; it offers " + offered;
    problem(error);
    return error;
  }

  private String answer(boolean main, ModelScript.ToolCall call, String error) {
    if (!main) {
      return "side reply";
    }
    return error != null ? "SCRIPT ERROR" : call != null ? "call " + call.tool() : "reply";
  }

  private String replyText(boolean main, String error) {
    return !main ? "OK" : error != null ? "SCRIPT ERROR: " + error : script.reply();
  }

  private JsonNode readBody(HttpExchange exchange, String path) throws IOException {
    InputStream in = exchange.getRequestBody();
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && encoding.equalsIgnoreCase("gzip")) {
      in = new GZIPInputStream(in);
    } else if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
      problem(path + ": a body with Content-Encoding " + encoding + " cannot be read");
      return MissingNode.getInstance();
    }
    byte[] bytes = in.readAllBytes();
    if (bytes.length == 0) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(bytes);
    } catch (IOException e) {
      problem(path + ": the body is not JSON (" + e.getMessage() + "): "
          + new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.UTF_8));
      return MissingNode.getInstance();
    }
  }

  private void record(HttpExchange exchange, String path, JsonNode body, RecordedRequest.Api api, boolean main,
      List<String> offered, List<String> results, String answer) {
    Map<String, List<String>> headers = new TreeMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
        List.copyOf(values)));
    RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path, headers, body, api, main,
        List.copyOf(offered), List.copyOf(results), answer);
    int index;
    synchronized (this) {
      requests.add(request);
      index = requests.size();
    }
    if (recordDir != null) {
      ObjectNode file = JSON.createObjectNode().put("method", request.method()).put("path", path)
          .put("answer", answer);
      file.set("headers", JSON.valueToTree(headers));
      file.set("body", body.isMissingNode() ? null : body);
      Path target = recordDir.resolve(String.format(Locale.ROOT, "%03d-%s.json", index,
          api.name().toLowerCase(Locale.ROOT)));
      try {
        Files.writeString(target, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file));
      } catch (IOException e) {
        // the host still gets its answer; a host whose request fails retries for minutes
        problem("cannot record request " + index + " to " + target + ": " + e);
      }
    }
  }

  private synchronized void problem(String message) {
    problems.add(message);
  }

  private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops the server at once; requests in flight are cut off. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
