package dev.codexplugin.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stand-in for the Codex CLI and Claude Code in unit tests: the subcommands and JSON the package manager uses
 * (docs/research/hosts-install.md), with the real hosts' file effects that matter here: Codex copies a plugin into
 * {@code $CODEX_HOME/plugins/cache/<m>/<p>/<version>} on add and deletes it on remove; Claude Code loads a
 * directory marketplace's plugin in place. Every call is appended to {@code calls.log} in the host's home.
 *
 * <pre>
 * java -cp &lt;test-support&gt; dev.codexplugin.testing.FakeHost codex|claude &lt;the host's arguments&gt;
 * </pre>
 *
 * <p>The state is in {@code $CODEX_HOME}, respectively {@code $CLAUDE_CONFIG_DIR}, in {@code fake-state.txt}.
 */
public final class FakeHost {
  private FakeHost() {}

  /** Runs one host command: {@code codex|claude} and the host's arguments. */
  public static void main(String[] args) throws IOException {
    String host = args[0];
    Path home = Path.of(System.getenv(host.equals("codex") ? "CODEX_HOME" : "CLAUDE_CONFIG_DIR"));
    Files.createDirectories(home);
    List<String> a = List.of(args).subList(1, args.length);
    Files.writeString(home.resolve("calls.log"), String.join(" ", a) + "\n", StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    Path stateFile = home.resolve("fake-state.txt");
    TreeMap<String, String> state = new TreeMap<>();
    if (Files.exists(stateFile)) {
      for (String line : Files.readAllLines(stateFile)) {
        String[] kv = line.split(" ", 2);
        state.put(kv[0], kv[1]);
      }
    }
    String out;
    if (a.get(0).equals("plugin") && a.get(1).equals("marketplace")) {
      if (a.get(2).equals("add")) {
        Path root = Path.of(a.get(3));
        String name = find(Files.readString(root.resolve(host.equals("codex") ? ".agents/plugins/marketplace.json"
            : ".claude-plugin/marketplace.json")), "name");
        state.put("market:" + name, root.toString());
        out = "{\"marketplaceName\": \"" + name + "\", \"alreadyAdded\": false}";
      } else {
        state.remove("market:" + a.get(3));
        out = "{}";
      }
    } else if (a.get(1).equals("list")) {
      StringBuilder list = new StringBuilder();
      for (var e : state.entrySet()) {
        if (!e.getKey().startsWith("plugin:")) {
          continue;
        }
        String id = e.getKey().substring(7);
        if (list.length() > 0) {
          list.append(',');
        }
        if (host.equals("codex")) {
          list.append("{\"pluginId\": \"" + id + "\", \"version\": \"" + e.getValue()
              + "\", \"installed\": true, \"enabled\": true}");
        } else {
          list.append("{\"id\": \"" + id + "\", \"version\": \"" + e.getValue() + "\", \"scope\": \"project\","
              + " \"enabled\": true, \"readFromFolder\": \"" + folder(state, id) + "\"}");
        }
      }
      out = host.equals("codex") ? "{\"installed\": [" + list + "], \"available\": []}" : "[" + list + "]";
    } else {
      String verb = a.get(1);
      String id = a.get(2);
      String plugin = id.substring(0, id.lastIndexOf('@'));
      String market = id.substring(id.lastIndexOf('@') + 1);
      Path cache = home.resolve("plugins/cache").resolve(market).resolve(plugin);
      if (verb.equals("add") || verb.equals("install") || verb.equals("update")) {
        Path source = folder(state, id);
        String version = find(Files.readString(source.resolve(host.equals("codex") ? ".codex-plugin/plugin.json"
            : ".claude-plugin/plugin.json")), "version");
        state.put("plugin:" + id, version);
        out = "{\"version\": \"" + version + "\"}";
        if (host.equals("codex")) {
          delete(cache);
          Path target = cache.resolve(version);
          copy(source, target);
          out = "{\"version\": \"" + version + "\", \"installedPath\": \"" + target + "\"}";
        }
      } else {
        state.remove("plugin:" + id);
        delete(cache);
        out = "{}";
      }
    }
    StringBuilder text = new StringBuilder();
    state.forEach((k, v) -> text.append(k).append(' ').append(v).append('\n'));
    Files.writeString(stateFile, text);
    System.out.println(out);
  }

  private static Path folder(TreeMap<String, String> state, String id) {
    String plugin = id.substring(0, id.lastIndexOf('@'));
    return Path.of(state.get("market:" + id.substring(id.lastIndexOf('@') + 1))).resolve("plugins").resolve(plugin);
  }

  private static String find(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + key + " in " + json);
    }
    return m.group(1);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
