package dev.codexplugin.runtime.internal;

import dev.codexplugin.runtime.format.Json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.codexplugin.runtime.Bump;
import dev.codexplugin.runtime.BundleChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two JSON Schemas of a tool. For an input (what a client sends) it finds what narrows it (a new required
 * parameter, a removed parameter, an optional one made required, a changed type, a removed enum value, a
 * tighter bound or pattern, closed additional properties) and what widens it; for an output (what a client
 * receives) the other way round (a removed or no longer required property, a new type). Nested objects and
 * array items are compared too. What it cannot prove compatible (e.g. a changed {@code anyOf} or {@code $ref})
 * is a major change; text ({@code description}, {@code title}, {@code examples}) is a patch.
 */
public final class SchemaDiff {
  /** One difference. */
  public record Difference(BundleChange.Kind kind, Bump bump, String detail) {}

  private static final Set<String> TEXT = Set.of("description", "title", "examples", "$comment");
  private static final Set<String> HANDLED = Set.of("type", "properties", "required", "enum", "additionalProperties",
      "items", "default", "minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "maximum",
      "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "pattern", "format");
  private static final List<String> LOWER = List.of("minimum", "exclusiveMinimum", "minLength", "minItems",
      "minProperties");
  private static final List<String> UPPER = List.of("maximum", "exclusiveMaximum", "maxLength", "maxItems",
      "maxProperties");

  private final boolean input;
  private final String side;
  private final List<Difference> out = new ArrayList<>();

  private SchemaDiff(boolean input) {
    this.input = input;
    this.side = input ? "input" : "output";
  }

  /** The differences of two input schemas (compact JSON text). */
  public static List<Difference> input(String before, String after) {
    SchemaDiff diff = new SchemaDiff(true);
    diff.compare("", parse(before), parse(after));
    return diff.out;
  }

  /** The differences of two output schemas; {@code ""} means no structured output. */
  public static List<Difference> output(String before, String after) {
    SchemaDiff diff = new SchemaDiff(false);
    if (before.isEmpty() != after.isEmpty()) {
      diff.add(before.isEmpty() ? BundleChange.Kind.WIDENED : BundleChange.Kind.NARROWED,
          before.isEmpty() ? Bump.MINOR : Bump.MAJOR,
          before.isEmpty() ? "now returns structured output" : "no longer returns structured output");
    } else if (!before.isEmpty()) {
      diff.compare("", parse(before), parse(after));
    }
    return diff.out;
  }

  private static JsonNode parse(String text) {
    try {
      return text.isEmpty() ? Json.object() : new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (IOException e) {
      return Json.object();
    }
  }

  private void add(BundleChange.Kind kind, Bump bump, String detail) {
    out.add(new Difference(kind, bump, side + ": " + detail));
  }

  private void narrowed(String detail) {
    add(BundleChange.Kind.NARROWED, Bump.MAJOR, detail);
  }

  private void widened(String detail) {
    add(BundleChange.Kind.WIDENED, Bump.MINOR, detail);
  }

  private static String at(String path) {
    return path.isEmpty() ? "" : " of \"" + path + "\"";
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private void compare(String path, JsonNode before, JsonNode after) {
    if (!before.isObject() || !after.isObject()) {
      if (!strip(before).equals(strip(after))) {
        narrowed("the schema" + at(path) + " changed in a way the check cannot prove compatible");
      }
      return;
    }
    types(path, before, after);
    properties(path, before, after);
    enums(path, before, after);
    bounds(path, before, after);
    additional(path, before, after);
    if (before.has("items") && after.has("items")) {
      compare(path + "[]", before.get("items"), after.get("items"));
    } else if (before.has("items") != after.has("items")) {
      boolean narrower = input == after.has("items");
      add(narrower ? BundleChange.Kind.NARROWED : BundleChange.Kind.WIDENED, narrower ? Bump.MAJOR : Bump.MINOR,
          "the items" + at(path) + (after.has("items") ? " now have a schema" : " no longer have a schema"));
    }
    if (!Objects.equals(before.get("default"), after.get("default"))) {
      add(BundleChange.Kind.CHANGED, Bump.MINOR, "the default" + at(path) + " changed from "
          + text(before.get("default")) + " to " + text(after.get("default")));
    }
    ObjectNode restBefore = rest(before);
    ObjectNode restAfter = rest(after);
    if (!strip(restBefore).equals(strip(restAfter))) {
      Set<String> keys = new TreeSet<>();
      restBefore.fieldNames().forEachRemaining(keys::add);
      restAfter.fieldNames().forEachRemaining(keys::add);
      keys.removeIf(k -> Objects.equals(strip(restBefore.get(k)), strip(restAfter.get(k))));
      narrowed(String.join(", ", keys) + at(path) + " changed in a way the check cannot prove compatible; review it");
    } else if (!textOf(before).equals(textOf(after)) || !restBefore.equals(restAfter)) {
      add(BundleChange.Kind.TEXT, Bump.PATCH, "the description" + at(path) + " changed");
    }
  }

  private void types(String path, JsonNode before, JsonNode after) {
    Set<String> was = types(before);
    Set<String> now = types(after);
    if (was.equals(now)) {
      return;
    }
    String change = "the type" + at(path) + " changed from " + show(was) + " to " + show(now);
    boolean wider = input ? covers(now, was) : covers(was, now);
    if (wider) {
      widened(change);
    } else {
      narrowed(change);
    }
  }

  /** The JSON types a schema allows; empty means any. */
  private static Set<String> types(JsonNode schema) {
    Set<String> out = new TreeSet<>();
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      out.add(type.textValue());
    } else if (type != null && type.isArray()) {
      type.forEach(t -> out.add(t.asText()));
    }
    return out;
  }

  /** Whether every value of {@code narrow} is a value of {@code wide} (integer is a number; empty is any). */
  private static boolean covers(Set<String> wide, Set<String> narrow) {
    if (wide.isEmpty()) {
      return true;
    }
    if (narrow.isEmpty()) {
      return false;
    }
    for (String t : narrow) {
      if (!wide.contains(t) && !(t.equals("integer") && wide.contains("number"))) {
        return false;
      }
    }
    return true;
  }

  private static String show(Set<String> types) {
    return types.isEmpty() ? "any" : String.join("|", types);
  }

  private void properties(String path, JsonNode before, JsonNode after) {
    JsonNode was = before.path("properties");
    JsonNode now = after.path("properties");
    Set<String> wasRequired = required(before);
    Set<String> nowRequired = required(after);
    Set<String> names = new LinkedHashSet<>();
    was.fieldNames().forEachRemaining(names::add);
    now.fieldNames().forEachRemaining(names::add);
    String what = input ? "parameter" : "property";
    for (String name : names) {
      String p = child(path, name);
      boolean inBefore = was.has(name);
      boolean inAfter = now.has(name);
      if (inBefore && !inAfter) {
        if (input || wasRequired.contains(name)) {
          narrowed(what + " \"" + p + "\" removed");
        } else {
          narrowed("optional " + what + " \"" + p + "\" removed");
        }
      } else if (!inBefore) {
        if (input && nowRequired.contains(name)) {
          narrowed("new required parameter \"" + p + "\"");
        } else {
          widened("new " + (nowRequired.contains(name) ? "" : "optional ") + what + " \"" + p + "\"");
        }
      } else {
        boolean req = wasRequired.contains(name);
        boolean nowReq = nowRequired.contains(name);
        if (req != nowReq) {
          boolean narrower = input ? nowReq : req;
          String change = what + " \"" + p + "\" is " + (nowReq ? "now required" : "now optional");
          if (narrower) {
            narrowed(change);
          } else {
            widened(change);
          }
        }
        compare(p, was.get(name), now.get(name));
      }
    }
  }

  private static Set<String> required(JsonNode schema) {
    Set<String> out = new TreeSet<>();
    schema.path("required").forEach(r -> out.add(r.asText()));
    return out;
  }

  private void enums(String path, JsonNode before, JsonNode after) {
    JsonNode was = before.get("enum");
    JsonNode now = after.get("enum");
    if (was == null && now == null) {
      return;
    }
    if (was == null || now == null) {
      boolean narrower = input == (now != null);
      add(narrower ? BundleChange.Kind.NARROWED : BundleChange.Kind.WIDENED, narrower ? Bump.MAJOR : Bump.MINOR,
          "the values" + at(path) + (now != null ? " are now limited to " + Json.compact(now) : " are no longer"
              + " limited"));
      return;
    }
    Set<String> wasValues = values(was);
    Set<String> nowValues = values(now);
    Set<String> removed = new TreeSet<>(wasValues);
    removed.removeAll(nowValues);
    Set<String> added = new TreeSet<>(nowValues);
    added.removeAll(wasValues);
    if (!removed.isEmpty()) {
      String change = "enum value" + (removed.size() == 1 ? " " : "s ") + String.join(", ", removed) + at(path)
          + " removed";
      if (input) {
        narrowed(change);
      } else {
        widened(change);
      }
    }
    if (!added.isEmpty()) {
      String change = "enum value" + (added.size() == 1 ? " " : "s ") + String.join(", ", added) + at(path) + " added";
      if (input) {
        widened(change);
      } else {
        add(BundleChange.Kind.WIDENED, Bump.MINOR, change);
      }
    }
  }

  private static Set<String> values(JsonNode array) {
    Set<String> out = new TreeSet<>();
    array.forEach(v -> out.add(Json.compact(v)));
    return out;
  }

  private void bounds(String path, JsonNode before, JsonNode after) {
    for (String key : LOWER) {
      bound(path, key, before.get(key), after.get(key), true);
    }
    for (String key : UPPER) {
      bound(path, key, before.get(key), after.get(key), false);
    }
    for (String key : List.of("pattern", "format")) {
      JsonNode was = before.get(key);
      JsonNode now = after.get(key);
      if (!Objects.equals(was, now)) {
        String change = key + at(path) + (was == null ? " added: " + text(now) : now == null ? " removed"
            : " changed from " + text(was) + " to " + text(now));
        if (input == (now != null)) {
          narrowed(change);
        } else {
          widened(change);
        }
      }
    }
  }

  private void bound(String path, String key, JsonNode was, JsonNode now, boolean lower) {
    if (Objects.equals(was, now) || (was != null && !was.isNumber()) || (now != null && !now.isNumber())) {
      return;
    }
    boolean tighter;
    if (was == null) {
      tighter = true;
    } else if (now == null) {
      tighter = false;
    } else {
      int c = now.decimalValue().compareTo(was.decimalValue());
      tighter = lower ? c > 0 : c < 0;
    }
    String change = key + at(path) + (was == null ? " added: " + now : now == null ? " removed"
        : " changed from " + was + " to " + now);
    if (input == tighter) {
      narrowed(change);
    } else {
      widened(change);
    }
  }

  private void additional(String path, JsonNode before, JsonNode after) {
    boolean wasOpen = !before.has("additionalProperties") || !before.get("additionalProperties").isBoolean()
        || before.get("additionalProperties").booleanValue();
    boolean nowOpen = !after.has("additionalProperties") || !after.get("additionalProperties").isBoolean()
        || after.get("additionalProperties").booleanValue();
    if (wasOpen != nowOpen) {
      String change = "other properties" + at(path) + (nowOpen ? " are now allowed" : " are no longer allowed");
      if (input == nowOpen) {
        widened(change);
      } else {
        narrowed(change);
      }
    }
  }

  /** The keywords this class does not compare itself. */
  private static ObjectNode rest(JsonNode schema) {
    ObjectNode rest = Json.object();
    Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!HANDLED.contains(f.getKey()) && !TEXT.contains(f.getKey())) {
        rest.set(f.getKey(), f.getValue());
      }
    }
    return rest;
  }

  private static String textOf(JsonNode schema) {
    StringBuilder text = new StringBuilder();
    for (String key : TEXT) {
      text.append(key).append('=').append(schema.path(key)).append(';');
    }
    return text.toString();
  }

  /** A copy without text keywords, at every depth. */
  private static JsonNode strip(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode copy = Json.object();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        if (!TEXT.contains(f.getKey())) {
          copy.set(f.getKey(), strip(f.getValue()));
        }
      }
      return copy;
    }
    if (node.isArray()) {
      var copy = Json.object().arrayNode();
      node.forEach(n -> copy.add(strip(n)));
      return copy;
    }
    return node;
  }

  private static String text(JsonNode node) {
    return node == null ? "nothing" : Json.compact(node);
  }
}
