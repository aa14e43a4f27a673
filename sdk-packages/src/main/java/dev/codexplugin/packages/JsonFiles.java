package dev.codexplugin.packages;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
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
import dev.codexplugin.runtime.SafeText;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the package manager's own JSON files (declaration, lock, state): strict on reading (UTF-8,
 * no duplicate keys, one value), and one fixed layout on writing (two-space indentation, {@code "key": value},
 * one array element per line, {@code \n}, a final newline), so that the files are stable and diff well.
 */
final class JsonFiles {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Larger files are not declarations or locks. */
  private static final long MAX_BYTES = 16L << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

  private static final ObjectWriter WRITER;

  static {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withArrayIndenter(indenter)
        .withObjectIndenter(indenter);
    WRITER = MAPPER.writer(printer);
  }

  private JsonFiles() {}

  /** The fixed text of a JSON value, ending with a newline. */
  static String text(JsonNode node) {
    try {
      return WRITER.writeValueAsString(node).replace("[ ]", "[]").replace("{ }", "{}") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  /** Compact text for hashing. */
  static String compact(JsonNode node) {
    return node.toString();
  }

  /** Reads a JSON object, or empty when the file does not exist. */
  static Optional<ObjectNode> readObject(Path file, String fix) throws PackageException {
    byte[] bytes;
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      if (!attributes.isRegularFile()) {
        // a FIFO would block the read until a writer comes; a folder or a device is no JSON file either
        throw new PackageException(file + ": is " + (attributes.isDirectory() ? "a folder" : "a named pipe, device"
            + " or socket, which is never opened") + ", not a file; " + fix);
      }
      if (attributes.size() > MAX_BYTES) {
        throw new PackageException(file + ": larger than 16 MiB, which no declaration or lock is; " + fix);
      }
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PackageException(file + ": cannot be read (" + e + "); check its permissions");
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new PackageException(file + ": must be UTF-8 text; " + fix);
    }
    if (text.startsWith("\uFEFF")) {
      throw new PackageException(file + ": must not start with a byte-order mark; save it as UTF-8 without BOM");
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      // What was expected and where, never the text found: Jackson quotes it (SafeText.jsonSyntax).
      throw new PackageException(file + ": not valid JSON; found " + SafeText.jsonSyntax(e.getOriginalMessage())
          + where + "; " + fix);
    }
    if (node == null || !node.isObject()) {
      throw new PackageException(file + ": must hold a JSON object; " + fix);
    }
    return Optional.of((ObjectNode) node);
  }

  /** A required text field. */
  static String text(ObjectNode o, String field, Path file, String where, String fix) throws PackageException {
    JsonNode v = o.get(field);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw new PackageException(file + ": " + where + field + " must be a non-empty string; " + fix);
    }
    return v.textValue();
  }

  /** An optional text field. */
  static Optional<String> optionalText(ObjectNode o, String field, Path file, String where, String fix)
      throws PackageException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw new PackageException(file + ": " + where + field + " must be a string; " + fix);
    }
    return Optional.of(v.textValue());
  }

  /** A required array of objects. */
  static List<ObjectNode> objects(ObjectNode o, String field, Path file, String where, String fix)
      throws PackageException {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new PackageException(file + ": " + where + field + " must be an array; " + fix);
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isObject()) {
        throw new PackageException(file + ": " + where + field + " must hold objects only; " + fix);
      }
      out.add((ObjectNode) e);
    }
    return out;
  }

  /** Unknown keys are refused, so that a misspelt key is not silently ignored. */
  static void onlyKeys(ObjectNode o, Path file, String where, List<String> keys) throws PackageException {
    for (var it = o.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!keys.contains(key)) {
        throw new PackageException(file + ": " + where + "unknown key \"" + key + "\"; the keys are " + keys
            + " (docs/PACKAGES.md)");
      }
    }
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }
}
