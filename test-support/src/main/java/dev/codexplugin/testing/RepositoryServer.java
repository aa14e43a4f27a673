package dev.codexplugin.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.security.AuthenticationState;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.SecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.security.Credential;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Maven repository over HTTP on {@code 127.0.0.1}, for tests: serves a folder in the Maven 2 layout, requires
 * HTTP Basic authentication, takes {@code PUT}s from {@code mvn deploy} and can be told to fail.
 *
 * <pre>{@code
 * try (RepositoryServer repo = RepositoryServer.builder(dir).user("deployer", "s3cret").start()) {
 *   // mvn deploy -DaltDeploymentRepository=team::<repo.url()>, settings.xml <server> team with repo.credentials()
 *   repo.answer("com/acme/app/1.0.0/app-1.0.0.jar", 500);
 * }
 * }</pre>
 *
 * <p>What it does, as a repository manager (Nexus, Artifactory, Reposilite) does it:
 *
 * <ul>
 *   <li>{@code GET} and {@code HEAD} of a file under the folder; {@code 404} for a missing file or a folder.
 *   <li>{@code PUT} writes the body to the path (parent folders made, the file replaced atomically, so a reader
 *       never sees half a file) and answers {@code 201}: artifacts, POMs, {@code maven-metadata.xml} and the
 *       checksum files that {@code maven-deploy-plugin} writes next to them.
 *   <li>A {@code .md5}, {@code .sha1}, {@code .sha256} or {@code .sha512} that is not on disk but whose file is
 *       is computed, as Nexus 3 does, so that a client may ask for any of them.
 *   <li>Every request needs a known user ({@code 401} with a {@code WWW-Authenticate} challenge otherwise); a
 *       {@link Builder#reader reader} may read and gets {@code 403} for a {@code PUT}.
 *   <li>An optional {@link Builder#upstream upstream} folder, read only, answers the release files the folder
 *       lacks, as a proxy repository serves what it cached from Maven Central: pass the local repository
 *       ({@code ~/.m2/repository}) and a client whose only repository is this server still finds the
 *       third-party dependencies of what was deployed, without the network.
 *   <li>Every request is {@link #requests() recorded} with its user and status, so that a test can check what a
 *       client asked for, or that it asked for nothing.
 * </ul>
 *
 * <p>Faults for tests of clients, per path glob relative to the root ({@code **} any characters, {@code *} and
 * {@code ?} within one path segment): {@link #answer} a status, {@link #truncate} the body, {@link #serve}
 * other bytes than the folder holds, {@link #delay} the answer; {@link #rerelease} replaces an artifact on disk
 * with consistent checksums, as a repository that allows a redeploy of a release would.
 *
 * <p>Why the handler is written here: Jetty serves and authenticates (its {@code SecurityHandler} with a
 * {@code BasicAuthenticator}), but its {@code ResourceHandler} has no {@code PUT} and caches what it serves,
 * Reposilite is not published on Maven Central and Nexus or Artifactory cannot be embedded in a test. The Maven
 * repository protocol a client needs is files by path, so the handler below reads and writes files, plus the
 * fault injection that no repository manager has.
 */
public final class RepositoryServer implements AutoCloseable {
  private static final String READ = "read";
  private static final String DEPLOY = "deploy";
  private static final Map<String, String> CHECKSUMS = Map.of(
      ".md5", "MD5", ".sha1", "SHA-1", ".sha256", "SHA-256", ".sha512", "SHA-512");

  private final Path root;
  private final String realm;
  private final Optional<Path> upstream;
  private final Credentials deployer;
  private final Server server;
  private final ServerConnector connector;
  private final List<Fault> faults = new CopyOnWriteArrayList<>();
  private final List<Exchange> requests = new CopyOnWriteArrayList<>();

  private RepositoryServer(Builder builder) throws IOException {
    this.root = builder.root;
    this.realm = builder.realm;
    this.upstream = Optional.ofNullable(builder.upstream);
    this.deployer = builder.users.entrySet().stream()
        .filter(e -> e.getValue().deploy())
        .map(e -> new Credentials(e.getKey(), e.getValue().password()))
        .findFirst()
        .orElse(null);
    Files.createDirectories(root);

    QueuedThreadPool threads = new QueuedThreadPool(24, 2);
    threads.setName("repository-server");
    server = new Server(threads);
    connector = new ServerConnector(server, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);

    UserStore users = new UserStore();
    builder.users.forEach((name, user) -> users.addUser(name, Credential.getCredential(user.password()),
        user.deploy() ? new String[] {READ, DEPLOY} : new String[] {READ}));
    HashLoginService login = new HashLoginService(builder.realm);
    login.setUserStore(users);
    SecurityHandler.PathMapped security = new SecurityHandler.PathMapped();
    security.put("/*", Constraint.from(READ));
    security.setAuthenticator(new BasicAuthenticator());
    security.setLoginService(login);
    security.setHandler(new Files2Http());
    server.setHandler(new Recorder(security));
    try {
      server.start();
    } catch (Exception e) {
      throw new IOException("cannot start the repository server on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** A builder of a server that serves {@code root} (made if missing). */
  public static Builder builder(Path root) {
    return new Builder(root);
  }

  /** Starts a server on {@code root} with one deploying user, {@code deployer} / {@code deployer-secret}. */
  public static RepositoryServer start(Path root) throws IOException {
    return builder(root).user("deployer", "deployer-secret").start();
  }

  /** The repository's URL, {@code http://127.0.0.1:<port>/}, with the trailing slash. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** The ephemeral port the server listens on. */
  public int port() {
    return connector.getLocalPort();
  }

  /** The folder served. */
  public Path root() {
    return root;
  }

  /**
   * The first user that may deploy, for a {@code settings.xml} {@code <server>}.
   *
   * @throws IllegalStateException if every user is a reader
   */
  public Credentials credentials() {
    if (deployer == null) {
      throw new IllegalStateException("this server has no user who may deploy; add one with Builder.user(...)");
    }
    return deployer;
  }

  /** Every request answered so far (or being answered), oldest first. */
  public List<Exchange> requests() {
    return List.copyOf(requests);
  }

  /** Forgets the recorded requests. */
  public void clearRequests() {
    requests.clear();
  }

  /**
   * Answers {@code status} (with an empty body; a {@code 401} also with a Basic challenge) to every request for
   * a path that matches {@code glob}, whoever asks and whatever the folder holds.
   */
  public void answer(String glob, int status) {
    if (status < 200 || status > 599) {
      throw new IllegalArgumentException("status must be 200..599; found " + status);
    }
    faults.add(new Fault(glob, Kind.STATUS, status, null, 0, null));
  }

  /**
   * Serves only the first {@code keepBytes} bytes of a matching file and then drops the connection, although the
   * {@code Content-Length} announced the whole file: a download cut off half-way.
   */
  public void truncate(String glob, long keepBytes) {
    if (keepBytes < 0) {
      throw new IllegalArgumentException("keepBytes must be >= 0; found " + keepBytes);
    }
    faults.add(new Fault(glob, Kind.TRUNCATE, 0, null, keepBytes, null));
  }

  /**
   * Serves {@code body} for a matching path instead of the file on disk, while the checksum files still
   * describe the file on disk: bytes changed in transit or in storage.
   */
  public void serve(String glob, byte[] body) {
    faults.add(new Fault(glob, Kind.BODY, 0, body.clone(), 0, null));
  }

  /** Holds the answer to a matching request for {@code delay} before answering it. */
  public void delay(String glob, Duration delay) {
    faults.add(new Fault(glob, Kind.DELAY, 0, null, 0, delay));
  }

  /** Removes every fault; the folder is served as it is. */
  public void clearFaults() {
    faults.clear();
  }

  /**
   * Replaces the file at {@code path} (relative to the root) with {@code body} and rewrites its checksum files to
   * match: a release deployed again with other bytes, which every checksum check passes and only a hash recorded
   * earlier (a lock) catches.
   */
  public void rerelease(String path, byte[] body) throws IOException {
    Path file = resolve(path).orElseThrow(() -> new IllegalArgumentException("not a path in the repository: " + path));
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("nothing deployed at " + path + " to release again");
    }
    writeAtomically(file, body);
    for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
      Path sidecar = file.resolveSibling(file.getFileName() + checksum.getKey());
      if (Files.exists(sidecar)) {
        writeAtomically(sidecar, hex(checksum.getValue(), body).getBytes(StandardCharsets.US_ASCII));
      }
    }
  }

  /** Stops the server; the folder stays. */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop the repository server: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "RepositoryServer[" + url() + " serving " + root + "]";
  }

  /**
   * One request as the server saw it.
   *
   * @param method the HTTP method
   * @param path the path relative to the root, without the leading slash
   * @param user the user name the client sent (even a wrong one), or {@code null} for none
   * @param status the status answered; for a truncated body the status announced ({@code 200})
   */
  public record Exchange(String method, String path, String user, int status) {}

  /** Options of a {@link RepositoryServer}; {@link #start()} starts it. */
  public static final class Builder {
    private final Path root;
    private final Map<String, User> users = new LinkedHashMap<>();
    private Path upstream;
    private String realm = "test-repository";

    private Builder(Path root) {
      this.root = root.toAbsolutePath().normalize();
    }

    /** Adds a user who may read and deploy. */
    public Builder user(String username, String password) {
      return add(new Credentials(username, password), true);
    }

    /** Adds a user who may read; a {@code PUT} is answered {@code 403}. */
    public Builder reader(String username, String password) {
      return add(new Credentials(username, password), false);
    }

    /**
     * A read-only folder in the Maven 2 layout (a local repository such as {@code ~/.m2/repository} fits) whose
     * release files answer the {@code GET}s the served folder cannot; snapshots and {@code maven-metadata} files
     * are never taken from it.
     */
    public Builder upstream(Path folder) {
      this.upstream = folder.toAbsolutePath().normalize();
      return this;
    }

    /** The realm named in the {@code WWW-Authenticate} challenge; {@code test-repository} by default. */
    public Builder realm(String realm) {
      this.realm = Objects.requireNonNull(realm, "realm");
      return this;
    }

    /** Starts the server on an ephemeral port of {@code 127.0.0.1}. */
    public RepositoryServer start() throws IOException {
      if (users.isEmpty()) {
        throw new IllegalStateException("a repository server needs at least one user; add one with user(...)");
      }
      return new RepositoryServer(this);
    }

    private Builder add(Credentials credentials, boolean deploy) {
      if (users.putIfAbsent(credentials.username(), new User(credentials.password(), deploy)) != null) {
        throw new IllegalArgumentException("user \"" + credentials.username() + "\" is already defined");
      }
      return this;
    }
  }

  private record User(String password, boolean deploy) {}

  private enum Kind { STATUS, TRUNCATE, BODY, DELAY }

  private record Fault(String glob, Kind kind, int status, byte[] body, long keep, Duration delay) {
    private Fault {
      Objects.requireNonNull(glob, "glob");
    }

    boolean matches(String path) {
      return globToRegex(glob).matcher(path).matches();
    }
  }

  private Optional<Fault> fault(String path, Kind kind) {
    return faults.stream().filter(f -> f.kind() == kind && f.matches(path)).reduce((first, last) -> last);
  }

  /**
   * Outermost: records each exchange (the user as sent, before authentication) when its answer starts, so that
   * the record exists before the client can read the answer.
   */
  private final class Recorder extends Handler.Wrapper {
    Recorder(Handler handler) {
      super(handler);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String method = request.getMethod();
      String path = relative(request);
      String user = sentUser(request.getHeaders().get(HttpHeader.AUTHORIZATION));
      AtomicBoolean recorded = new AtomicBoolean();
      Runnable record = () -> {
        if (recorded.compareAndSet(false, true)) {
          requests.add(new Exchange(method, path, user, response.getStatus()));
        }
      };
      Response recording = new Response.Wrapper(request, response) {
        @Override
        public void write(boolean last, ByteBuffer content, Callback writeCallback) {
          record.run();
          super.write(last, content, writeCallback);
        }
      };
      Callback completing = Callback.from(callback, record);
      if (!super.handle(request, recording, completing)) {
        Response.writeError(request, recording, completing, HttpStatus.NOT_FOUND_404);
      }
      return true;
    }

    private String sentUser(String authorization) {
      if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        return null;
      }
      try {
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
            StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
  }

  /** Behind authentication: files by path, and the faults. */
  private final class Files2Http extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = relative(request);
      Optional<Fault> delay = fault(path, Kind.DELAY);
      if (delay.isPresent() && !waited(delay.get().delay())) {
        Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, "stopping");
        return true;
      }
      Optional<Fault> status = fault(path, Kind.STATUS);
      if (status.isPresent()) {
        int code = status.get().status();
        if (code == HttpStatus.UNAUTHORIZED_401) {
          response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"");
        }
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
        response.write(true, null, callback);
        return true;
      }
      switch (request.getMethod()) {
        case "GET", "HEAD" -> read(request, response, callback, path);
        case "PUT" -> write(request, response, callback, path);
        default -> {
          response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, PUT");
          Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        }
      }
      return true;
    }

    private void read(Request request, Response response, Callback callback, String path) throws IOException {
      boolean head = request.getMethod().equals("HEAD");
      Optional<Fault> body = fault(path, Kind.BODY);
      byte[] bytes;
      Instant modified;
      if (body.isPresent()) {
        bytes = body.get().body();
        modified = Instant.now();
      } else {
        Optional<Path> file = find(path);
        if (file.isEmpty()) {
          Optional<byte[]> computed = computedChecksum(path);
          if (computed.isEmpty()) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return;
          }
          bytes = computed.get();
          modified = Instant.now();
        } else {
          bytes = Files.readAllBytes(file.get());
          modified = Files.getLastModifiedTime(file.get()).toInstant();
        }
      }
      response.setStatus(HttpStatus.OK_200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType(path));
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
      response.getHeaders().putDate(HttpHeader.LAST_MODIFIED, modified.toEpochMilli());
      if (head) {
        response.write(true, null, callback);
        return;
      }
      Optional<Fault> truncate = fault(path, Kind.TRUNCATE);
      if (truncate.isPresent() && truncate.get().keep() < bytes.length) {
        int keep = (int) truncate.get().keep();
        Content.Sink.write(response, false, ByteBuffer.wrap(bytes, 0, keep));
        // Failing the callback of a committed response makes Jetty abort the connection: the client gets fewer
        // bytes than the Content-Length said, then end of stream.
        callback.failed(new IOException("truncated after " + keep + " bytes by a fault of the test"));
        return;
      }
      response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    private void write(Request request, Response response, Callback callback, String path) throws IOException {
      AuthenticationState auth = AuthenticationState.getAuthenticationState(request);
      if (!(auth instanceof AuthenticationState.Succeeded user) || !user.isUserInRole(DEPLOY)) {
        Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "this user may not deploy");
        return;
      }
      Optional<Path> target = resolve(path);
      if (target.isEmpty() || path.isEmpty() || path.endsWith("/")) {
        Response.writeError(request, response, callback, HttpStatus.BAD_REQUEST_400, "not a file path: " + path);
        return;
      }
      if (Files.isDirectory(target.get())) {
        Response.writeError(request, response, callback, HttpStatus.CONFLICT_409, "a folder is at " + path);
        return;
      }
      Files.createDirectories(target.get().getParent());
      Path part = Files.createTempFile(target.get().getParent(), "." + target.get().getFileName(), ".part");
      try (InputStream in = Content.Source.asInputStream(request); OutputStream out = Files.newOutputStream(part)) {
        in.transferTo(out);
      } catch (IOException e) {
        Files.deleteIfExists(part);
        throw e;
      }
      Files.move(part, target.get(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      response.setStatus(HttpStatus.CREATED_201);
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0);
      response.write(true, null, callback);
    }
  }

  /** Waits {@code delay}, or less if the server stops meanwhile; true if it waited the whole delay. */
  private boolean waited(Duration delay) throws InterruptedException {
    long end = System.nanoTime() + delay.toNanos();
    while (System.nanoTime() < end) {
      if (!server.isRunning()) {
        return false;
      }
      Thread.sleep(Math.min(50, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
    }
    return true;
  }

  /** The file for a GET: in the folder, else (release files only) in the upstream folder. */
  private Optional<Path> find(String path) {
    Optional<Path> own = resolve(path).filter(Files::isRegularFile);
    if (own.isPresent() || upstream.isEmpty() || path.contains("-SNAPSHOT") || path.contains("maven-metadata")) {
      return own;
    }
    Path candidate = upstream.get().resolve(path).normalize();
    return candidate.startsWith(upstream.get()) && Files.isRegularFile(candidate)
        ? Optional.of(candidate) : Optional.empty();
  }

  /** The checksum of a file whose checksum file is missing, as Nexus 3 computes it. */
  private Optional<byte[]> computedChecksum(String path) throws IOException {
    for (Map.Entry<String, String> checksum : CHECKSUMS.entrySet()) {
      if (path.endsWith(checksum.getKey())) {
        String base = path.substring(0, path.length() - checksum.getKey().length());
        Optional<Fault> body = fault(base, Kind.BODY);
        Optional<Path> file = find(base);
        if (file.isPresent()) {
          // A body fault serves other bytes, but the checksum stays that of the file on disk.
          return Optional.of(hex(checksum.getValue(), Files.readAllBytes(file.get()))
              .getBytes(StandardCharsets.US_ASCII));
        }
        return body.map(b -> hex(checksum.getValue(), b.body()).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return Optional.empty();
  }

  /** The path under the root, or empty for one that would leave it. */
  private Optional<Path> resolve(String path) {
    Path file = root.resolve(path).normalize();
    return file.startsWith(root) ? Optional.of(file) : Optional.empty();
  }

  private static String relative(Request request) {
    String path = Request.getPathInContext(request);
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static String contentType(String path) {
    String name = path.toLowerCase(Locale.ROOT);
    return name.endsWith(".xml") || name.endsWith(".pom") ? "text/xml" : "application/octet-stream";
  }

  private static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path part = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".part");
    Files.write(part, bytes);
    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  static String hex(String algorithm, byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + algorithm, e);
    }
  }

  /** {@code **} any characters, {@code *} any but {@code /}, {@code ?} one but {@code /}; the rest literal. */
  static Pattern globToRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
