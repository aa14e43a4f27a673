package dev.codexplugin.packages;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.codexplugin.testing.Credentials;
import dev.codexplugin.testing.RepositoryServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 4: a {@code <proxy>} of {@code ~/.m2/settings.xml} is used as Maven uses it. A real forward proxy
 * (Jetty's {@link ProxyHandler.Forward}) on 127.0.0.1, requiring proxy authentication, stands between the resolver
 * and the authenticated repository, which the declaration names by a host name ({@value #HOST}) that only the
 * proxy can reach: it forwards that host to 127.0.0.1. Without the proxy's credentials, install stops with one
 * line naming the proxy, and the project and the host's home are exactly as before.
 */
class SettingsProxyTest {
  private static final Credentials DEPLOYER = new Credentials("deployer", "s3cret");
  private static final Credentials PROXY_USER = new Credentials("squid", "pr0xy");
  private static final String HOST = "team-repo.invalid";
  @TempDir static Path shared;
  static RepositoryServer server;
  static Server proxy;
  static final List<String> forwarded = new CopyOnWriteArrayList<>();

  @TempDir Path work;
  Path project;
  Path codexHome;
  StringWriter output;

  @BeforeAll
  static void start() throws Exception {
    server = RepositoryServer.builder(shared.resolve("repo")).user(DEPLOYER.username(), DEPLOYER.password())
        .upstream(dev.codexplugin.testing.Maven.sharedLocalRepository()).start();
    Path w = Files.createDirectories(shared.resolve("build"));
    Path jar = TestPlugins.jar(w, "team-1.0.0", "1.0.0", TestPlugins.plugin("team-plugin", List.of("review")));
    TestPlugins.deploy(w, server.url(), DEPLOYER.username(), DEPLOYER.password(), "com.acme:team:1.0.0", jar,
        List.of());
    proxy = new Server();
    ServerConnector connector = new ServerConnector(proxy);
    connector.setHost("127.0.0.1");
    proxy.addConnector(connector);
    ProxyHandler.Forward forward = new ProxyHandler.Forward() {
      @Override
      protected HttpURI rewriteHttpURI(Request request) {
        HttpURI uri = super.rewriteHttpURI(request);
        forwarded.add(uri.getHost() + uri.getPath());
        // Only the proxy knows where the team's host is.
        return HOST.equals(uri.getHost()) ? HttpURI.build(uri).host("127.0.0.1") : uri;
      }
    };
    String expected = "Basic " + Base64.getEncoder().encodeToString((PROXY_USER.username() + ":"
        + PROXY_USER.password()).getBytes(StandardCharsets.UTF_8));
    proxy.setHandler(new Handler.Wrapper(forward) {
      @Override
      public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!expected.equals(request.getHeaders().get(HttpHeader.PROXY_AUTHORIZATION))) {
          forwarded.add("407 " + request.getHttpURI().getPath());
          response.setStatus(407);
          response.getHeaders().put(HttpHeader.PROXY_AUTHENTICATE, "Basic realm=\"team proxy\"");
          callback.succeeded();
          return true;
        }
        return super.handle(request, response, callback);
      }
    });
    proxy.start();
  }

  @AfterAll
  static void stop() throws Exception {
    proxy.stop();
    server.close();
  }

  @BeforeEach
  void files() throws IOException {
    project = Files.createDirectories(work.resolve("project"));
    codexHome = Files.createDirectories(work.resolve("codex-home"));
    output = new StringWriter();
    forwarded.clear();
    server.clearRequests();
    URI repository = URI.create("http://" + HOST + ":" + server.port() + server.url().getPath());
    Files.writeString(project.resolve(Declaration.FILE), """
        {
          "marketplace": "team-tools",
          "scope": "project",
          "hosts": ["codex"],
          "repositories": [{"id": "team", "url": "%s"}],
          "plugins": [{"id": "com.acme:team", "range": "^1"}]
        }
        """.formatted(repository));
  }

  private Path settings(boolean proxyCredentials) throws IOException {
    int port = ((ServerConnector) proxy.getConnectors()[0]).getLocalPort();
    String auth = proxyCredentials ? "      <username>" + PROXY_USER.username() + "</username>\n"
        + "      <password>" + PROXY_USER.password() + "</password>\n" : "";
    return Files.writeString(work.resolve("settings.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <settings xmlns="http://maven.apache.org/SETTINGS/1.2.0">
          <proxies>
            <proxy>
              <id>team-proxy</id>
              <active>true</active>
              <protocol>http</protocol>
              <host>127.0.0.1</host>
              <port>%d</port>
        %s      <nonProxyHosts></nonProxyHosts>
            </proxy>
          </proxies>
          <servers>
            <server><id>team</id><username>%s</username><password>%s</password></server>
          </servers>
        </settings>
        """.formatted(port, auth, DEPLOYER.username(), DEPLOYER.password()));
  }

  private void install(Path settingsFile) throws PackageException {
    try (StandaloneResolver r = StandaloneResolver.open(StandaloneResolver.Options.defaults()
        .withSettings(settingsFile).withLocalRepository(work.resolve("local-repo")).withEnvironment(Map.of()))) {
      PackageManager.builder(project).source(r::source).out(new PrintWriter(output, true))
          .environment(Map.of("PATH", System.getenv("PATH"), "CODEX_HOME", codexHome.toString()))
          .userHome(work.resolve("home")).codexCommand(List.of(work.resolve("no-such-codex").toString()))
          .classDataArchives(false).hosts(false).build().install();
    }
  }

  /** Every file of {@code roots} (but the command's file lock), with its bytes' hash. */

  @Test
  void theSettingsProxyCarriesEveryRequestToARepositoryOnlyItCanReach() throws Exception {
    install(settings(true));
    Lock lock = Lock.read(project.resolve(Lock.FILE)).orElseThrow();
    assertThat(lock.plugins().get(0).version()).isEqualTo("1.0.0");
    assertThat(lock.plugins().get(0).repository()).isEqualTo("team");
    assertThat(Files.readString(project.resolve(PackageManager.MANAGED
        + "/marketplace/plugins/team-plugin/.codex-plugin/plugin.json"))).contains("\"version\": \"1.0.0\"");
    String path = server.url().getPath();
    assertThat(forwarded).contains(HOST + path + "com/acme/team/maven-metadata.xml");
    assertThat(forwarded).contains(HOST + path + "com/acme/team/1.0.0/team-1.0.0.jar");
    // Maven's way: the proxy's challenge (407) first, then each request again with the proxy's credentials.
    // Every request the repository saw came through the proxy, with the repository's own credentials.
    assertThat(server.requests()).isNotEmpty();
    assertThat(server.requests().size()).isAtMost(forwarded.size());
    assertThat(server.requests().stream().map(RepositoryServer.Exchange::user).distinct().toList())
        .contains(DEPLOYER.username());
  }

  @Test
  void aProxyThatWantsCredentialsTheSettingsDoNotHaveIsAOneLineErrorNamingTheProxy() throws Exception {
    Path settingsFile = settings(false);
    Map<String, String> before = TestPlugins.state(project, codexHome);
    PackageException e = assertThrows(PackageException.class, () -> install(settingsFile));
    System.out.println("install failed: " + e.getMessage());
    assertThat(e.getMessage()).doesNotContain("\n");
    int port = ((ServerConnector) proxy.getConnectors()[0]).getLocalPort();
    URI repository = URI.create("http://" + HOST + ":" + server.port() + server.url().getPath());
    assertThat(e.getMessage()).isEqualTo("com.acme:team: the proxy 127.0.0.1:" + port + " answered 407 (proxy"
        + " authentication required) for repository team (" + repository + "); give the proxy's credentials in"
        + " ~/.m2/settings.xml as <proxy>...<username>...</username><password>...</password></proxy>");
    assertThat(TestPlugins.state(project, codexHome)).isEqualTo(before);
    assertThat(Files.exists(project.resolve(Lock.FILE))).isFalse();
    assertThat(forwarded).isNotEmpty();
    assertThat(forwarded.stream().allMatch(f -> f.startsWith("407"))).isTrue();
    assertThat(server.requests()).isEmpty();
  }
}
