package dev.codexplugin.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A file tree written as text, the input of {@link BundleFuzzTest}: readable seeds, and mutations that keep the
 * structure. Each entry starts with a header line, {@code @@ <kind> <path>}; a {@code file} entry's content is
 * every line up to the next header:
 *
 * <pre>
 * @@ file .codex-plugin/plugin.json
 * {"name": "fuzz"}
 * @@ dir skills/empty
 * @@ link skills/x -> ../../outside/secret.json
 * @@ fifo .mcp.json
 * </pre>
 *
 * Lines before the first header are ignored; an unknown kind is a {@code file}.
 */
final class Tree {
  enum Kind { FILE, DIR, LINK, FIFO }

  record Entry(Kind kind, String path, String target, byte[] content) {}

  private Tree() {}

  static List<Entry> parse(byte[] input) {
    List<Entry> entries = new ArrayList<>();
    Entry open = null;
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    int start = 0;
    while (start < input.length) {
      int end = start;
      while (end < input.length && input[end] != '\n') {
        end++;
      }
      int next = Math.min(end + 1, input.length); // past the newline
      if (end - start >= 3 && input[start] == '@' && input[start + 1] == '@' && input[start + 2] == ' ') {
        if (open != null) {
          entries.add(withContent(open, content));
        }
        open = header(new String(input, start + 3, end - start - 3, UTF_8));
      } else if (open != null) {
        content.write(input, start, next - start);
      }
      start = next;
    }
    if (open != null) {
      entries.add(withContent(open, content));
    }
    return entries;
  }

  private static Entry header(String line) {
    int space = line.indexOf(' ');
    String word = space < 0 ? line : line.substring(0, space);
    String path = space < 0 ? "" : line.substring(space + 1);
    Kind kind = switch (word) {
      case "dir" -> Kind.DIR;
      case "link" -> Kind.LINK;
      case "fifo" -> Kind.FIFO;
      default -> Kind.FILE;
    };
    String target = null;
    if (kind == Kind.LINK) {
      int arrow = path.indexOf(" -> ");
      target = arrow < 0 ? "" : path.substring(arrow + 4);
      path = arrow < 0 ? path : path.substring(0, arrow);
    }
    return new Entry(kind, path, target, null);
  }

  private static Entry withContent(Entry entry, ByteArrayOutputStream content) {
    Entry done = new Entry(entry.kind(), entry.path(), entry.target(), content.toByteArray());
    content.reset();
    return done;
  }
}
