/*
 * The codexplugin wrapper's download step, run by ./codexplugin (and codexplugin.cmd) with the JDK's source
 * launcher when the pinned CLI is not in the cache yet:
 *
 *   java .codexplugin-wrapper/CodexpluginWrapper.java <codexplugin-wrapper.properties> <cached jar>
 *
 * It fetches the CLI jar that the properties pin from the team's Maven repositories (nowhere else), checks its
 * sha256 against the pin, and moves it into the cache only then; the script runs the cached jar. Written by
 * `codexplugin init`; commit it with the scripts. Plain Java 11 on purpose: it must compile on whatever JDK the
 * machine has, to say clearly when that JDK is too old for the CLI. Nothing here is an API.
 *
 * Credentials of a repository <id>, first found wins: the environment variables CODEXPLUGIN_REPO_<ID>_USERNAME
 * and CODEXPLUGIN_REPO_<ID>_PASSWORD (<ID> upper case, other characters as _), then the <server> with that <id>
 * in ~/.m2/settings.xml (${env.NAME} in it is replaced; encrypted passwords are not supported).
 */

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

public final class CodexpluginWrapper {
  private static final int CLI_JAVA = 17;
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern TIMESTAMPED = Pattern.compile("(.+)-([0-9]{8}\\.[0-9]{6})-([0-9]+)");
  private static final Pattern ENV = Pattern.compile("\\$\\{env\\.([A-Za-z0-9_]+)\\}");

  private CodexpluginWrapper() {}

  /** A one-line error for the user: what failed and how to fix it. */
  static final class WrapperError extends Exception {
    private static final long serialVersionUID = 1L;

    WrapperError(String message) {
      super(message);
    }
  }

  public static void main(String[] args) {
    try {
      if (args.length != 2) {
        throw new WrapperError("usage: java CodexpluginWrapper.java <codexplugin-wrapper.properties> <cached jar>;"
            + " run ./codexplugin (or codexplugin.cmd) instead");
      }
      fetch(Paths.get(args[0]), Paths.get(args[1]));
    } catch (WrapperError e) {
      System.err.println("codexplugin wrapper: error: " + e.getMessage());
      System.exit(1);
    }
  }

  static void fetch(Path propertiesFile, Path target) throws WrapperError {
    int feature = Runtime.version().feature();
    if (feature < CLI_JAVA) {
      throw new WrapperError("codexplugin needs Java " + CLI_JAVA + " or newer, and " + System.getProperty("java.home")
          + " is Java " + feature + "; set JAVA_HOME to a JDK " + CLI_JAVA + "+");
    }
    Properties properties = load(propertiesFile);
    String cli = required(properties, propertiesFile, "cli");
    String sha256 = required(properties, propertiesFile, "sha256").toLowerCase(Locale.ROOT);
    if (!SHA256.matcher(sha256).matches()) {
      throw new WrapperError(propertiesFile + ": sha256 must be 64 hex digits; found \"" + sha256 + "\"; run"
          + " `codexplugin init` again to pin the CLI");
    }
    String[] parts = cli.split(":", -1);
    if (parts.length != 5 || cli.contains("/") || cli.contains("..")) {
      throw new WrapperError(propertiesFile + ": cli must be groupId:artifactId:extension:classifier:version, such"
          + " as dev.codexplugin:sdk-cli:jar:all:0.1.0; found \"" + cli + "\"");
    }
    String version = parts[4];
    if (version.endsWith("-SNAPSHOT")) {
      throw new WrapperError(propertiesFile + ": cli pins " + version + ", which changes with every deployment;"
          + " pin a release or a timestamped snapshot such as 0.1.0-20261202.101500-1");
    }
    Matcher timestamped = TIMESTAMPED.matcher(version);
    String folder = timestamped.matches() ? timestamped.group(1) + "-SNAPSHOT" : version;
    String path = parts[0].replace('.', '/') + "/" + parts[1] + "/" + folder + "/" + parts[1] + "-" + version
        + (parts[3].isEmpty() ? "" : "-" + parts[3]) + "." + parts[2];
    List<String[]> repositories = repositories(properties, propertiesFile);

    HttpClient http = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
    String failure = null;
    List<String> notFound = new ArrayList<>();
    for (String[] repository : repositories) {
      String id = repository[0];
      URI url = URI.create(repository[1].endsWith("/") ? repository[1] : repository[1] + "/").resolve(path);
      String[] credentials = credentials(id);
      try {
        if (download(http, url, credentials, target, sha256, id, cli)) {
          return;
        }
        notFound.add(id + " (" + url + ")");
      } catch (WrapperError e) {
        if (failure == null) {
          failure = e.getMessage();
        }
      }
    }
    if (failure != null) {
      throw new WrapperError(failure);
    }
    throw new WrapperError(cli + " is not in " + String.join(" nor ", notFound) + "; check cli= in " + propertiesFile
        + " and that the team deployed that version");
  }

  /** True when downloaded and verified; false for a 404; a WrapperError for anything else. */
  private static boolean download(HttpClient http, URI url, String[] credentials, Path target, String sha256,
      String id, String cli) throws WrapperError {
    if ("file".equalsIgnoreCase(url.getScheme())) {
      return copy(Paths.get(url), target, sha256, id, cli);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(url)
        .timeout(Duration.ofMinutes(5))
        .header("User-Agent", "codexplugin-wrapper")
        .GET();
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
          (credentials[0] + ":" + credentials[1]).getBytes(StandardCharsets.UTF_8)));
    }
    Path part = null;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      part = Files.createTempFile(target.toAbsolutePath().getParent(), ".download-", ".part");
      HttpResponse<Path> response;
      try {
        response = http.send(request.build(), HttpResponse.BodyHandlers.ofFile(part));
      } catch (IOException e) {
        throw new WrapperError("downloading " + url + " failed (" + describe(e) + "); check the network and the"
            + " repository \"" + id + "\", then run the command again");
      }
      int status = response.statusCode();
      if (status == 404) {
        return false;
      }
      if (status == 401 || status == 403) {
        String how = "the environment variables CODEXPLUGIN_REPO_" + envName(id) + "_USERNAME and _PASSWORD, or a"
            + " <server> with <id>" + id + "</id> in ~/.m2/settings.xml";
        throw new WrapperError(url + " answered " + status + (status == 401 ? " Unauthorized" : " Forbidden") + ": "
            + (credentials == null ? "no credentials for repository \"" + id + "\"; give them in " + how
                : "the repository refused the credentials of \"" + id + "\" from " + credentials[2]
                    + "; correct them (" + how + ")"));
      }
      if (status != 200) {
        throw new WrapperError(url + " answered " + status + "; the repository \"" + id + "\" failed: try again"
            + " later, or ask its administrators");
      }
      verifyAndMove(part, target, sha256, url.toString(), id, cli);
      part = null;
      return true;
    } catch (IOException e) {
      throw new WrapperError("cannot write the cache " + target + " (" + describe(e) + "); set CODEXPLUGIN_HOME to a"
          + " writable folder");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WrapperError("interrupted while downloading " + url);
    } finally {
      if (part != null) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException ignored) {
          // The temporary file is named .download-*.part; a later run does not read it.
        }
      }
    }
  }

  /** A repository on disk (a file: URL): the same checks, no network. */
  private static boolean copy(Path source, Path target, String sha256, String id, String cli) throws WrapperError {
    if (!Files.isRegularFile(source)) {
      return false;
    }
    Path part = null;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      part = Files.createTempFile(target.toAbsolutePath().getParent(), ".download-", ".part");
      Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
      verifyAndMove(part, target, sha256, source.toString(), id, cli);
      part = null;
      return true;
    } catch (IOException e) {
      throw new WrapperError("cannot copy " + source + " into the cache " + target + " (" + describe(e) + ")");
    } finally {
      if (part != null) {
        try {
          Files.deleteIfExists(part);
        } catch (IOException ignored) {
          // As in download: a later run never reads a .part file.
        }
      }
    }
  }

  /** Moves the download into the cache only when its sha256 is the pinned one. */
  private static void verifyAndMove(Path part, Path target, String sha256, String from, String id, String cli)
      throws IOException, WrapperError {
    String actual = sha256(part);
    if (!actual.equals(sha256)) {
      throw new WrapperError(cli + " from " + from + " has sha256 " + actual + ", but the wrapper pins " + sha256
          + "; the repository serves other bytes than the team pinned: nothing was run; ask who deployed it"
          + " before changing the pin");
    }
    Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    System.err.println("codexplugin wrapper: fetched " + cli + " from " + id + ", sha256 verified");
  }

  private static Properties load(Path file) throws WrapperError {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new WrapperError("cannot read " + file + " (" + describe(e) + "); run `codexplugin init` to write the"
          + " wrapper's files");
    }
    return properties;
  }

  private static String required(Properties properties, Path file, String key) throws WrapperError {
    String value = properties.getProperty(key, "").trim();
    if (value.isEmpty()) {
      throw new WrapperError(file + ": " + key + "= is missing; run `codexplugin init` again to pin the CLI");
    }
    return value;
  }

  /** repositories=id=url,id=url: in order. */
  private static List<String[]> repositories(Properties properties, Path file) throws WrapperError {
    List<String[]> repositories = new ArrayList<>();
    for (String entry : required(properties, file, "repositories").split(",")) {
      String trimmed = entry.trim();
      int equals = trimmed.indexOf('=');
      String url = equals < 0 ? "" : trimmed.substring(equals + 1).trim();
      if (equals <= 0 || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("file:"))) {
        throw new WrapperError(file + ": repositories must be id=url pairs separated by commas, such as"
            + " team=https://repo.acme.com/releases; found \"" + trimmed + "\"");
      }
      repositories.add(new String[] {trimmed.substring(0, equals).trim(), url});
    }
    return repositories;
  }

  /** {user, password, where they came from}, or null. */
  private static String[] credentials(String id) throws WrapperError {
    String user = System.getenv("CODEXPLUGIN_REPO_" + envName(id) + "_USERNAME");
    String password = System.getenv("CODEXPLUGIN_REPO_" + envName(id) + "_PASSWORD");
    if (user != null && password != null) {
      return new String[] {user, password, "CODEXPLUGIN_REPO_" + envName(id) + "_USERNAME/_PASSWORD"};
    }
    Path settings = home().resolve(".m2").resolve("settings.xml");
    if (!Files.isRegularFile(settings)) {
      return null;
    }
    Document document;
    try (InputStream in = Files.newInputStream(settings)) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setExpandEntityReferences(false);
      document = factory.newDocumentBuilder().parse(in);
    } catch (Exception e) {
      throw new WrapperError("cannot read " + settings + " (" + describe(e) + "); fix the XML or give the"
          + " credentials in CODEXPLUGIN_REPO_" + envName(id) + "_USERNAME and _PASSWORD");
    }
    NodeList servers = document.getElementsByTagName("server");
    for (int i = 0; i < servers.getLength(); i++) {
      Element server = (Element) servers.item(i);
      if (id.equals(text(server, "id"))) {
        String username = interpolate(text(server, "username"), settings);
        String secret = interpolate(text(server, "password"), settings);
        if (username == null || secret == null) {
          return null;
        }
        if (secret.startsWith("{") && secret.endsWith("}")) {
          throw new WrapperError(settings + ": the password of server \"" + id + "\" is encrypted, which the wrapper"
              + " cannot read; give it in CODEXPLUGIN_REPO_" + envName(id) + "_PASSWORD");
        }
        return new String[] {username, secret, settings.toString()};
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element && ((Element) node).getTagName().equals(name)) {
        return node.getTextContent().trim();
      }
    }
    return null;
  }

  private static String interpolate(String value, Path settings) throws WrapperError {
    if (value == null) {
      return null;
    }
    Matcher matcher = ENV.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String replacement = System.getenv(matcher.group(1));
      if (replacement == null) {
        throw new WrapperError(settings + " refers to ${env." + matcher.group(1) + "}, which is not set; set it");
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  /** $HOME where the shell has one (as the script's cache), else the JVM's user.home. */
  private static Path home() {
    String home = System.getenv("HOME");
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    return home != null && !home.isEmpty() && !windows ? Paths.get(home) : Paths.get(System.getProperty("user.home"));
  }

  static String envName(String id) {
    return id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    StringBuilder hex = new StringBuilder();
    for (byte b : digest.digest()) {
      hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return hex.toString();
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isEmpty() ? e.getClass().getSimpleName() : message;
  }
}
