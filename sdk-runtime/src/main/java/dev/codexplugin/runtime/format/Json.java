package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.FindingCode.HostImpact;
import dev.codexplugin.runtime.SafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Strict JSON in, deterministic JSON out. Reading rejects a byte-order mark, invalid UTF-8, duplicate keys,
 * trailing content and nesting deeper than {@link #MAX_DEPTH}; writing uses two-space indentation,
 * {@code "key": value} and {@code \n} line ends on every platform.
 */
public final class Json {
  /** Deepest nesting any of the format's files needs is 6; anything past this is hostile. */
  public static final int MAX_DEPTH = 64;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxStringLength(Limits.MAX_TEXT_BYTES)
          .maxNumberLength(100)
          .build())
      .build();

  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** The same reader without duplicate detection (the last value wins), to read on after a duplicate. */
  private static final ObjectMapper LENIENT = new ObjectMapper(FACTORY.rebuild()
      .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"))
      .withSeparators(Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator("")));

  private Json() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new array of strings. */
  public static ArrayNode strings(Collection<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }

  /** An object of the map's entries, in the map's order. */
  public static ObjectNode stringMap(Map<String, String> map) {
    ObjectNode node = object();
    map.forEach(node::put);
    return node;
  }

  /** The node as pretty-printed UTF-8 with a final newline. */
  public static byte[] bytes(JsonNode node) {
    try {
      return (WRITER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node as compact JSON text. */
  public static String compact(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code bytes} strictly. Problems are reported on {@code file} in {@code context} (what the host loses
   * when this file cannot be read).
   */
  public static Optional<JsonNode> parse(byte[] bytes, String file, ReadContext context) {
    return parse(bytes, file, context, field -> context.matters());
  }

  /**
   * Parses {@code bytes} strictly; a duplicate key is reported on its field (e.g. {@code interface.logo}) and
   * is host-fatal when {@code duplicateFatal} says so (Codex rejects duplicates of the fields it reads, and
   * keeps the last of other keys). The first duplicate is reported; the last value wins.
   */
  public static Optional<JsonNode> parse(byte[] bytes, String file, ReadContext context,
      Predicate<String> duplicateFatal) {
    Optional<String> text = decode(bytes, file, context);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try (JsonParser parser = MAPPER.createParser(text.get())) {
      JsonNode node = MAPPER.readTree(parser);
      if (node == null || node.isMissingNode()) {
        context.problem(FindingCode.BAD_JSON, file, "").found("an empty file").fix("write a JSON object").report();
        return Optional.empty();
      }
      return Optional.of(node);
    } catch (JsonParseException e) {
      if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
        return duplicate(text.get(), file, context, duplicateFatal);
      }
      syntax(file, context, e);
    } catch (IOException e) {
      syntax(file, context, e);
    }
    return Optional.empty();
  }

  /**
   * Reports every duplicate key of {@code text} (on its dotted field, e.g. {@code interface.logo} or
   * {@code hooks.Stop[0].matcher}), then reads it leniently: the last value of a key wins, as in Codex for
   * the keys it does not read.
   */
  private static Optional<JsonNode> duplicate(String text, String file, ReadContext context,
      Predicate<String> duplicateFatal) {
    try (JsonParser parser = LENIENT.createParser(text)) {
      Deque<Set<String>> objects = new ArrayDeque<>();
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT -> objects.push(new HashSet<>());
          case END_OBJECT -> objects.pop();
          case FIELD_NAME -> {
            if (!objects.peek().add(parser.currentName())) {
              String field = path(parser.getParsingContext());
              boolean fatal = duplicateFatal.test(field);
              context.with(fatal ? context.impact() : HostImpact.NONE).problem(FindingCode.BAD_JSON, file, field)
                  .found("the key twice" + at(parser))
                  .fix("remove one; Codex " + (fatal ? "rejects the file" : "keeps the last one")).report();
            }
          }
          default -> { }
        }
      }
    } catch (IOException again) {
      syntax(file, context, again);
      return Optional.empty();
    }
    try (JsonParser lenient = LENIENT.createParser(text)) {
      return Optional.ofNullable(LENIENT.readTree(lenient));
    } catch (IOException again) {
      syntax(file, context, again);
      return Optional.empty();
    }
  }

  /** The dotted path of the current field, e.g. {@code interface.logo}, {@code hooks.Stop[0].matcher}. */
  private static String path(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inObject()) {
        path.insert(0, "." + c.getCurrentName());
      } else if (c.inArray()) {
        path.insert(0, "[" + c.getCurrentIndex() + "]");
      }
    }
    return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }

  private static String at(JsonParser parser) {
    var location = parser.currentTokenLocation();
    return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static String at(JsonProcessingException e) {
    var location = e.getLocation();
    return location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static void syntax(String file, ReadContext context, IOException error) {
    if (error instanceof StreamConstraintsException c) {
      context.problem(FindingCode.TOO_LARGE, file, "").arg("limit", MAX_DEPTH + " levels of nesting")
          .found(firstLine(c.getOriginalMessage()))
          .fix("no file of the format needs more than " + MAX_DEPTH + " levels of nesting").report();
      return;
    }
    if (error instanceof JsonProcessingException e) {
      context.problem(FindingCode.BAD_JSON, file, "").found(SafeText.jsonSyntax(e.getOriginalMessage()) + at(e)).report();
      return;
    }
    context.problem(FindingCode.IO, file, "").found(error.getClass().getSimpleName()).report();
  }

  /** Decodes strict UTF-8 without a byte-order mark, reporting {@link FindingCode#BAD_ENCODING}. */
  public static Optional<String> decode(byte[] bytes, String file, ReadContext context) {
    if (Text.hasBom(bytes)) {
      context.problem(FindingCode.BAD_ENCODING, file, "").found("a byte-order mark").report();
      return Optional.empty();
    }
    Optional<String> text = Text.decodeUtf8(bytes);
    if (text.isEmpty()) {
      context.problem(FindingCode.BAD_ENCODING, file, "").found("bytes that are not UTF-8").fix("save it as UTF-8")
          .report();
    }
    return text;
  }

  private static String firstLine(String message) {
    String line = message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
