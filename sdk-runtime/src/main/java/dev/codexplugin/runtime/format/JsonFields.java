package dev.codexplugin.runtime.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.codexplugin.runtime.FindingCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, reporting access to one JSON object of a bundle file. A value of the wrong type is reported as
 * {@link FindingCode#WRONG_TYPE} naming the field and the expected type, and read as absent, so one bad field
 * never hides the others.
 */
public final class JsonFields {
  private final JsonNode node;
  private final String file;
  private final String path;
  private final ReadContext context;

  /**
   * @param context where problems go, and what the host loses when a value here has the wrong type
   */
  public JsonFields(JsonNode node, String file, String path, ReadContext context) {
    this.node = node;
    this.file = file;
    this.path = path;
    this.context = context;
  }

  /** Wraps {@code node} when it is an object; reports {@link FindingCode#WRONG_TYPE} otherwise. */
  public static Optional<JsonFields> of(JsonNode node, String file, String path, ReadContext context) {
    if (node != null && node.isObject()) {
      return Optional.of(new JsonFields(node, file, path, context));
    }
    wrongType(context, file, path, "a JSON object", node);
    return Optional.empty();
  }

  public String file() {
    return file;
  }

  public String path() {
    return path;
  }

  /** Where problems are reported, and with which impact. */
  public ReadContext context() {
    return context;
  }

  /** The same object, read with {@code impact} instead (a field the host reads less strictly). */
  public JsonFields with(dev.codexplugin.runtime.FindingCode.HostImpact impact) {
    return new JsonFields(node, file, path, context.with(impact));
  }

  /** The place of {@code key} of this object. */
  public Place place(String key) {
    return new Place(file, field(key));
  }

  public boolean has(String key) {
    return node.has(key) && !node.get(key).isNull();
  }

  public JsonNode raw(String key) {
    return node.get(key);
  }

  /** The field names, in file order. */
  public List<String> keys() {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  public String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A string field; {@code ""} when absent or of the wrong type. */
  public String text(String key) {
    return optText(key).orElse("");
  }

  /** A string field, empty when absent or of the wrong type. */
  public Optional<String> optText(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isTextual()) {
      wrongType(context, file, field(key), "a string", value);
      return Optional.empty();
    }
    return Optional.of(value.textValue());
  }

  /** An array of strings; empty when absent or of the wrong type. */
  public List<String> texts(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      wrongType(context, file, field(key), "an array of strings", value);
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        wrongType(context, file, field(key) + "[" + i + "]", "a string", item);
        return List.of();
      }
      out.add(item.textValue());
    }
    return out;
  }

  /** An object of string values; empty when absent or of the wrong type. */
  public Map<String, String> textMap(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Map.of();
    }
    if (!value.isObject()) {
      wrongType(context, file, field(key), "an object of strings", value);
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      if (!entry.getValue().isTextual()) {
        wrongType(context, file, field(key) + "." + entry.getKey(), "a string", entry.getValue());
        return Map.of();
      }
      out.put(entry.getKey(), entry.getValue().textValue());
    }
    return out;
  }

  public Optional<Boolean> bool(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      wrongType(context, file, field(key), "true or false", value);
      return Optional.empty();
    }
    return Optional.of(value.booleanValue());
  }

  public Optional<Double> number(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isNumber()) {
      wrongType(context, file, field(key), "a number", value);
      return Optional.empty();
    }
    return Optional.of(value.doubleValue());
  }

  public Optional<Integer> integer(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      wrongType(context, file, field(key), "a whole number", value);
      return Optional.empty();
    }
    return Optional.of(value.intValue());
  }

  /** A nested object; empty when absent or of the wrong type. */
  public Optional<JsonFields> object(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    return of(value, file, field(key), context);
  }

  /** Reports every key not in {@code known} as {@link FindingCode#UNKNOWN_KEY}. */
  public void unknownKeys(Set<String> known, String hint) {
    Set<String> unknown = new TreeSet<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!known.contains(k)) {
        unknown.add(k);
      }
    });
    for (String key : unknown) {
      context.report().problem(FindingCode.UNKNOWN_KEY, file, field(key))
          .fix("the host ignores it" + (hint.isEmpty() ? "" : "; " + hint)).report();
    }
  }

  /** Reports that {@code field} of {@code file} holds {@code actual} where {@code expected} belongs. */
  public static void wrongType(ReadContext context, String file, String field, String expected, JsonNode actual) {
    context.problem(FindingCode.WRONG_TYPE, file, field).arg("type", expected).found(describe(actual))
        .fix(context.matters() ? "write " + expected + "; Codex rejects the file otherwise" : "write " + expected)
        .report();
  }

  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
