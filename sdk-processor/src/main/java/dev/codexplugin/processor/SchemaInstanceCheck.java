package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a JSON value against a schema made by {@link SchemaMapper}, at compile time, to tell whether a
 * {@code @Param(defaultValue)} is a valid value of its parameter's type. It knows exactly the keywords the
 * mapper writes. Each {@code format} is checked by the {@code java.time}, {@link UUID} or {@link URI} parser of
 * the only Java type that carries it, so "valid" means "Jackson will bind it".
 */
final class SchemaInstanceCheck {
  private static final Pattern UUID_TEXT =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  private final JsonNode root;

  private SchemaInstanceCheck(JsonNode root) {
    this.root = root;
  }

  /**
   * Why {@code value} is not valid against {@code schema}, or {@code null} when it is.
   *
   * @param root the document {@code $ref}s point into
   */
  static String problem(JsonNode schema, JsonNode value, JsonNode root) {
    return new SchemaInstanceCheck(root).check(schema, value, "");
  }

  private String check(JsonNode schema, JsonNode value, String at) {
    String where = at.isEmpty() ? "" : " at " + at;
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      JsonNode target = root.at(ref.substring(1));
      String problem = check(target, value, at);
      if (problem != null) {
        return problem;
      }
    }
    if (schema.has("type")) {
      String type = schema.get("type").asText();
      if (!hasType(value, type)) {
        return "expected " + article(type) + where + ", found " + show(value);
      }
    }
    if (schema.has("const") && !schema.get("const").equals(value)) {
      return "expected " + schema.get("const") + where + ", found " + show(value);
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode option : schema.get("enum")) {
        found |= option.equals(value);
      }
      if (!found) {
        List<String> options = new ArrayList<>();
        schema.get("enum").forEach(o -> options.add(o.toString()));
        return show(value) + where + " is not one of " + String.join(", ", options);
      }
    }
    for (String combinator : List.of("oneOf", "anyOf")) {
      if (schema.has(combinator)) {
        int matches = 0;
        List<String> problems = new ArrayList<>();
        for (JsonNode alternative : schema.get(combinator)) {
          String problem = check(alternative, value, at);
          if (problem == null) {
            matches++;
          } else {
            problems.add(problem);
          }
        }
        if (matches == 0) {
          return "no alternative matches" + where + " (" + String.join("; ", problems) + ")";
        }
        if (matches > 1 && combinator.equals("oneOf")) {
          return "more than one alternative matches" + where;
        }
      }
    }
    if (value.isNumber()) {
      return number(schema, value.decimalValue(), where);
    }
    if (value.isTextual()) {
      return text(schema, value.asText(), where);
    }
    if (value.isArray()) {
      return array(schema, value, at);
    }
    if (value.isObject()) {
      return object(schema, value, at);
    }
    return null;
  }

  private String number(JsonNode schema, BigDecimal value, String where) {
    if (schema.has("minimum") && value.compareTo(schema.get("minimum").decimalValue()) < 0) {
      return value + where + " is less than the minimum " + schema.get("minimum");
    }
    if (schema.has("maximum") && value.compareTo(schema.get("maximum").decimalValue()) > 0) {
      return value + where + " is greater than the maximum " + schema.get("maximum");
    }
    if (schema.has("exclusiveMinimum") && value.compareTo(schema.get("exclusiveMinimum").decimalValue()) <= 0) {
      return value + where + " is not greater than " + schema.get("exclusiveMinimum");
    }
    if (schema.has("exclusiveMaximum") && value.compareTo(schema.get("exclusiveMaximum").decimalValue()) >= 0) {
      return value + where + " is not less than " + schema.get("exclusiveMaximum");
    }
    return null;
  }

  private String text(JsonNode schema, String value, String where) {
    int length = value.codePointCount(0, value.length());
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      return "\"" + value + "\"" + where + " is shorter than " + schema.get("minLength").asInt() + " characters";
    }
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      return "\"" + value + "\"" + where + " is longer than " + schema.get("maxLength").asInt() + " characters";
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      try {
        if (!Pattern.compile(regex).matcher(value).find()) {
          return "\"" + value + "\"" + where + " does not match " + regex;
        }
      } catch (PatternSyntaxException e) {
        return "the pattern " + regex + " is not a valid regular expression";
      }
    }
    if (schema.has("format") && !formatted(schema.get("format").asText(), value)) {
      return "\"" + value + "\"" + where + " is not a valid " + schema.get("format").asText();
    }
    if (schema.has("contentEncoding")) {
      try {
        Base64.getDecoder().decode(value);
      } catch (IllegalArgumentException e) {
        return "\"" + value + "\"" + where + " is not base64";
      }
    }
    return null;
  }

  private String array(JsonNode schema, JsonNode value, String at) {
    String where = at.isEmpty() ? "" : " at " + at;
    if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
      return "fewer than " + schema.get("minItems").asInt() + " items" + where;
    }
    if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
      return "more than " + schema.get("maxItems").asInt() + " items" + where;
    }
    if (schema.path("uniqueItems").asBoolean(false)) {
      Set<JsonNode> seen = new HashSet<>();
      for (JsonNode item : value) {
        if (!seen.add(item)) {
          return "duplicate item " + item + where;
        }
      }
    }
    if (schema.has("items")) {
      for (int i = 0; i < value.size(); i++) {
        String problem = check(schema.get("items"), value.get(i), at + "[" + i + "]");
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private String object(JsonNode schema, JsonNode value, String at) {
    String where = at.isEmpty() ? "" : " at " + at;
    if (schema.has("required")) {
      for (JsonNode name : schema.get("required")) {
        if (!value.has(name.asText())) {
          return "missing property \"" + name.asText() + "\"" + where;
        }
      }
    }
    if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
      return "fewer than " + schema.get("minProperties").asInt() + " properties" + where;
    }
    if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
      return "more than " + schema.get("maxProperties").asInt() + " properties" + where;
    }
    JsonNode properties = schema.path("properties");
    JsonNode additional = schema.get("additionalProperties");
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String path = at + "/" + field.getKey();
      if (schema.has("propertyNames")) {
        String problem = check(schema.get("propertyNames"), TextNode.valueOf(field.getKey()), path);
        if (problem != null) {
          return problem;
        }
      }
      JsonNode property = properties.get(field.getKey());
      if (property != null) {
        String problem = check(property, field.getValue(), path);
        if (problem != null) {
          return problem;
        }
      } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
        return "unknown property \"" + field.getKey() + "\"" + where;
      } else if (additional != null && additional.isObject()) {
        String problem = check(additional, field.getValue(), path);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static boolean hasType(JsonNode value, String type) {
    switch (type) {
      case "string": return value.isTextual();
      case "boolean": return value.isBoolean();
      case "number": return value.isNumber();
      case "integer":
        return value.isIntegralNumber()
            || (value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0);
      case "array": return value.isArray();
      case "object": return value.isObject();
      case "null": return value.isNull();
      default: return true;
    }
  }

  private static boolean formatted(String format, String value) {
    try {
      switch (format) {
        case "date-time": OffsetDateTime.parse(value); return true;
        case "date": LocalDate.parse(value); return true;
        case "time": OffsetTime.parse(value); return true;
        case "duration": Duration.parse(value); return true;
        case "uuid": UUID.fromString(value); return UUID_TEXT.matcher(value).matches();
        case "uri": return new URI(value).isAbsolute();
        case "uri-reference": new URI(value); return true;
        case "email": return value.indexOf('@') > 0 && value.indexOf('@') < value.length() - 1;
        default: return true;
      }
    } catch (RuntimeException | URISyntaxException e) {
      return false;
    }
  }

  private static String article(String type) {
    return (type.equals("integer") || type.equals("array") || type.equals("object") ? "an " : "a ") + type;
  }

  private static String show(JsonNode value) {
    return value.isContainerNode() ? (value.isArray() ? "an array" : "an object") : value.toString();
  }
}
