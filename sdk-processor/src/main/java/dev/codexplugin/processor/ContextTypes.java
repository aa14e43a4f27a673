package dev.codexplugin.processor;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/**
 * The types of {@code sdk-mcp} that are not JSON: the <b>context types</b> a tool method declares as parameters
 * to use the current request (named by their class in the generated invoker's table, bound by
 * {@code ToolTable} from {@code ToolArguments.context()}, never part of the input schema), and the <b>rich result types</b> it may return instead of a value written as JSON. Named by
 * string: the processor does not depend on {@code sdk-mcp}.
 *
 * <table>
 *   <caption>Context parameter type to what the server passes</caption>
 *   <tr><th>parameter type</th><th>argument</th></tr>
 *   <tr><td>{@code ToolContext}</td><td>{@code arguments.context()}</td></tr>
 *   <tr><td>{@code Progress}</td><td>{@code arguments.context().progress()}</td></tr>
 *   <tr><td>{@code McpLog}</td><td>{@code arguments.context().log()}</td></tr>
 *   <tr><td>{@code Cancellation}</td><td>{@code arguments.context().cancellation()}</td></tr>
 *   <tr><td>{@code Elicitation}</td><td>{@code arguments.context().elicitation()}</td></tr>
 *   <tr><td>{@code Sampling}</td><td>{@code arguments.context().sampling()}</td></tr>
 *   <tr><td>{@code Roots}</td><td>{@code arguments.context().roots()}</td></tr>
 *   <tr><td>{@code ClientInfo}</td><td>{@code arguments.context().client()}</td></tr>
 *   <tr><td>{@code Elicitation.Form<T>}</td><td>{@code arguments.context().elicitation().form(schema, T)}, the
 *       requested schema computed for {@code T} (in the table: {@code ToolTable.form(schema, T)})</td></tr>
 * </table>
 */
final class ContextTypes {
  static final String MCP = "dev.codexplugin.mcp.";
  static final String CONTENT = MCP + "Content";
  static final String TOOL_RESULT = MCP + "ToolResult";
  /** {@code Elicitation.Form<T>}: a form whose schema the processor computes for {@code T}. */
  static final String FORM = MCP + "Elicitation.Form";

  /** Context type (qualified name) to its accessor on {@code ToolContext}; {@code ""} for the context itself. */
  private static final Map<String, String> ACCESSORS = Map.of(
      MCP + "ToolContext", "",
      MCP + "Progress", "progress",
      MCP + "McpLog", "log",
      MCP + "Cancellation", "cancellation",
      MCP + "Elicitation", "elicitation",
      MCP + "Sampling", "sampling",
      MCP + "Roots", "roots",
      MCP + "ClientInfo", "client",
      FORM, "form");

  /** What a tool's return type is to the server. */
  enum Result {
    /** A value: text for a {@code String}, else JSON (or structured content). */
    VALUE,
    /** {@code Content} or one of its kinds: one content item. */
    CONTENT,
    /** {@code List<Content>} (or of a kind of content): the items, in order; the invoker wraps them. */
    CONTENT_LIST,
    /** {@code ToolResult}: written as it is. */
    TOOL_RESULT
  }

  private ContextTypes() {}

  /** The accessor of a context type ({@code ""} for {@code ToolContext}), or empty for any other type. */
  static Optional<String> accessor(TypeMirror type) {
    return Optional.ofNullable(ACCESSORS.get(name(type)));
  }

  /** The simple name of a context or result type, for messages. */
  static String simpleName(TypeMirror type) {
    String name = name(type);
    return name.startsWith(MCP) ? name.substring(MCP.length()) : name;
  }

  /** What the server makes of a return type. */
  static Result result(TypeMirror type) {
    if (isContent(type)) {
      return Result.CONTENT;
    }
    if (name(type).equals(TOOL_RESULT)) {
      return Result.TOOL_RESULT;
    }
    if (name(type).equals("java.util.List")) {
      List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
      if (arguments.size() == 1 && isContent(upper(arguments.get(0)))) {
        return Result.CONTENT_LIST;
      }
    }
    return Result.VALUE;
  }

  /**
   * A context or rich result type used inside {@code type} (a type argument, an array's component), where it
   * means nothing to the server ({@code List<Progress>}, {@code Optional<Content>}); {@code type} itself is not
   * looked at.
   */
  static Optional<String> nested(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return self(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        Optional<String> inside = self(argument);
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }

  /** {@code type} itself when it is a context or rich result type, else one inside it. */
  private static Optional<String> self(TypeMirror type) {
    TypeMirror bound = upper(type);
    if (bound == null) {
      return Optional.empty();
    }
    if (ACCESSORS.containsKey(name(bound)) || isContent(bound) || name(bound).equals(TOOL_RESULT)) {
      return Optional.of(simpleName(bound));
    }
    return nested(bound);
  }

  private static boolean isContent(TypeMirror type) {
    String name = name(type);
    return name.equals(CONTENT) || name.startsWith(CONTENT + ".");
  }

  /** The bound of {@code ? extends T}, or the type. */
  private static TypeMirror upper(TypeMirror type) {
    return type instanceof WildcardType wildcard ? wildcard.getExtendsBound() : type;
  }

  private static String name(TypeMirror type) {
    return type instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
        ? element.getQualifiedName().toString() : "";
  }
}
