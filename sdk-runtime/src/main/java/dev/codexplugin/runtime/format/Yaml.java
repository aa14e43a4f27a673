package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.codexplugin.runtime.FindingCode;
import java.io.IOException;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/** Strict YAML reading for front matter and {@code agents/openai.yaml}: no duplicate keys, few aliases. */
final class Yaml {
  private static final ObjectMapper MAPPER;

  static {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    options.setNestingDepthLimit(Json.MAX_DEPTH);
    options.setCodePointLimit(Limits.MAX_TEXT_BYTES);
    YAMLFactory factory = YAMLFactory.builder()
        .loaderOptions(options)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(Json.MAX_DEPTH).build())
        .build();
    MAPPER = new ObjectMapper(factory);
  }

  private Yaml() {}

  /**
   * The outcome of reading one YAML document without reporting: the document ({@link NullNode} for an empty
   * one), or why it could not be read.
   *
   * @param node the document, when it could be read
   * @param error what is wrong, in fixed words and never the text found, e.g. {@code invalid YAML: a syntax error
   *     (mapping values are not allowed here) at line 2, column 18}, or {@code ""}
   * @param tooLarge whether a size or nesting limit was hit (then no lenient reading may be tried)
   */
  record Parsed(Optional<JsonNode> node, String error, boolean tooLarge) {
    static Parsed failed(String error, boolean tooLarge) {
      return new Parsed(Optional.empty(), error, tooLarge);
    }
  }

  /** Reads one YAML document; never throws. */
  static Parsed read(String text) {
    return read(text, 0);
  }

  /**
   * Reads one YAML document that starts {@code lineOffset} lines into its file (1 for front matter after its
   * {@code ---} line), so that an error names the line of the file; never throws. An error says what the parser
   * expected, in fixed words, and where, but never echoes the text it found (SnakeYAML quotes it, with the whole
   * line, and a file read by mistake may be a secret).
   */
  static Parsed read(String text, int lineOffset) {
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonNode node = MAPPER.readTree(parser);
      return new Parsed(Optional.of(node == null || node.isMissingNode() ? NullNode.getInstance() : node), "", false);
    } catch (StreamConstraintsException e) {
      return Parsed.failed(limit(e.getOriginalMessage()) + at(e, lineOffset), true);
    } catch (JsonProcessingException e) {
      return Parsed.failed(describe(e) + at(e, lineOffset), false);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some limits (aliases, code points, nesting) with its own unchecked exceptions.
      String message = e.getMessage() == null ? "" : e.getMessage();
      boolean limit = message.contains("limit") || message.contains("exceeded") || message.contains("Nesting");
      if (limit) {
        return Parsed.failed(limit(message), true);
      }
      return Parsed.failed("invalid YAML: " + (message.contains("aliases") ? limit(message) : problem(e)), false);
    } catch (StackOverflowError e) {
      // Defence in depth: the nesting limits above should stop any document long before this.
      return Parsed.failed("nested too deeply", true);
    }
  }

  /** What went wrong, in the SDK's words: the problem of SnakeYAML's exception, or of Jackson's. */
  private static String describe(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (original.startsWith("Duplicate field")) {
      return "invalid YAML: a key twice";
    }
    return "invalid YAML: " + problem(e);
  }

  /** The SnakeYAML problem behind {@code e} (the first marked exception among its causes), in fixed words. */
  private static String problem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked) {
        return problem(marked.getProblem());
      }
      if (t instanceof org.yaml.snakeyaml.reader.ReaderException) {
        return "a character YAML does not allow (a control character)";
      }
    }
    return "a syntax error";
  }

  /**
   * What may be said of a lower-case template phrase of SnakeYAML's: only words and quoted punctuation or
   * {@code <token>} names, never a found value (anything from "found" or "but" on is dropped first).
   */
  private static final java.util.regex.Pattern SAFE_PHRASE = java.util.regex.Pattern.compile(
      "[a-z][a-z0-9 ,]*(?:(?:'[^\\p{Alnum}\\s']'|'?<[a-z ]+>'?)[a-z0-9 ,]*)*");

  /** A SnakeYAML problem ({@code MarkedYAMLException.getProblem()}) in fixed words, for "found ...". */
  static String problem(String problem) {
    String p = problem == null ? "" : problem.strip();
    if (p.startsWith("found unexpected end of stream")) {
      return "the end of the text too early (an unclosed quote or bracket)";
    }
    if (p.startsWith("found character") && p.contains("cannot start any token")) {
      return "a character that cannot start any token (a tab used for indentation, or @ or ` starting a value)";
    }
    if (p.startsWith("found unknown escape character")) {
      return "an unknown escape in a double-quoted string";
    }
    if (p.startsWith("found undefined tag handle")) {
      return "an undefined tag handle";
    }
    if (p.startsWith("found undefined alias")) {
      return "an alias without its anchor";
    }
    if (p.startsWith("found duplicate")) {
      return "a key or anchor twice";
    }
    int cut = p.length();
    for (String tail : new String[] {", but ", " but found", " but got", "found"}) {
      int at = p.indexOf(tail);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    String head = p.substring(0, cut).strip();
    if (head.endsWith(",")) {
      head = head.substring(0, head.length() - 1);
    }
    return !head.isEmpty() && SAFE_PHRASE.matcher(head).matches() ? "a syntax error (" + head + ")"
        : "a syntax error";
  }

  /** A limit SnakeYAML or Jackson hit, in fixed words. */
  private static String limit(String message) {
    String m = message == null ? "" : message;
    if (m.contains("aliases")) {
      return "more aliases than the YAML reader allows";
    }
    if (m.contains("code points") || m.contains("length")) {
      return "more text than the YAML reader allows";
    }
    if (m.contains("depth") || m.contains("Nesting") || m.contains("nesting")) {
      return "deeper nesting than the YAML reader allows";
    }
    return "more than the YAML reader allows";
  }

  /** Where the problem is: SnakeYAML's mark of the problem, else Jackson's location; {@code ""} if unknown. */
  private static String at(JsonProcessingException e, int lineOffset) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof org.yaml.snakeyaml.error.MarkedYAMLException marked && marked.getProblemMark() != null) {
        return " at line " + (marked.getProblemMark().getLine() + 1 + lineOffset) + ", column "
            + (marked.getProblemMark().getColumn() + 1);
      }
    }
    var location = e.getLocation();
    return location == null || location.getLineNr() < 0 ? ""
        : " at line " + (location.getLineNr() + lineOffset) + ", column " + location.getColumnNr();
  }

  /**
   * Parses one YAML document; reports problems as {@code code} (e.g. {@link FindingCode#BAD_YAML}) on
   * {@code file}, or as {@link FindingCode#TOO_LARGE} when a limit is hit. An empty document is empty.
   */
  static Optional<JsonNode> parse(String text, String file, FindingCode code, ReadContext context) {
    Parsed parsed = read(text);
    if (parsed.node().isPresent()) {
      return parsed.node().filter(n -> !n.isNull());
    }
    if (parsed.tooLarge()) {
      context.problem(FindingCode.TOO_LARGE, file, "").arg("limit", "the YAML reader's size and nesting limits")
          .found(parsed.error()).fix("simplify the YAML").report();
    } else {
      context.problem(code, file, "").found(parsed.error())
          .fix("fix the YAML; quote values that contain \": \" or start with a special character").report();
    }
    return Optional.empty();
  }
}
