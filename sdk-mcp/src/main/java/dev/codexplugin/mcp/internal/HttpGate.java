package dev.codexplugin.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Stands in front of the SDK's Streamable HTTP servlet. In order, for every request:
 *
 * <ol>
 *   <li>the bearer token, when one is configured: without {@code Authorization: Bearer <token>} the answer is
 *       {@code 401} with {@code WWW-Authenticate: Bearer}, before anything else is read or run (compared in
 *       constant time);
 *   <li>(Origin and Host are checked next by the SDK's own {@code DefaultServerTransportSecurityValidator},
 *       configured by {@code McpHttpServer});
 *   <li>a POST body is read (at most {@value ProtocolInput#MAX_LINE_BYTES} bytes) and checked by
 *       {@link Screen}, the same checks as on stdio: a message the SDK would accept wrongly or answer with
 *       exception text gets a plain JSON-RPC error here ({@code 200} for a request, {@code 400} otherwise);
 *       {@code notifications/cancelled} cancels the call ({@code 202});
 *   <li>a {@code tools/call}, {@code resources/read} or {@code prompts/get} is registered as cancellable: on
 *       cancellation its thread is interrupted and
 *       nothing more is written to its event stream, which then ends without an answer.
 * </ol>
 */
public final class HttpGate implements Filter {
  private static final System.Logger LOG = System.getLogger("dev.codexplugin.mcp");

  private final byte[] token;
  private final Calls calls;
  private final ObjectMapper mapper = Json.newMapper();

  /**
   * @param bearerToken the token clients must send, or {@code null} for none
   */
  public HttpGate(String bearerToken, Calls calls) {
    this.token = bearerToken == null ? null : ("Bearer " + bearerToken).getBytes(StandardCharsets.UTF_8);
    this.calls = calls;
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpServletResponse response = (HttpServletResponse) res;
    if (token != null) {
      String given = request.getHeader("Authorization");
      if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"mcp\"");
        writeJson(response, HttpServletResponse.SC_UNAUTHORIZED, Screen.error(null, -32001,
            "Unauthorized: send the server's token as \"Authorization: Bearer <token>\""));
        return;
      }
    }
    if (!"POST".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = read(request.getInputStream());
    if (body == null) {
      writeJson(response, 413, Screen.error(null, -32600, "Invalid Request: body longer than "
          + ProtocolInput.MAX_LINE_BYTES + " bytes"));
      return;
    }
    JsonNode message;
    try {
      message = Json.strictTreeReader(mapper).readTree(body);
    } catch (JsonProcessingException e) {
      writeJson(response, 400, Screen.error(null, -32700, "Parse error: the body is not JSON"));
      return;
    }
    if (message == null) {
      writeJson(response, 400, Screen.error(null, -32700, "Parse error: the body is empty"));
      return;
    }
    String session = request.getHeader("Mcp-Session-Id");
    Screen.Verdict verdict = Screen.check(message, scope(session), false);
    if (verdict instanceof Screen.Reply reply) {
      writeJson(response, reply.request() ? 200 : 400, reply.reply());
      return;
    }
    if (verdict instanceof Screen.Cancel cancel) {
      if (cancel.token() != null) {
        calls.cancel(cancel.token(), cancel.reason());
      }
      response.setStatus(HttpServletResponse.SC_ACCEPTED);
      return;
    }
    Screen.Pass pass = (Screen.Pass) verdict;
    byte[] forwarded = pass.rewritten() ? mapper.writeValueAsBytes(pass.message()) : body;
    CachedBody wrapped = new CachedBody(request, forwarded);
    if (pass.callToken() == null) {
      chain.doFilter(wrapped, response);
      return;
    }
    Silenceable silenceable = new Silenceable(response);
    calls.register(pass.callToken(), silenceable::silence);
    try {
      chain.doFilter(wrapped, silenceable);
    } finally {
      calls.done(pass.callToken());
    }
  }

  /** The scope of the call tokens of an HTTP session. */
  static String scope(String sessionId) {
    return "http " + sessionId;
  }

  private void writeJson(HttpServletResponse response, int status, ObjectNode body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response.getOutputStream().write(mapper.writeValueAsBytes(body));
  }

  private static byte[] read(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) != -1) {
      if (out.size() + n > ProtocolInput.MAX_LINE_BYTES) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** The request with its body already read (and perhaps rewritten). */
  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body was already read");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getCharacterEncoding() {
      return "UTF-8";
    }
  }

  /** A response whose writer can be cut off: what the SDK writes after a cancellation is dropped. */
  private static final class Silenceable extends HttpServletResponseWrapper {
    private volatile boolean silent;
    private PrintWriter writer;

    Silenceable(HttpServletResponse response) {
      super(response);
    }

    void silence() {
      silent = true;
      LOG.log(System.Logger.Level.DEBUG, "cancelled call: its answer will not be written");
    }

    @Override
    public synchronized PrintWriter getWriter() throws IOException {
      if (writer == null) {
        Writer target = super.getWriter();
        writer = new PrintWriter(new Writer() {
          @Override
          public void write(char[] buffer, int off, int len) throws IOException {
            if (!silent) {
              target.write(buffer, off, len);
            }
          }

          @Override
          public void flush() throws IOException {
            if (!silent) {
              target.flush();
            }
          }

          @Override
          public void close() throws IOException {
            target.close();
          }
        });
      }
      return writer;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      ServletOutputStream target = super.getOutputStream();
      return new ServletOutputStream() {
        @Override
        public void write(int b) throws IOException {
          if (!silent) {
            target.write(b);
          }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          if (!silent) {
            target.write(b, off, len);
          }
        }

        @Override
        public boolean isReady() {
          return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
          target.setWriteListener(listener);
        }
      };
    }
  }
}
