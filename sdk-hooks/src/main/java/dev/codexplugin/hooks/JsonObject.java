package dev.codexplugin.hooks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable JSON object as a hook reads it: the host's whole input ({@link HookInput#json()}) or a part of it
 * such as a tool's input ({@link ToolEvent#toolInput()}). Member values are {@code String}, {@code Boolean},
 * {@code Long}, {@code Double}, {@code JsonObject}, {@code List<Object>} or {@code null}; {@link #toString()} is
 * the object as compact JSON, members in their original order.
 *
 * <p>The typed getters are what the generated launcher binds a handler's record with, one call per record
 * component: {@code new BumpArguments(input.string("version"), input.enumValue("level", BumpLevel.class))}.
 * Each throws a {@link HookInputException} naming the member's path when it is missing or has another type.
 */
public final class JsonObject {
  private final String path;
  private final Map<String, Object> members;

  JsonObject(String path, Map<String, Object> members) {
    this.path = path;
    this.members = Collections.unmodifiableMap(members);
  }

  /**
   * Parses {@code json}, which must be exactly one JSON object.
   *
   * @throws HookInputException when it is not, naming the offset of the first problem
   */
  public static JsonObject parse(String json) {
    return Json.parseObject(json, "");
  }

  /** The path of this object in the host's input, e.g. {@code tool_input}; empty for the input itself. */
  public String path() {
    return path;
  }

  /** The member names, in their original order. */
  public Set<String> names() {
    return members.keySet();
  }

  /** Whether the object has member {@code name} (its value may be {@code null}). */
  public boolean has(String name) {
    return members.containsKey(name);
  }

  /** Whether member {@code name} is there and not {@code null}. */
  public boolean isPresent(String name) {
    return members.get(name) != null;
  }

  /** The raw value of member {@code name}, or {@code null} when it is missing or {@code null}. */
  public Object get(String name) {
    return members.get(name);
  }

  /** Member {@code name}, which must be a string. */
  public String string(String name) {
    Object value = required(name);
    if (value instanceof String) {
      return (String) value;
    }
    throw wrongType(name, "a string", value);
  }

  /** Member {@code name} when it is a string; empty when it is missing or {@code null}. */
  public Optional<String> optionalString(String name) {
    return isPresent(name) ? Optional.of(string(name)) : Optional.empty();
  }

  /** Member {@code name}, which must be {@code true} or {@code false}. */
  public boolean bool(String name) {
    Object value = required(name);
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    throw wrongType(name, "true or false", value);
  }

  /** Member {@code name}, which must be an integer that fits a {@code long}. */
  public long longValue(String name) {
    Object value = required(name);
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof Double) {
      double d = (Double) value;
      if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
        return (long) d;
      }
    }
    throw wrongType(name, "an integer", value);
  }

  /** Member {@code name}, which must be an integer that fits an {@code int}. */
  public int intValue(String name) {
    long value = longValue(name);
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new HookInputException(where(name) + " must be an integer from " + Integer.MIN_VALUE + " to "
          + Integer.MAX_VALUE + "; found " + value);
    }
    return (int) value;
  }

  /** Member {@code name}, which must be a number. */
  public double doubleValue(String name) {
    Object value = required(name);
    if (value instanceof Long) {
      return (Long) value;
    }
    if (value instanceof Double) {
      return (Double) value;
    }
    throw wrongType(name, "a number", value);
  }

  /** Member {@code name}, which must be a JSON object. */
  public JsonObject object(String name) {
    Object value = required(name);
    if (value instanceof JsonObject) {
      return (JsonObject) value;
    }
    throw wrongType(name, "a JSON object", value);
  }

  /** Member {@code name}, which must be an array; its elements are raw values (see the class comment). */
  public List<Object> array(String name) {
    Object value = required(name);
    if (value instanceof List) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) value;
      return list;
    }
    throw wrongType(name, "an array", value);
  }

  /** Member {@code name}, which must be an array of strings. */
  public List<String> strings(String name) {
    List<Object> items = array(name);
    List<String> strings = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (!(item instanceof String)) {
        throw wrongType(name + "[" + i + "]", "a string", item);
      }
      strings.add((String) item);
    }
    return Collections.unmodifiableList(strings);
  }

  /** Member {@code name}, which must be the name of one of {@code type}'s constants. */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String value = string(name);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    StringBuilder names = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      names.append(names.length() == 0 ? "" : ", ").append(constant.name());
    }
    throw new HookInputException(where(name) + " must be one of " + names + "; found " + Json.quote(value));
  }

  Map<String, Object> members() {
    return members;
  }

  private Object required(String name) {
    Object value = members.get(name);
    if (value == null) {
      throw new HookInputException(where(name) + (members.containsKey(name) ? " must not be null" : " is missing"));
    }
    return value;
  }

  private HookInputException wrongType(String name, String expected, Object found) {
    StringBuilder text = new StringBuilder();
    Json.write(text, found);
    String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text.toString();
    return new HookInputException(where(name) + " must be " + expected + "; found " + shown);
  }

  private String where(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonObject && ((JsonObject) o).members.equals(members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  /** The object as compact JSON. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    Json.write(out, this);
    return out.toString();
  }
}
