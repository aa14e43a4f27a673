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
   * @param error what is wrong, e.g. {@code invalid YAML: mapping values are not allowed here at line 2, column
   *     18}, or {@code ""}
   * @param tooLarge whether a size or nesting limit was hit (then no lenient reading may be tried)
   */
  record Parsed(Optional<JsonNode> node, String error, boolean tooLarge) {
    static Parsed failed(String error, boolean tooLarge) {
      return new Parsed(Optional.empty(), error, tooLarge);
    }
  }

  /** Reads one YAML document; never throws. */
  static Parsed read(String text) {
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonNode node = MAPPER.readTree(parser);
      return new Parsed(Optional.of(node == null || node.isMissingNode() ? NullNode.getInstance() : node), "", false);
    } catch (StreamConstraintsException e) {
      return Parsed.failed(firstLine(e.getOriginalMessage()), true);
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String at = location == null || location.getLineNr() < 0 ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      return Parsed.failed("invalid YAML: " + firstLine(e.getOriginalMessage()) + at, false);
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some limits (aliases, code points, nesting) with its own unchecked exceptions.
      String message = firstLine(e.getMessage());
      boolean limit = message.contains("limit") || message.contains("exceeded") || message.contains("Nesting");
      return Parsed.failed("invalid YAML: " + message, limit);
    } catch (StackOverflowError e) {
      // Defence in depth: the nesting limits above should stop any document long before this.
      return Parsed.failed("nested too deeply", true);
    }
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

  private static String firstLine(String message) {
    String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
