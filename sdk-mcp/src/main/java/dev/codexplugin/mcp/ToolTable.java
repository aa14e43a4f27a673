package dev.codexplugin.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.codexplugin.mcp.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The tools of one package as the generated {@code <Plugin>_McpTools} hands them to the server (one class's
 * tools, from {@code <Class>_McpTools}, with an earlier processor): an {@link Invoker} that calls tool number
 * {@code i} with its arguments already bound, whether each tool is structured, and the parameter types of each
 * tool, in order. The generated {@code <Plugin>McpServer} joins the tables of its packages with the descriptors the processor wrote into the resource {@code <Plugin>McpServer.tools}
 * next to it ({@link #methods}): so the generated Java holds no descriptor and binds no argument itself, and a
 * tool's case is a cast per argument and a call.
 *
 * <p>How a parameter is bound, by its type in the table:
 *
 * <ul>
 *   <li>{@link ToolContext}, {@link Progress}, {@link McpLog}, {@link Cancellation}, {@link Elicitation},
 *       {@link Sampling}, {@link Roots} and {@link ClientInfo} (the class itself): from the call's context, as
 *       {@link ToolContext} describes;
 *   <li>{@link #form(String, Type)}: an {@link Elicitation.Form} with the requested schema the processor
 *       computed;
 *   <li>anything else is an argument of the input schema, the next property of the descriptor's
 *       {@code inputSchema} in order, bound with {@link ToolArguments#get(String, Type, String)} to the type, with
 *       the property's {@code default} as its default.
 * </ul>
 *
 * <p>Hand-written definitions need none of this: {@link ToolMethod} with a {@link ToolCall} of their own is what
 * the server serves either way.
 */
public final class ToolTable {
  private static final String SUFFIX = ".tools";
  private static volatile ObjectMapper mapper;

  /**
   * Calls one of the tools of a table; the generated {@code <Plugin>_McpTools} implements it with a
   * {@code switch} on {@code tool}.
   */
  @FunctionalInterface
  public interface Invoker {
    /**
     * Calls tool number {@code tool} of the table.
     *
     * @param tool the index of the tool in the table
     * @param arguments one value per parameter, bound to its type in the table
     * @return the method's result, or {@code null} for {@code void}
     * @throws Exception whatever the method throws; the server answers with {@code isError}
     */
    Object call(int tool, Object[] arguments) throws Exception;
  }

  private final Invoker invoker;
  private final boolean[] structured;
  private final Type[][] parameters;

  /**
   * A table of {@code structured.length} tools.
   *
   * @param invoker calls the tools
   * @param structured whether tool {@code i} answers with {@code structuredContent}
   * @param parameters the parameter types of tool {@code i}, in declaration order
   * @throws IllegalArgumentException when the arrays differ in length
   */
  public ToolTable(Invoker invoker, boolean[] structured, Type[][] parameters) {
    this.invoker = Objects.requireNonNull(invoker, "invoker");
    this.structured = structured.clone();
    this.parameters = parameters.clone();
    if (structured.length != parameters.length) {
      throw new IllegalArgumentException(structured.length + " structured flags for " + parameters.length
          + " tools");
    }
  }

  /** The number of tools. */
  public int size() {
    return parameters.length;
  }

  /**
   * The type in a table of a parameter of type {@code Elicitation.Form<T>}: {@code Elicitation.Form<type>},
   * bound to {@code context.elicitation().form(requestedSchemaJson, type)}.
   *
   * @param requestedSchemaJson the requested schema, computed at compile time for {@code type}
   * @param type what the form's content binds to
   */
  public static Type form(String requestedSchemaJson, Type type) {
    return new FormType(Objects.requireNonNull(requestedSchemaJson, "requestedSchemaJson"),
        Objects.requireNonNull(type, "type"));
  }

  /**
   * The tools of {@code tables}, in order, each with its descriptor: line {@code n} of {@code descriptors}, the
   * resource {@code <Server>.tools} next to {@code server} (UTF-8, one compact JSON descriptor per line, as
   * {@code tools/list} serves it), belongs to the {@code n}-th tool of the tables. The generated server opens it
   * itself, {@code Server.class.getResourceAsStream("Server.tools")}: so it is found the way the class was (the
   * same class path entry when both come from one jar), and in a named module the lookup is the module's own,
   * which needs no {@code opens}.
   *
   * @param server the generated {@code <Plugin>McpServer}, for messages
   * @param descriptors the resource, or {@code null} when it is missing; read and closed here
   * @param tables the tables of its classes, in the order the processor wrote their descriptors
   * @throws IllegalStateException when the resource is missing or holds another number of descriptors
   */
  public static List<ToolMethod> methods(Class<?> server, InputStream descriptors, ToolTable... tables) {
    String resource = server.getSimpleName() + SUFFIX;
    List<String> lines = lines(server, resource, descriptors);
    int count = 0;
    for (ToolTable table : tables) {
      count += table.size();
    }
    if (count != lines.size()) {
      throw new IllegalStateException("the resource " + resource + " next to " + server.getName() + " holds "
          + lines.size() + " tool descriptors, but the generated classes have " + count + " tools: rebuild the"
          + " plugin (its classes and resources come from different builds)");
    }
    List<ToolMethod> methods = new ArrayList<>(count);
    Iterator<String> each = lines.iterator();
    for (ToolTable table : tables) {
      for (int i = 0; i < table.size(); i++) {
        String descriptor = each.next();
        methods.add(new ToolMethod(name(descriptor), descriptor, table.structured[i],
            new Call(table, i, descriptor)));
      }
    }
    return List.copyOf(methods);
  }

  private static List<String> lines(Class<?> server, String resource, InputStream descriptors) {
    byte[] bytes;
    try (InputStream in = descriptors) {
      if (in == null) {
        throw new IllegalStateException("no resource " + resource + " next to " + server.getName()
            + ": the annotation processor writes it with the class; rebuild the plugin");
      }
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the resource " + resource + " next to " + server.getName(), e);
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start) {
        lines.add(text.substring(start, end));
      }
      start = end + 1;
    }
    return lines;
  }

  /**
   * The tool name of a descriptor: read off the front of the compact JSON the processor writes
   * ({@code {"name":"...",}: tool names need no escapes), else from the parsed JSON. The server checks it
   * against the descriptor again.
   */
  private static String name(String descriptor) {
    String prefix = "{\"name\":\"";
    if (descriptor.startsWith(prefix)) {
      int end = descriptor.indexOf('"', prefix.length());
      if (end > prefix.length()) {
        String name = descriptor.substring(prefix.length(), end);
        if (name.indexOf('\\') < 0) {
          return name;
        }
      }
    }
    try {
      return parse(descriptor).path("name").asText("");
    } catch (IOException e) {
      return ""; // the server reports the descriptor that is not JSON
    }
  }

  private static JsonNode parse(String json) throws IOException {
    ObjectMapper m = mapper;
    if (m == null) {
      // The server's own configuration: a default's number keeps its exact value and scale through toString().
      m = Json.newMapper();
      mapper = m;
    }
    return m.readTree(json);
  }

  /** Binds the arguments of one tool of a table, as the class Javadoc says, and calls it. */
  private static final class Call implements ToolCall {
    private final ToolTable table;
    private final int tool;
    private final String descriptor;
    /** Per parameter: its property name, {@code null} for a context parameter; built on the first call. */
    private volatile String[] names;
    private String[] defaults;

    Call(ToolTable table, int tool, String descriptor) {
      this.table = table;
      this.tool = tool;
      this.descriptor = descriptor;
    }

    @Override
    public Object call(ToolArguments arguments) throws Exception {
      Type[] types = table.parameters[tool];
      String[] properties = names;
      if (properties == null) {
        properties = properties(types);
      }
      Object[] values = new Object[types.length];
      for (int i = 0; i < types.length; i++) {
        Type type = types[i];
        values[i] = properties[i] == null ? context(type, arguments.context())
            : arguments.get(properties[i], type, defaults[i]);
      }
      return table.invoker.call(tool, values);
    }

    /** The property names (and defaults) of the parameters, in order, from the descriptor's input schema. */
    private synchronized String[] properties(Type[] types) throws IOException {
      if (names != null) {
        return names;
      }
      JsonNode properties = parse(descriptor).path("inputSchema").path("properties");
      Iterator<String> fields = properties.fieldNames();
      String[] found = new String[types.length];
      String[] values = new String[types.length];
      for (int i = 0; i < types.length; i++) {
        if (isContext(types[i])) {
          continue;
        }
        if (!fields.hasNext()) {
          throw new IllegalStateException("tool " + name(descriptor) + ": parameter " + i + " has no property in"
              + " the input schema of its descriptor: rebuild the plugin");
        }
        found[i] = fields.next();
        JsonNode value = properties.get(found[i]).get("default");
        values[i] = value == null ? null : value.toString();
      }
      if (fields.hasNext()) {
        throw new IllegalStateException("tool " + name(descriptor) + ": property " + fields.next() + " of the"
            + " input schema of its descriptor has no parameter: rebuild the plugin");
      }
      defaults = values;
      names = found;
      return found;
    }
  }

  private static boolean isContext(Type type) {
    return type instanceof FormType || type == ToolContext.class || type == Progress.class
        || type == McpLog.class || type == Cancellation.class || type == Elicitation.class
        || type == Sampling.class || type == Roots.class || type == ClientInfo.class;
  }

  private static Object context(Type type, ToolContext context) {
    if (type instanceof FormType form) {
      return context.elicitation().form(form.schema, form.type);
    }
    if (type == ToolContext.class) {
      return context;
    }
    if (type == Progress.class) {
      return context.progress();
    }
    if (type == McpLog.class) {
      return context.log();
    }
    if (type == Cancellation.class) {
      return context.cancellation();
    }
    if (type == Elicitation.class) {
      return context.elicitation();
    }
    if (type == Sampling.class) {
      return context.sampling();
    }
    if (type == Roots.class) {
      return context.roots();
    }
    return context.client();
  }

  /** {@code Elicitation.Form<type>}, with the requested schema of its form. */
  private static final class FormType implements ParameterizedType {
    private final String schema;
    private final Type type;

    FormType(String schema, Type type) {
      this.schema = schema;
      this.type = type;
    }

    @Override
    public Type[] getActualTypeArguments() {
      return new Type[] {type};
    }

    @Override
    public Type getRawType() {
      return Elicitation.Form.class;
    }

    @Override
    public Type getOwnerType() {
      return Elicitation.class;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType p && p.getRawType() == Elicitation.Form.class
          && Objects.equals(p.getOwnerType(), Elicitation.class)
          && Arrays.equals(p.getActualTypeArguments(), getActualTypeArguments());
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(getActualTypeArguments()) ^ Elicitation.Form.class.hashCode()
          ^ Elicitation.class.hashCode();
    }

    @Override
    public String toString() {
      return Elicitation.Form.class.getTypeName() + "<" + type.getTypeName() + ">";
    }
  }
}
