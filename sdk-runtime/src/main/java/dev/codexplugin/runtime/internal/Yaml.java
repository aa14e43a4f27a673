package dev.codexplugin.runtime.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
   * Parses one YAML document; reports problems as {@code code} (e.g. {@link FindingCode#FRONT_MATTER}) on
   * {@code file}.
   */
  static Optional<JsonNode> parse(String text, String file, FindingCode code, Report report, boolean hostFatal) {
    try (JsonParser parser = MAPPER.createParser(text)) {
      JsonNode node = MAPPER.readTree(parser);
      return Optional.ofNullable(node).filter(n -> !n.isMissingNode());
    } catch (StreamConstraintsException e) {
      problem(report, FindingCode.TOO_LARGE, file, hostFatal).found("(" + firstLine(e.getOriginalMessage()) + ")")
          .fix("simplify the YAML").report();
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      String at = location == null || location.getLineNr() < 0 ? ""
          : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      problem(report, code, file, hostFatal).found("(invalid YAML: " + firstLine(e.getOriginalMessage()) + at + ")")
          .fix("fix the YAML; quote values that contain \": \" or start with a special character").report();
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some limits (aliases, code points) with its own unchecked exceptions.
      problem(report, code, file, hostFatal).found("(invalid YAML: " + firstLine(e.getMessage()) + ")")
          .fix("fix the YAML").report();
    }
    return Optional.empty();
  }

  private static Report.Problem problem(Report report, FindingCode code, String file, boolean hostFatal) {
    Report.Problem p = report.problem(code, file, "");
    return hostFatal ? p.hostFatal() : p;
  }

  private static String firstLine(String message) {
    String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
