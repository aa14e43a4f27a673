package dev.codexplugin.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.testing.RepositoryServer.Exchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository server answered by a real {@code java.net.http} client over a real socket. */
class RepositoryServerTest {
  private static final String JAR = "com/acme/app/1.0.0/app-1.0.0.jar";
  private static final byte[] JAR_BYTES = "the jar's bytes, not really a zip".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private RepositoryServer repo;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Credentials deployer = new Credentials("deployer", "s3cret");
  private final Credentials reader = new Credentials("reader", "read-only");

  @BeforeEach
  void start() throws IOException {
    repo = RepositoryServer.builder(dir.resolve("repo"))
        .user(deployer.username(), deployer.password())
        .reader(reader.username(), reader.password())
        .start();
    Files.createDirectories(dir.resolve("repo/com/acme/app/1.0.0"));
    Files.write(dir.resolve("repo").resolve(JAR), JAR_BYTES);
  }

  @AfterEach
  void stop() {
    repo.close();
  }

  @Test
  void listensOnLoopbackWithAnEphemeralPort() {
    assertThat(repo.url().toString()).isEqualTo("http://127.0.0.1:" + repo.port() + "/");
    assertThat(repo.port()).isGreaterThan(0);
    assertThat(repo.credentials()).isEqualTo(deployer);
  }

  @Test
  void readWithoutCredentialsIsChallenged() throws Exception {
    HttpResponse<byte[]> response = get(JAR, null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .ignoringCase().contains("basic realm=\"test-repository\"");
  }

  @Test
  void wrongPasswordIsRefused() throws Exception {
    assertThat(get(JAR, new Credentials("deployer", "wrong")).statusCode()).isEqualTo(401);
    assertThat(get(JAR, new Credentials("nobody", "s3cret")).statusCode()).isEqualTo(401);
  }

  @Test
  void getAndHeadServeTheFile() throws Exception {
    HttpResponse<byte[]> get = get(JAR, reader);
    assertThat(get.statusCode()).isEqualTo(200);
    assertThat(get.body()).isEqualTo(JAR_BYTES);
    assertThat(get.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(JAR_BYTES.length);

    HttpResponse<byte[]> head = send(request(JAR, reader).method("HEAD", BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(JAR_BYTES.length);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void missingFileAndFolderAre404() throws Exception {
    assertThat(get("com/acme/app/9.9.9/app-9.9.9.jar", reader).statusCode()).isEqualTo(404);
    assertThat(get("com/acme/app/1.0.0/", reader).statusCode()).isEqualTo(404);
    assertThat(get("com/acme/app/1.0.0", reader).statusCode()).isEqualTo(404);
  }

  @Test
  void putWritesTheFileAndAnswers201() throws Exception {
    byte[] pom = "<project/>".getBytes(StandardCharsets.UTF_8);
    HttpResponse<byte[]> put = put("com/acme/lib/2.0.0/lib-2.0.0.pom", deployer, pom);

    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(Files.readAllBytes(dir.resolve("repo/com/acme/lib/2.0.0/lib-2.0.0.pom"))).isEqualTo(pom);
    assertThat(get("com/acme/lib/2.0.0/lib-2.0.0.pom", reader).body()).isEqualTo(pom);
    try (var files = Files.list(dir.resolve("repo/com/acme/lib/2.0.0"))) {
      assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("lib-2.0.0.pom");
    }
  }

  @Test
  void putReplacesAnExistingFile() throws Exception {
    byte[] metadata = "<metadata>2</metadata>".getBytes(StandardCharsets.UTF_8);
    put("com/acme/app/maven-metadata.xml", deployer, "<metadata>1</metadata>".getBytes(StandardCharsets.UTF_8));
    assertThat(put("com/acme/app/maven-metadata.xml", deployer, metadata).statusCode()).isEqualTo(201);

    assertThat(Files.readAllBytes(dir.resolve("repo/com/acme/app/maven-metadata.xml"))).isEqualTo(metadata);
  }

  @Test
  void readerMayNotDeploy() throws Exception {
    assertThat(put("com/acme/lib/2.0.0/lib-2.0.0.jar", reader, JAR_BYTES).statusCode()).isEqualTo(403);
    assertThat(put("com/acme/lib/2.0.0/lib-2.0.0.jar", null, JAR_BYTES).statusCode()).isEqualTo(401);
    assertThat(Files.exists(dir.resolve("repo/com/acme/lib"))).isFalse();
  }

  @Test
  void putOntoAFolderIsAConflict() throws Exception {
    assertThat(put("com/acme/app/1.0.0", deployer, JAR_BYTES).statusCode()).isEqualTo(409);
    assertThat(Files.isDirectory(dir.resolve("repo/com/acme/app/1.0.0"))).isTrue();
  }

  @Test
  void noPathLeavesTheFolder() throws Exception {
    // Written on a raw socket: java.net.http would normalize the dots away before sending.
    for (String path : List.of("/../outside.jar", "/%2e%2e/outside.jar", "/com/..%2f..%2f..%2foutside.jar")) {
      String answer = rawPut(path, "escaped");
      assertThat(answer).startsWith("HTTP/1.1 4");
    }
    assertThat(Files.exists(dir.resolve("outside.jar"))).isFalse();
    assertThat(Files.exists(dir.getParent().resolve("outside.jar"))).isFalse();
  }

  @Test
  void otherMethodsAreNotAllowed() throws Exception {
    HttpResponse<byte[]> delete = send(request(JAR, deployer).DELETE());
    assertThat(delete.statusCode()).isEqualTo(405);
    assertThat(Files.exists(dir.resolve("repo").resolve(JAR))).isTrue();
  }

  @Test
  void missingChecksumsAreComputedFromTheFile() throws Exception {
    assertThat(text(get(JAR + ".sha256", reader))).isEqualTo(RepositoryServer.hex("SHA-256", JAR_BYTES));
    assertThat(text(get(JAR + ".sha1", reader))).isEqualTo(RepositoryServer.hex("SHA-1", JAR_BYTES));
    assertThat(text(get(JAR + ".sha512", reader))).isEqualTo(RepositoryServer.hex("SHA-512", JAR_BYTES));
    assertThat(text(get(JAR + ".md5", reader))).isEqualTo(RepositoryServer.hex("MD5", JAR_BYTES));
    assertThat(get("com/acme/app/1.0.0/none.jar.sha1", reader).statusCode()).isEqualTo(404);
  }

  @Test
  void deployedChecksumFilesAreServedAsTheyAre() throws Exception {
    put(JAR + ".sha1", deployer, "deployed-sha1".getBytes(StandardCharsets.US_ASCII));
    assertThat(text(get(JAR + ".sha1", reader))).isEqualTo("deployed-sha1");
  }

  @Test
  void answerFaultOverridesTheFolderForMatchingPathsOnly() throws Exception {
    repo.answer("**/app-1.0.0.jar", 500);
    assertThat(get(JAR, reader).statusCode()).isEqualTo(500);
    assertThat(get(JAR + ".sha1", reader).statusCode()).isEqualTo(200);

    repo.answer(JAR, 404);
    assertThat(get(JAR, reader).statusCode()).isEqualTo(404);

    repo.answer("com/acme/*/1.0.0/*.jar", 401);
    HttpResponse<byte[]> unauthorized = get(JAR, deployer);
    assertThat(unauthorized.statusCode()).isEqualTo(401);
    assertThat(unauthorized.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(put(JAR, deployer, JAR_BYTES).statusCode()).isEqualTo(401);

    repo.clearFaults();
    assertThat(get(JAR, reader).statusCode()).isEqualTo(200);
  }

  @Test
  void truncatedBodyFailsTheDownload() throws Exception {
    Files.write(dir.resolve("repo").resolve(JAR), new byte[64 * 1024]);
    repo.truncate(JAR, 1000);

    IOException failure = assertThrows(IOException.class, () -> get(JAR, reader));

    assertThat(failure).hasMessageThat().isNotEmpty();
    Exchange last = repo.requests().get(repo.requests().size() - 1);
    assertThat(last).isEqualTo(new Exchange("GET", JAR, "reader", 200));
  }

  @Test
  void servedBytesDifferWhileTheChecksumDescribesTheFileOnDisk() throws Exception {
    byte[] tampered = "tampered".getBytes(StandardCharsets.UTF_8);
    repo.serve(JAR, tampered);

    assertThat(get(JAR, reader).body()).isEqualTo(tampered);
    assertThat(text(get(JAR + ".sha256", reader))).isEqualTo(RepositoryServer.hex("SHA-256", JAR_BYTES));
    assertThat(Files.readAllBytes(dir.resolve("repo").resolve(JAR))).isEqualTo(JAR_BYTES);
  }

  @Test
  void rereleaseReplacesTheFileAndItsChecksums() throws Exception {
    put(JAR + ".sha1", deployer, RepositoryServer.hex("SHA-1", JAR_BYTES).getBytes(StandardCharsets.US_ASCII));
    byte[] other = "a different build of 1.0.0".getBytes(StandardCharsets.UTF_8);

    repo.rerelease(JAR, other);

    assertThat(get(JAR, reader).body()).isEqualTo(other);
    assertThat(text(get(JAR + ".sha1", reader))).isEqualTo(RepositoryServer.hex("SHA-1", other));
    assertThat(text(get(JAR + ".sha256", reader))).isEqualTo(RepositoryServer.hex("SHA-256", other));
    assertThrows(IllegalArgumentException.class, () -> repo.rerelease("com/acme/none.jar", other));
    assertThrows(IllegalArgumentException.class, () -> repo.rerelease("../outside.jar", other));
  }

  @Test
  void delayHoldsTheAnswer() throws Exception {
    repo.delay(JAR, Duration.ofSeconds(30));
    HttpRequest request = request(JAR, reader).timeout(Duration.ofMillis(500)).GET().build();

    assertThrows(java.net.http.HttpTimeoutException.class, () -> http.send(request, BodyHandlers.ofByteArray()));
  }

  @Test
  void requestsAreRecordedWithUserAndStatus() throws Exception {
    repo.clearRequests();
    get(JAR, null);
    get(JAR, reader);
    put("com/acme/x/1/x-1.pom", deployer, JAR_BYTES);
    get("missing.jar", new Credentials("reader", "wrong"));

    assertThat(repo.requests()).containsExactly(
        new Exchange("GET", JAR, null, 401),
        new Exchange("GET", JAR, "reader", 200),
        new Exchange("PUT", "com/acme/x/1/x-1.pom", "deployer", 201),
        new Exchange("GET", "missing.jar", "reader", 401)).inOrder();
  }

  @Test
  void upstreamServesReleaseFilesTheFolderLacks() throws Exception {
    Path upstream = dir.resolve("m2");
    Files.createDirectories(upstream.resolve("org/lib/lib/3.0"));
    Files.write(upstream.resolve("org/lib/lib/3.0/lib-3.0.jar"), JAR_BYTES);
    Files.createDirectories(upstream.resolve("org/lib/lib/4.0-SNAPSHOT"));
    Files.write(upstream.resolve("org/lib/lib/4.0-SNAPSHOT/lib-4.0-SNAPSHOT.jar"), JAR_BYTES);
    Files.writeString(upstream.resolve("org/lib/lib/maven-metadata.xml"), "<metadata/>");
    try (RepositoryServer proxy = RepositoryServer.builder(dir.resolve("proxy")).user("u", "p")
        .upstream(upstream).start()) {
      Credentials user = proxy.credentials();

      assertThat(get(proxy, "org/lib/lib/3.0/lib-3.0.jar", user).body()).isEqualTo(JAR_BYTES);
      assertThat(text(get(proxy, "org/lib/lib/3.0/lib-3.0.jar.sha1", user)))
          .isEqualTo(RepositoryServer.hex("SHA-1", JAR_BYTES));
      assertThat(get(proxy, "org/lib/lib/4.0-SNAPSHOT/lib-4.0-SNAPSHOT.jar", user).statusCode()).isEqualTo(404);
      assertThat(get(proxy, "org/lib/lib/maven-metadata.xml", user).statusCode()).isEqualTo(404);
      assertThat(get(proxy, "org/lib/lib/../../../../m2/org/lib/lib/3.0/lib-3.0.jar", user).statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void globs() {
    assertThat(RepositoryServer.globToRegex("**/a-1.jar").matcher("x/y/a-1.jar").matches()).isTrue();
    assertThat(RepositoryServer.globToRegex("**/a-1.jar").matcher("x/y/a-1.jar.sha1").matches()).isFalse();
    assertThat(RepositoryServer.globToRegex("x/*/a.jar").matcher("x/y/a.jar").matches()).isTrue();
    assertThat(RepositoryServer.globToRegex("x/*/a.jar").matcher("x/y/z/a.jar").matches()).isFalse();
    assertThat(RepositoryServer.globToRegex("a?.jar").matcher("ab.jar").matches()).isTrue();
    assertThat(RepositoryServer.globToRegex("a.jar").matcher("abjar").matches()).isFalse();
  }

  @Test
  void badArgumentsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> repo.answer(JAR, 99));
    assertThrows(IllegalArgumentException.class, () -> repo.truncate(JAR, -1));
    assertThrows(IllegalStateException.class, () -> RepositoryServer.builder(dir).start());
    assertThrows(IllegalArgumentException.class, () -> RepositoryServer.builder(dir).user("a", "b").reader("a", "c"));
    assertThrows(IllegalArgumentException.class, () -> new Credentials("a:b", "c"));
    assertThat(new Credentials("a", "secret").toString()).doesNotContain("secret");
  }

  private HttpRequest.Builder request(String path, Credentials credentials) {
    return request(repo, path, credentials);
  }

  private static HttpRequest.Builder request(RepositoryServer server, String path, Credentials credentials) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(server.url().resolve(path)).timeout(Duration.ofSeconds(20));
    if (credentials != null) {
      builder.header("Authorization", credentials.basicAuthorization());
    }
    return builder;
  }

  private HttpResponse<byte[]> get(String path, Credentials credentials) throws Exception {
    return get(repo, path, credentials);
  }

  private HttpResponse<byte[]> get(RepositoryServer server, String path, Credentials credentials) throws Exception {
    return http.send(request(server, path, credentials).GET().build(), BodyHandlers.ofByteArray());
  }

  private HttpResponse<byte[]> put(String path, Credentials credentials, byte[] body) throws Exception {
    return send(request(path, credentials).PUT(BodyPublishers.ofByteArray(body)));
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder builder) throws Exception {
    return http.send(builder.build(), BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(200);
    return new String(response.body(), StandardCharsets.US_ASCII);
  }

  private String rawPut(String path, String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", repo.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + deployer.basicAuthorization()
          + "\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body)
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
