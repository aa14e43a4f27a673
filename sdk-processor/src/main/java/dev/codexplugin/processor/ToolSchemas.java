package dev.codexplugin.processor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.palantir.javapoet.CodeBlock;
import dev.codexplugin.processor.SchemaMapper.Failure;
import dev.codexplugin.processor.SchemaMapper.Property;
import dev.codexplugin.processor.SchemaMapper.Side;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Computes the JSON Schemas (draft 2020-12) of an {@link dev.codexplugin.api.McpTool @McpTool} method from its
 * {@code javax.lang.model} types at compile time (never reflection), and what the invoker generator needs to
 * bind each argument.
 *
 * <h2>What the schemas look like</h2>
 *
 * <p>The <b>input schema</b> is {@code {"$schema": "https://json-schema.org/draft/2020-12/schema", "type":
 * "object", "properties": {...}, "required": [...], "additionalProperties": false, "$defs": {...}}}: one property
 * per parameter in parameter order, {@code required} left out when empty, {@code $defs} only when a named type is
 * used. The <b>output schema</b> (for {@code structuredOutput = true}) describes the return value as Jackson
 * writes it; a value that is not always a JSON object is wrapped as {@code {"type": "object", "properties":
 * {"result": ...}, "required": ["result"], "additionalProperties": false}} and the server must answer with
 * {@code {"result": value}}; {@code void} has no output schema. Both are {@code "type": "object"} at the root,
 * as the MCP TypeScript client demands, and use no {@code prefixItems}. Keys keep insertion order and
 * {@code $defs} are sorted by name: the same sources give the same JSON text.
 *
 * <h2>Parameters</h2>
 *
 * <p>A parameter of a context type of {@code sdk-mcp} ({@link ContextTypes}) is not part of the input schema;
 * for {@code Elicitation.Form<T>} the requested schema of {@code T} is computed instead, a flat object
 * (the record's body with enums inlined, {@code additionalProperties} left out) of what MCP 2025-11-25 lets an
 * elicitation ask for: each record component's {@code @Param} gives its field's {@code title},
 * {@code description} and checked {@code default} (SEP-1034), and an enum with {@code @Title} constants becomes
 * {@code oneOf} of {@code {const, title}} (a multi-select: {@code items.anyOf}), or with
 * {@code @Param(enumNames = true)} the legacy {@code enum} with {@code enumNames} (SEP-1330); string formats other
 * than {@code email}, {@code uri}, {@code date} and {@code date-time} are {@code UnmappableType}. Every other
 * parameter:
 *
 * <ul>
 *   <li>Name: {@code @Param(name)}, else the source name ({@code VariableElement.getSimpleName()}; never needs
 *       {@code -parameters}). Two parameters with the same name are a {@code Duplicate} error.
 *   <li>Description: {@code @Param(description)}, else the Javadoc {@code @param} text of the method.
 *   <li>Required: {@code @Param(required = TRUE/FALSE)}, else required unless the type is {@code Optional},
 *       {@code OptionalInt}, {@code OptionalLong}, {@code OptionalDouble}, the parameter (or its type) is
 *       annotated {@code @Nullable} of any package, or it has a default.
 *   <li>Default: {@code @Param(defaultValue)} is plain text for a {@code String} or an enum (or an
 *       {@code Optional} of one), JSON otherwise ({@code "10"}, {@code "[\"a\"]"}, {@code "\"2024-01-31\""}). It
 *       must be a valid value of the type (checked against the schema, formats with the {@code java.time},
 *       {@code UUID} and {@code URI} parsers), becomes the property's {@code default}, and makes the parameter
 *       not required. Otherwise, and with {@code required = TRUE}, it is a {@code BadDefault} error on the
 *       attribute.
 * </ul>
 *
 * <h2>Mapping table</h2>
 *
 * <table>
 *   <caption>Java type to JSON Schema</caption>
 *   <tr><th>Java</th><th>schema</th></tr>
 *   <tr><td>{@code boolean}, {@code Boolean}</td><td>{@code {"type":"boolean"}}</td></tr>
 *   <tr><td>{@code byte}, {@code short}, {@code int} and boxes</td>
 *       <td>{@code {"type":"integer","minimum":MIN,"maximum":MAX}} of the Java type</td></tr>
 *   <tr><td>{@code long}, {@code Long}, {@code BigInteger}</td><td>{@code {"type":"integer"}}</td></tr>
 *   <tr><td>{@code float}, {@code double}, boxes, {@code BigDecimal}</td><td>{@code {"type":"number"}}</td></tr>
 *   <tr><td>{@code char}, {@code Character}</td>
 *       <td>{@code {"type":"string","minLength":1,"maxLength":1}}</td></tr>
 *   <tr><td>{@code String}, {@code char[]}</td><td>{@code {"type":"string"}}</td></tr>
 *   <tr><td>{@code byte[]}</td><td>{@code {"type":"string","contentEncoding":"base64"}}</td></tr>
 *   <tr><td>{@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime}</td>
 *       <td>{@code {"type":"string","format":"date-time"}}</td></tr>
 *   <tr><td>{@code LocalDate}</td><td>{@code {"type":"string","format":"date"}}</td></tr>
 *   <tr><td>{@code LocalTime}</td><td>{@code {"type":"string","pattern":"^HH:mm[:ss[.f]]$"}}: RFC 3339
 *       {@code time} requires an offset, which a {@code LocalTime} has not</td></tr>
 *   <tr><td>{@code LocalDateTime}</td><td>{@code {"type":"string","pattern":"^yyyy-MM-ddTHH:mm[:ss[.f]]$"}}:
 *       no offset, so no {@code date-time}</td></tr>
 *   <tr><td>{@code OffsetTime}</td><td>input {@code "format":"time"}; output a pattern, because Jackson writes
 *       {@code 10:00Z} (no seconds), which the TypeScript client's {@code time} check rejects</td></tr>
 *   <tr><td>{@code Duration}</td><td>input {@code "format":"duration"}; output the pattern of
 *       {@code Duration.toString()} ({@code PT1.5S} and {@code PT-3S} fail the client's {@code duration}
 *       check)</td></tr>
 *   <tr><td>{@code UUID}</td><td>{@code {"type":"string","format":"uuid"}}</td></tr>
 *   <tr><td>{@code URI}</td><td>{@code {"type":"string","format":"uri-reference"}} (a {@code URI} may be
 *       relative)</td></tr>
 *   <tr><td>{@code URL}</td><td>{@code {"type":"string","format":"uri"}}</td></tr>
 *   <tr><td>enum</td><td>{@code $defs}: {@code {"type":"string","enum":[...]}}, constant names or their
 *       {@code @JsonProperty} values; an enum with a {@code @JsonValue} method is an error</td></tr>
 *   <tr><td>{@code T[]}, {@code java.util} collections ({@code List}, {@code Collection}, {@code Queue}...)</td>
 *       <td>{@code {"type":"array","items":T}}</td></tr>
 *   <tr><td>{@code java.util} sets</td><td>the same with {@code "uniqueItems":true}</td></tr>
 *   <tr><td>{@code java.util} maps with {@code String} keys</td>
 *       <td>{@code {"type":"object","additionalProperties":V}}</td></tr>
 *   <tr><td>{@code java.util} maps with enum keys</td><td>the same with {@code "propertyNames":{"$ref":enum}}</td></tr>
 *   <tr><td>{@code Optional<T>}, {@code OptionalInt/Long/Double}</td><td>the value type, not required (only as
 *       the type of a parameter, property or return value)</td></tr>
 *   <tr><td>{@code ? extends T}</td><td>{@code T}</td></tr>
 *   <tr><td>record</td><td>{@code $defs}: {@code {"type":"object","properties":...,"required":...,
 *       "additionalProperties":false}}, one property per component</td></tr>
 *   <tr><td>other class</td><td>{@code $defs}: the same, by the POJO rule below</td></tr>
 *   <tr><td>sealed interface or abstract sealed class</td><td>{@code $defs}: {@code {"oneOf":[...]}} of its
 *       concrete subtypes (nested sealed types flattened), {@code "type":"object"} first when they all are
 *       objects; see below</td></tr>
 * </table>
 *
 * <p>Everything else is an {@code UnmappableType} error naming the parameter and the type, anchored on the
 * parameter (on the method for the return type): {@code Object}, raw types, {@code ?} and {@code ? super}
 * wildcards, type variables of the method, interfaces and abstract classes that are not sealed, maps with other
 * keys, {@code Optional} inside a container, and other JDK classes ({@code Thread}, {@code Date}, ...).
 *
 * <h2>Records and classes</h2>
 *
 * <p>A <b>record</b> maps its components, in order; a component is required unless its type is
 * {@code Optional*} or it is {@code @Nullable} (then {@code @JsonProperty(required = true)} still makes it
 * required). <b>The POJO rule</b>, for a class that is not a record: its properties are its public
 * non-static non-transient fields and its JavaBean properties (public {@code getX()}, {@code isX()} for
 * {@code boolean}/{@code Boolean}, {@code setX(v)}; a member annotated {@code @JsonProperty} counts whatever its
 * visibility), named as Jackson names them ({@code getURL()} is {@code url}), in the order they are declared,
 * superclasses first. An input property needs a public field or a setter (Jackson sets it); an output
 * property needs a public field or a getter (Jackson reads it). Properties are not required unless
 * {@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty} or {@code @JsonProperty(required = true)}. For inputs the
 * class must be static and have a no-arg constructor. Both are {@code "additionalProperties": false}: Jackson
 * fails on unknown properties and writes no others.
 *
 * <p>Read by name, so no dependency is needed: {@code @JsonProperty} (name, {@code required}, {@code access}),
 * {@code @JsonPropertyDescription} (else the record's {@code @param} text, the field's Javadoc or the getter's
 * {@code @return}), {@code @JsonIgnore}, {@code @JsonClassDescription} (the {@code $defs} entry's description),
 * {@code @JsonFormat(pattern)} on a member (drops {@code format}/{@code pattern}: the text is then the user's;
 * on a parameter Jackson does not see it, so neither does the schema), and
 * {@code @JsonTypeInfo}, {@code @JsonSubTypes}, {@code @JsonTypeName}. Other Jackson annotations
 * ({@code @JsonNaming}, {@code @JsonUnwrapped}, {@code @JsonCreator}, ...) are not read.
 *
 * <h2>Bean Validation</h2>
 *
 * <p>{@code jakarta.validation.constraints} and {@code javax.validation.constraints}, on the parameter, member or
 * type (also as type-use annotations inside type arguments, where javac exposes them): {@code @Size} to
 * {@code minLength/maxLength}, {@code minItems/maxItems} or {@code minProperties/maxProperties};
 * {@code @NotEmpty} to a minimum of 1 of the same; {@code @NotBlank} to {@code minLength 1} and
 * {@code pattern "\S"} (unless {@code @Pattern} is present); {@code @Pattern(regexp)} to
 * {@code pattern "^(?:regexp)$"} (Bean Validation matches the whole text; the expression is copied as written,
 * so keep to the syntax Java and ECMA-262 share, and its {@code flags} are not carried over); {@code @Min},
 * {@code @Max}, {@code @DecimalMin}, {@code @DecimalMax}, {@code @Positive}, {@code @PositiveOrZero},
 * {@code @Negative}, {@code @NegativeOrZero} to {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/
 * {@code exclusiveMaximum};
 * {@code @Email} to {@code format "email"} on inputs only (the client asserts formats on outputs, with a
 * stricter grammar than Bean Validation's). A constraint that does not apply to the JSON type is ignored.
 *
 * <h2>Sealed types</h2>
 *
 * <p>With {@code @JsonTypeInfo} on the sealed type (or any supertype), each subtype's object gets the type id
 * property first, required, as {@code {"type":"string","const":id}}: the id is the {@code @JsonSubTypes.Type}
 * name, else {@code @JsonTypeName}, else Jackson's default for {@code use} ({@code NAME}: the binary name after
 * the package, e.g. {@code Shapes$Circle}; {@code SIMPLE_NAME}: the simple name; {@code CLASS} and
 * {@code MINIMAL_CLASS} as Jackson writes them); {@code DEDUCTION} adds no property. {@code include} must be
 * {@code PROPERTY} or {@code EXISTING_PROPERTY} (whose property becomes the {@code const}; add
 * {@code visible = true}, or Jackson keeps the id from the record component). For inputs, Jackson 2 finds subtypes only through
 * {@code @JsonSubTypes}: with {@code NAME}, {@code SIMPLE_NAME} or {@code DEDUCTION} every subtype must be listed
 * there, and a sealed input type without {@code @JsonTypeInfo} is an error that says what to add. An output
 * sealed type without {@code @JsonTypeInfo} is {@code anyOf} rather than {@code oneOf}: Jackson writes no type
 * id, so two subtypes of the same shape would both match and {@code oneOf} would reject a valid value.
 *
 * <h2>{@code $defs} names</h2>
 *
 * <p>The simple name, type arguments appended with {@code _} ({@code Page_User}, {@code Page_List_User});
 * arrays append {@code Array}. Types whose simple names collide in one document all use their qualified names
 * instead ({@code com.acme.a.User}, {@code com.acme.b.User}). Only ASCII letters, digits, {@code _} and
 * {@code .} are kept. A recursive type refers to its own entry.
 *
 * <h2>The contract with the server</h2>
 *
 * <p>Output schemas describe what Jackson writes with {@code JavaTimeModule} and {@code Jdk8Module},
 * {@code WRITE_DATES_AS_TIMESTAMPS} and {@code WRITE_DURATIONS_AS_TIMESTAMPS} off, and
 * {@code Include.NON_ABSENT} (a {@code null} or empty {@code Optional} property is left out, which is why it is
 * not required). A record component that is {@code null} at run time without being {@code @Nullable} or
 * {@code Optional} breaks the schema, as it breaks the declaration.
 */
final class ToolSchemas {
  /** The {@code $schema} of every schema. */
  static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JSON)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  /** Compact JSON, made once: {@code MAPPER.writeValueAsString} makes a writer per call. */
  private static final ObjectWriter COMPACT = MAPPER.writer();

  /**
   * What the invoker needs to bind one argument.
   *
   * @param element the parameter
   * @param name the argument name in the input ({@code @Param(name)} or the source name)
   * @param description the description in the schema, or {@code null}
   * @param required whether the input schema requires the argument
   * @param defaultJson the default as compact JSON text (a String default is a JSON string), or {@code null}
   * @param type an expression of type {@code java.lang.reflect.Type} for the parameter's full declared type,
   *     built with {@code dev.codexplugin.mcp.Types}, e.g. {@code Types.parameterized(List.class,
   *     String.class)}; {@code null} when the type cannot be mapped, and for a context parameter
   * @param context for a context parameter (not part of the input schema), its accessor on
   *     {@code ToolContext} ({@code "progress"}, ...; {@code ""} for the context itself; {@code "form"} for an
   *     {@code Elicitation.Form<T>}), else {@code null}
   * @param formSchema for an {@code Elicitation.Form<T>}, the requested schema of {@code T} (compact JSON), and
   *     {@code type} is then {@code T}'s
   */
  record ToolParameter(VariableElement element, String name, String description, boolean required,
      String defaultJson, CodeBlock type, String context, String formSchema) {
    /** A context parameter, bound from the request's context. */
    static ToolParameter context(VariableElement element, String accessor, CodeBlock type, String formSchema) {
      return new ToolParameter(element, element.getSimpleName().toString(), null, false, null, type, accessor,
          formSchema);
    }
  }

  /**
   * A tool's input.
   *
   * @param schema the input schema
   * @param parameters one entry per method parameter, in order
   * @param valid whether no problem was reported; generate no invoker otherwise
   */
  record InputSchema(ObjectNode schema, List<ToolParameter> parameters, boolean valid) {}

  /**
   * A tool's output.
   *
   * @param schema the output schema
   * @param wrapped whether the value goes under {@code "result"}: the server answers with
   *     {@code {"result": value}}, and leaves {@code result} out when the value is {@code null} or empty
   * @param mayBeAbsent whether the value may be absent ({@code Optional*} or {@code @Nullable}): then
   *     {@code result} is not required
   * @param valid whether no problem was reported
   */
  record OutputSchema(ObjectNode schema, boolean wrapped, boolean mayBeAbsent, boolean valid) {}

  private final ProcessingEnvironment env;
  private final Elements elements;
  /**
   * The Javadoc of each element asked about in this round: a tool's is read for its description, its
   * parameters and its result, a record's for every tool that uses the record.
   */
  private final Map<Element, JavadocText> javadoc = new HashMap<>();

  ToolSchemas(ProcessingEnvironment env) {
    this.env = env;
    this.elements = env.getElementUtils();
  }

  /** The {@code $defs} bodies that refer to no other entry, per side, in this round. */
  private final Map<Side, Map<String, SchemaMapper.Leaf>> leaves = new EnumMap<>(Side.class);

  /** Forgets what was read so far: the next round's elements are its own. */
  void newRound() {
    javadoc.clear();
    leaves.clear();
  }

  private SchemaMapper mapper(Side side) {
    return new SchemaMapper(env, side, this::javadoc, leaves.computeIfAbsent(side, s -> new HashMap<>()));
  }

  /** The parsed Javadoc of {@code element}, read once per round. */
  JavadocText javadoc(Element element) {
    return javadoc.computeIfAbsent(element, e -> JavadocText.parse(elements.getDocComment(e)));
  }

  /** The input schema of {@code method} and how to bind each parameter; problems go to {@code problems}. */
  InputSchema input(ExecutableElement method, Diagnostics problems) {
    SchemaMapper mapper = mapper(Side.INPUT);
    JavadocText doc = javadoc(method);
    ObjectNode root = JSON.objectNode().put("$schema", DIALECT).put("type", "object");
    ObjectNode properties = root.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    boolean valid = true;
    Set<String> names = new HashSet<>();
    List<Pending> pending = new ArrayList<>();
    Map<String, VariableElement> contexts = new HashMap<>();
    for (VariableElement parameter : method.getParameters()) {
      String label = "@McpTool " + method.getSimpleName() + " parameter " + parameter.getSimpleName();
      Optional<ParamPrism> param = ParamPrism.of(elements, parameter);
      Optional<String> accessor = ContextTypes.accessor(parameter.asType());
      if (accessor.isPresent()) {
        valid &= contextParameter(parameter, param, label, contexts, problems);
        Pending context = new Pending(parameter, param, label, null, null, false, "", null, false, accessor.get());
        if (accessor.get().equals("form")) {
          context = form(context, problems);
          valid &= context.mapped;
        }
        pending.add(context);
        continue;
      }
      boolean result = ContextTypes.result(parameter.asType()) != ContextTypes.Result.VALUE;
      Optional<String> misplaced = ContextTypes.nested(parameter.asType());
      if (result || misplaced.isPresent()) {
        valid = false;
        Report.Problem problem = problems.problem(FindingCode.UNMAPPABLE_TYPE, Origin.at(parameter, label));
        if (result && misplaced.isEmpty()) {
          problem.found(SchemaMapper.display(parameter.asType()) + ", a result type of sdk-mcp, which is not an"
                  + " argument")
              .fix("return it; take the values it is made of, in types that map to JSON Schema");
        } else {
          problem.found(SchemaMapper.display(parameter.asType()) + ", which has " + misplaced.get() + " inside: a"
                  + " type of sdk-mcp that is not an argument")
              .fix("declare a parameter of type " + misplaced.get() + " itself if it is a context type (the server"
                  + " passes it; it is not part of the input schema), or use a type that maps to JSON Schema");
        }
        problem.report();
        pending.add(new Pending(parameter, param, label, null, null, false, "", null, false, null));
        continue;
      }
      SchemaAnnotations annotations = SchemaAnnotations.of(elements, parameter, parameter.asType());
      String name = param.map(ParamPrism::name).filter(n -> !n.isEmpty())
          .orElse(parameter.getSimpleName().toString());
      if (!names.add(name)) {
        valid = false;
        problems.problem(FindingCode.DUPLICATE, origin(parameter, param, ParamPrism.Attr.NAME, label + " name"))
            .found(Text.quote(name) + ", the name of another parameter of this method")
            .fix("rename one with @Param(name = \"...\")").report();
      }
      List<Failure> failures = new ArrayList<>();
      Property property = mapper.property(parameter.asType(), annotations, null, failures);
      for (Failure failure : distinct(failures)) {
        valid = false;
        unmappable(problems, Origin.at(parameter, label), failure);
      }
      String description = param.map(ParamPrism::description).orElse("");
      if (description.isBlank()) {
        description = doc.param(parameter.getSimpleName().toString()).orElse(null);
      }
      String defaultText = param.map(ParamPrism::defaultValue).orElse("");
      Optional<Boolean> requiredSetting = param.flatMap(ParamPrism::required);
      boolean isRequired;
      if (requiredSetting.isPresent()) {
        isRequired = requiredSetting.get();
        if (isRequired && !defaultText.isEmpty()) {
          valid = false;
          problems.problem(FindingCode.BAD_DEFAULT,
                  origin(parameter, param, ParamPrism.Attr.REQUIRED, label + " defaultValue"))
              .found(quote(defaultText) + " with @Param required = TRUE, which contradicts defaultValue: a parameter"
                  + " with a default is not required")
              .fix("remove one of them").report();
        }
      } else {
        isRequired = !(property.optional() || annotations.nullable() || !defaultText.isEmpty());
      }
      ObjectNode schema = property.schema();
      param.map(ParamPrism::fieldTitle).filter(t -> !t.isBlank()).ifPresent(t -> schema.put("title", t));
      if (description != null) {
        schema.put("description", description);
      }
      if (param.map(ParamPrism::enumNames).orElse(false)) {
        valid = false;
        problems.problem(FindingCode.UNMAPPABLE_TYPE,
                param.get().origin(ParamPrism.Attr.ENUM_NAMES).labeled(label + " enumNames"))
            .found("@Param(enumNames = true) on a tool argument: enumNames is a form of an elicitation field")
            .fix("remove enumNames; a tool argument's enum is written as enum").report();
      }
      properties.set(name, schema);
      if (isRequired) {
        required.add(name);
      }
      pending.add(new Pending(parameter, param, label, name, description, isRequired, defaultText, property,
          failures.isEmpty(), null));
    }
    if (!required.isEmpty()) {
      root.set("required", required);
    }
    root.put("additionalProperties", false);
    mapper.finish(root);

    List<ToolParameter> parameters = new ArrayList<>();
    for (Pending p : pending) {
      if (p.context != null) {
        parameters.add(ToolParameter.context(p.element, p.context, p.formType(), p.name));
        continue;
      }
      String defaultJson = null;
      if (!p.defaultText.isEmpty() && p.mapped) {
        JsonNode value = defaultValue(p, root, problems);
        if (value == null) {
          valid = false;
        } else {
          p.property.schema().set("default", value);
          defaultJson = json(value);
        }
      }
      parameters.add(new ToolParameter(p.element, p.name, p.description, p.required, defaultJson,
          p.mapped ? ReflectTypeCode.of(p.element.asType()) : null, null, null));
    }
    return new InputSchema(root, List.copyOf(parameters), valid);
  }

  /**
   * The output schema of {@code method}'s return type, or empty for {@code void} and {@code Void}. Callers ask
   * only for tools with {@code structuredOutput = true}.
   */
  Optional<OutputSchema> output(ExecutableElement method, Diagnostics problems) {
    TypeMirror returns = method.getReturnType();
    if (returns.getKind() == TypeKind.VOID || SchemaMapper.qualifiedName(returns).equals("java.lang.Void")) {
      return Optional.empty();
    }
    String label = "@McpTool " + method.getSimpleName() + " return type";
    SchemaMapper mapper = mapper(Side.OUTPUT);
    SchemaAnnotations annotations = SchemaAnnotations.of(elements, method, returns);
    List<Failure> failures = new ArrayList<>();
    Property property = mapper.property(returns, annotations, null, failures);
    for (Failure failure : distinct(failures)) {
      unmappable(problems, Origin.at(method, label), failure);
    }
    Optional<String> description = javadoc(method).returns();
    boolean mayBeAbsent = property.optional() || annotations.nullable();
    boolean wrapped = mayBeAbsent || !mapper.objectLike(property.schema());
    ObjectNode root = JSON.objectNode().put("$schema", DIALECT);
    if (wrapped) {
      ObjectNode schema = property.schema();
      description.ifPresent(d -> schema.put("description", d));
      root.put("type", "object").putObject("properties").set("result", schema);
      if (!mayBeAbsent) {
        root.putArray("required").add("result");
      }
      root.put("additionalProperties", false);
    } else {
      mapper.inline(property.schema(), root);
      if (!root.has("description")) {
        description.ifPresent(d -> root.put("description", d));
      }
    }
    mapper.finish(root);
    return Optional.of(new OutputSchema(root, wrapped, mayBeAbsent, failures.isEmpty()));
  }

  /** Compact JSON text, as in a tool descriptor. */
  static String json(JsonNode node) {
    try {
      return COMPACT.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Indented JSON text with {@code \n} line ends, for files people read. */
  static String prettyJson(JsonNode node) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    try {
      return MAPPER.writer(printer).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- defaults ------------------------------------------------------------------------------------------------

  private record Pending(VariableElement element, Optional<ParamPrism> param, String label, String name,
      String description, boolean required, String defaultText, Property property, boolean mapped,
      String context) {
    /** For a checked {@code Elicitation.Form<T>} (whose {@code name} holds the schema), {@code T}'s type. */
    CodeBlock formType() {
      return mapped ? ReflectTypeCode.of(((DeclaredType) element.asType()).getTypeArguments().get(0)) : null;
    }
  }

  /** {@code schema} with a {@code $ref} to {@code defs} replaced by the entry's keywords (its own kept first). */
  private static ObjectNode resolved(ObjectNode schema, JsonNode defs) {
    String ref = schema.path("$ref").asText();
    if (ref.startsWith("#/$defs/")) {
      schema.remove("$ref");
      defs.path(ref.substring("#/$defs/".length())).fields()
          .forEachRemaining(keyword -> schema.putIfAbsent(keyword.getKey(), keyword.getValue()));
    }
    return schema;
  }

  private static boolean isEnum(JsonNode schema) {
    return "string".equals(schema.path("type").asText()) && schema.path("enum").isArray();
  }

  /**
   * The JSON types a requested elicitation schema may give a property: the specification's primitives (and, for
   * a multi-select, an array of enum strings).
   */
  private static final Set<String> FLAT = Set.of("string", "number", "integer", "boolean");

  /**
   * Computes the requested schema of an {@code Elicitation.Form<T>} parameter: {@code T} must be a record or
   * class whose properties are strings, numbers, integers, booleans, enums or collections of an enum (a
   * multi-select): the specification restricts elicitation to a flat object of primitives. Returns {@code context} with the schema as its name and
   * {@code mapped}, or, after reporting {@code UnmappableType}, as it is.
   */
  private Pending form(Pending context, Diagnostics problems) {
    VariableElement parameter = context.element;
    List<? extends TypeMirror> arguments = ((DeclaredType) parameter.asType()).getTypeArguments();
    Origin origin = Origin.at(parameter, context.label);
    String fix = "ask for a record of strings, numbers, integers, booleans and enums, e.g. Elicitation.Form<Contact>"
        + " with record Contact(String name, int age)";
    if (arguments.size() != 1 || arguments.get(0).getKind() != TypeKind.DECLARED) {
      problems.problem(FindingCode.UNMAPPABLE_TYPE, origin)
          .found(SchemaMapper.display(parameter.asType()) + ", a form of no named type").fix(fix).report();
      return context;
    }
    TypeMirror held = arguments.get(0);
    SchemaMapper mapper = mapper(Side.INPUT);
    List<Failure> failures = new ArrayList<>();
    Property property = mapper.property(held, SchemaAnnotations.of(elements, held), null, failures);
    for (Failure failure : distinct(failures)) {
      unmappable(problems, origin, failure);
    }
    if (!failures.isEmpty()) {
      return context;
    }
    ObjectNode root = JSON.objectNode();
    mapper.inline(property.schema(), root);
    mapper.finish(root);
    JsonNode defs = root.path("$defs");
    ObjectNode flat = JSON.objectNode().put("type", "object");
    ObjectNode properties = flat.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    List<String> nested = new ArrayList<>();
    boolean valid = true;
    if (!"object".equals(root.path("type").asText()) || !root.path("properties").isObject()) {
      nested.add("it is not an object of named properties");
    } else {
      Map<String, RecordComponentElement> components = components(((DeclaredType) held).asElement());
      Set<String> requiredInRecord = new HashSet<>();
      root.path("required").forEach(name -> requiredInRecord.add(name.asText()));
      for (Map.Entry<String, JsonNode> entry : iterable(root.path("properties").fields())) {
        String name = entry.getKey();
        ObjectNode schema = ((ObjectNode) entry.getValue()).deepCopy();
        TypeMirror enumType = defType(mapper, schema);
        resolved(schema, defs);
        boolean multiSelect = "array".equals(schema.path("type").asText()) && schema.path("items").isObject();
        if (multiSelect) {
          enumType = defType(mapper, (ObjectNode) schema.get("items"));
          multiSelect = isEnum(resolved((ObjectNode) schema.get("items"), defs));
        }
        if (!FLAT.contains(schema.path("type").asText()) && !multiSelect) {
          nested.add(name);
          continue;
        }
        String format = schema.path("format").asText(null);
        if (format != null && !FORMATS.contains(format)) {
          valid = false;
          RecordComponentElement component = components.get(name);
          problems.problem(FindingCode.UNMAPPABLE_TYPE, origin)
              .found(SchemaMapper.display(parameter.asType()) + ", whose property " + name + " is a string of format "
                  + format + (component == null ? "" : " (" + SchemaMapper.display(component.asType()) + ")")
                  + ": an elicitation string takes only the formats email, uri, date and date-time")
              .fix("ask for a String (and parse it in the tool), a LocalDate, an OffsetDateTime or a URL").report();
          continue;
        }
        RecordComponentElement component = components.get(name);
        Field field = new Field(name, component, component == null ? Optional.empty() : param(component),
            context.label + " field " + name);
        String rename = field.param.map(ParamPrism::name).orElse("");
        if (!rename.isEmpty() && !rename.equals(name)) {
          valid = false;
          problems.problem(FindingCode.NAME_MISMATCH,
                  field.param.get().origin(ParamPrism.Attr.NAME).labeled(field.label + " name"))
              .arg("expected", Text.quote(name) + ", the component's JSON name, by which Jackson binds the answer")
              .found(Text.quote(rename))
              .fix("remove name, or rename the component (or give it @JsonProperty(" + Text.quote(rename) + "))")
              .report();
        }
        Optional<Boolean> requiredSetting = field.param.flatMap(ParamPrism::required);
        String defaultText = field.param.map(ParamPrism::defaultValue).orElse("");
        boolean isRequired = requiredSetting.orElse(requiredInRecord.contains(name) && defaultText.isEmpty());
        if (requiredSetting.orElse(false) && !defaultText.isEmpty()) {
          valid = false;
          problems.problem(FindingCode.BAD_DEFAULT,
                  field.param.get().origin(ParamPrism.Attr.REQUIRED).labeled(field.label + " defaultValue"))
              .found(quote(defaultText) + " with @Param required = TRUE, which contradicts defaultValue: a field"
                  + " with a default is not required")
              .fix("remove one of them").report();
        }
        ObjectNode written = field(field, schema, multiSelect, enumType, defaultText, root, problems);
        if (written == null) {
          valid = false;
          continue;
        }
        properties.set(name, written);
        if (isRequired) {
          required.add(name);
        }
      }
    }
    if (!nested.isEmpty()) {
      problems.problem(FindingCode.UNMAPPABLE_TYPE, origin)
          .found(SchemaMapper.display(parameter.asType()) + ", whose " + (nested.get(0).startsWith("it ")
              ? "type " + nested.get(0).substring(3) : "property " + String.join(", ", nested)
              + " is not a string, number, integer, boolean, enum or collection of an enum") + ": elicitation asks"
              + " for a flat object")
          .fix(fix).report();
      return context;
    }
    if (!valid) {
      return context;
    }
    if (!required.isEmpty()) {
      flat.set("required", required);
    }
    return new Pending(parameter, context.param, context.label, json(flat), null, false, "", null, true,
        context.context);
  }

  /** The type of the {@code $defs} entry {@code schema} refers to, or {@code null}. */
  private static TypeMirror defType(SchemaMapper mapper, ObjectNode schema) {
    String ref = schema.path("$ref").asText();
    return ref.startsWith("#/$defs/") ? mapper.defType(ref.substring("#/$defs/".length())) : null;
  }

  /** The string formats an elicitation schema allows ({@code StringSchema} of MCP 2025-11-25). */
  private static final Set<String> FORMATS = Set.of("email", "uri", "date", "date-time");

  /** One field of a form: its JSON name, its record component (or {@code null}) and that one's {@code @Param}. */
  private record Field(String name, RecordComponentElement component, Optional<ParamPrism> param, String label) {}

  /**
   * The {@code @Param} of a record component, read from the canonical constructor's parameter, where Java
   * copies it too: javac places no diagnostic on a record component element, but does on that parameter (the
   * component in the record header when the constructor is implicit or compact).
   */
  private Optional<ParamPrism> param(RecordComponentElement component) {
    TypeElement record = (TypeElement) component.getEnclosingElement();
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    int index = components.indexOf(component);
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() != ElementKind.CONSTRUCTOR) {
        continue;
      }
      List<? extends VariableElement> parameters = ((ExecutableElement) member).getParameters();
      if (parameters.size() != components.size()) {
        continue;
      }
      boolean canonical = true;
      for (int i = 0; i < parameters.size() && canonical; i++) {
        canonical = env.getTypeUtils().isSameType(env.getTypeUtils().erasure(parameters.get(i).asType()),
            env.getTypeUtils().erasure(components.get(i).asType()));
      }
      if (canonical) {
        Optional<ParamPrism> param = ParamPrism.of(elements, parameters.get(index));
        if (param.isPresent()) {
          return param;
        }
      }
    }
    return ParamPrism.of(elements, component);
  }

  /** The components of a record by their JSON names; empty for a class. */
  private Map<String, RecordComponentElement> components(Element type) {
    Map<String, RecordComponentElement> out = new HashMap<>();
    if (type.getKind() != ElementKind.RECORD) {
      return out;
    }
    for (RecordComponentElement component : ((TypeElement) type).getRecordComponents()) {
      Element recordField = type.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.FIELD && e.getSimpleName().equals(component.getSimpleName()))
          .findFirst().orElse(null);
      String name = SchemaAnnotations.of(elements, component, component.getAccessor(), recordField).jsonName()
          .orElse(component.getSimpleName().toString());
      out.put(name, component);
    }
    return out;
  }

  /**
   * The property of one form field, from its mapped {@code schema}: {@code title}, {@code description} and
   * {@code default} from its {@code @Param}, a titled enum as {@code oneOf}/{@code anyOf} (or {@code enumNames}),
   * keywords in a fixed order ({@code type}, {@code title}, {@code description}, the mapped ones, {@code default}).
   * Returns {@code null} after reporting a problem.
   */
  private ObjectNode field(Field field, ObjectNode schema, boolean multiSelect, TypeMirror enumType,
      String defaultText, ObjectNode root, Diagnostics problems) {
    JsonNode value = null;
    if (!defaultText.isEmpty()) {
      value = formDefault(field, schema, multiSelect, defaultText, root, problems);
      if (value == null) {
        return null;
      }
    }
    Map<String, String> titles = enumType == null ? Map.of() : titles(enumType);
    boolean titled = titles.values().stream().anyMatch(t -> !t.isBlank());
    boolean enumNames = field.param.map(ParamPrism::enumNames).orElse(false);
    if (enumNames && (!titled || multiSelect)) {
      problems.problem(FindingCode.UNMAPPABLE_TYPE,
              field.param.get().origin(ParamPrism.Attr.ENUM_NAMES).labeled(field.label + " enumNames"))
          .found("@Param(enumNames = true) on " + SchemaMapper.display(field.component.asType()) + ", which is not "
              + (multiSelect ? "a single-select enum: the legacy enumNames has no multi-select form"
                  : "an enum with @Title constants: there are no names to write"))
          .fix(multiSelect ? "remove enumNames: a titled multi-select is written with items.anyOf"
              : "title the enum's constants with @Title, or remove enumNames").report();
      return null;
    }
    if (titled) {
      if (multiSelect) {
        ObjectNode items = (ObjectNode) schema.get("items");
        ArrayNode anyOf = options(items.get("enum"), titles);
        items.removeAll();
        items.set("anyOf", anyOf);
      } else if (enumNames) {
        ArrayNode names = JSON.arrayNode();
        schema.get("enum").forEach(v -> names.add(title(v.asText(), titles)));
        schema.set("enumNames", names);
      } else if (schema.has("enum")) {
        schema.set("oneOf", options(schema.remove("enum"), titles));
      }
    }
    ObjectNode out = JSON.objectNode();
    out.set("type", schema.get("type"));
    field.param.map(ParamPrism::fieldTitle).filter(t -> !t.isBlank()).ifPresent(t -> out.put("title", t));
    String description = field.param.map(ParamPrism::description).filter(d -> !d.isBlank())
        .orElse(schema.path("description").asText(null));
    if (description != null) {
      out.put("description", description);
    }
    schema.fields().forEachRemaining(keyword -> {
      if (!Set.of("type", "title", "description", "default").contains(keyword.getKey())) {
        out.set(keyword.getKey(), keyword.getValue());
      }
    });
    if (value != null) {
      out.set("default", value);
    }
    return out;
  }

  /** {@code [{"const": v, "title": t}, ...]} for the enum values {@code values}. */
  private static ArrayNode options(JsonNode values, Map<String, String> titles) {
    ArrayNode out = JSON.arrayNode();
    values.forEach(v -> out.addObject().put("const", v.asText()).put("title", title(v.asText(), titles)));
    return out;
  }

  private static String title(String value, Map<String, String> titles) {
    String title = titles.getOrDefault(value, "");
    return title.isBlank() ? value : title;
  }

  /** The {@code @Title}s of the constants of {@code type}, by their JSON values; empty for a type of no enum. */
  private Map<String, String> titles(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED || ((DeclaredType) type).asElement().getKind() != ElementKind.ENUM) {
      return Map.of();
    }
    DeclaredType declared = (DeclaredType) type;
    Map<String, String> out = new HashMap<>();
    for (Element constant : declared.asElement().getEnclosedElements()) {
      if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String value = SchemaAnnotations.of(elements, constant).jsonName().orElse(constant.getSimpleName().toString());
      TitlePrism.of(elements, constant).ifPresent(title -> out.put(value, title.value()));
    }
    return out;
  }

  /**
   * The checked default of a form field: plain text for a string or a single-select enum, JSON otherwise (a
   * multi-select takes an array); {@code null} after reporting {@code BadDefault}.
   */
  private JsonNode formDefault(Field field, ObjectNode schema, boolean multiSelect, String text, ObjectNode root,
      Diagnostics problems) {
    TypeMirror type = field.component.asType();
    if (SchemaMapper.qualifiedName(type).equals("java.util.Optional")) {
      type = ((DeclaredType) type).getTypeArguments().get(0);
    }
    boolean plainText = !multiSelect && (SchemaMapper.qualifiedName(type).equals("java.lang.String")
        || (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM));
    JsonNode value;
    String problem;
    String hint = "";
    if (plainText) {
      value = JSON.textNode(text);
      problem = SchemaInstanceCheck.problem(schema, value, root);
    } else {
      try {
        value = MAPPER.readTree(text);
        problem = value == null || value.isMissingNode() ? "no JSON value"
            : SchemaInstanceCheck.problem(schema, value, root);
      } catch (JsonProcessingException e) {
        value = null;
        problem = "not JSON (" + e.getOriginalMessage() + ")";
        if ("string".equals(schema.path("type").asText())) {
          hint = "write a JSON string, in quotes: defaultValue = " + quote(json(JSON.textNode(text)));
        }
      }
    }
    if (problem == null) {
      return value;
    }
    problems.problem(FindingCode.BAD_DEFAULT,
            field.param.get().origin(ParamPrism.Attr.DEFAULT_VALUE).labeled(field.label + " defaultValue"))
        .found(quote(text) + " for type " + SchemaMapper.display(field.component.asType()) + ": " + problem)
        .fix(hint).report();
    return null;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }

  /**
   * Checks a context parameter: no {@code @Param} (it is no argument), and no other parameter of its type
   * before it ({@code seen}, by type name). Reports {@code ContextParameter} and answers {@code false} otherwise.
   */
  private static boolean contextParameter(VariableElement parameter, Optional<ParamPrism> param, String label,
      Map<String, VariableElement> seen, Diagnostics problems) {
    String type = ContextTypes.accessor(parameter.asType()).orElse("").equals("form")
        ? SchemaMapper.display(parameter.asType()) : ContextTypes.simpleName(parameter.asType());
    boolean ok = true;
    if (param.isPresent()) {
      ok = false;
      problems.problem(FindingCode.CONTEXT_PARAMETER, param.get().origin().labeled(label))
          .found("@Param on a " + type + " parameter, which the server passes from the request: it is not part of"
              + " the input schema")
          .fix("remove the @Param").report();
    }
    VariableElement other = seen.putIfAbsent(type, parameter);
    if (other != null) {
      ok = false;
      problems.problem(FindingCode.CONTEXT_PARAMETER, Origin.at(parameter, label))
          .found("a second " + type + " parameter (" + other.getSimpleName() + " is one): both would get the same"
              + " object")
          .fix("remove one of them").report();
    }
    return ok;
  }

  /** The checked default, or {@code null} after reporting why it is not a valid value. */
  private JsonNode defaultValue(Pending p, ObjectNode root, Diagnostics problems) {
    TypeMirror type = p.property.valueType();
    boolean plainText = SchemaMapper.qualifiedName(type).equals("java.lang.String")
        || (type.getKind() == TypeKind.DECLARED && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM);
    JsonNode value;
    String problem;
    String hint = "";
    if (plainText) {
      value = JSON.textNode(p.defaultText);
      problem = SchemaInstanceCheck.problem(p.property.schema(), value, root);
    } else {
      try {
        value = MAPPER.readTree(p.defaultText);
        problem = value == null || value.isMissingNode() ? "no JSON value"
            : SchemaInstanceCheck.problem(p.property.schema(), value, root);
      } catch (JsonProcessingException e) {
        value = null;
        problem = "not JSON (" + e.getOriginalMessage() + ")";
        JsonNode schema = p.property.schema();
        if ("string".equals(schema.path("type").asText())) {
          hint = "write a JSON string, in quotes: defaultValue = " + quote(json(JSON.textNode(p.defaultText)));
        }
      }
    }
    if (problem == null) {
      return value;
    }
    problems.problem(FindingCode.BAD_DEFAULT,
            origin(p.element, p.param, ParamPrism.Attr.DEFAULT_VALUE, p.label + " defaultValue"))
        .found(quote(p.defaultText) + " for type " + SchemaMapper.display(p.element.asType()) + ": " + problem)
        .fix(hint).report();
    return null;
  }

  // ---- helpers -------------------------------------------------------------------------------------------------

  /** The attribute of {@code @Param}, or the parameter when it has none, under {@code label}. */
  private static Origin origin(VariableElement parameter, Optional<ParamPrism> param, ParamPrism.Attr attribute,
      String label) {
    return param.map(p -> p.origin(attribute)).orElseGet(() -> Origin.at(parameter, label)).labeled(label);
  }

  private static void unmappable(Diagnostics problems, Origin origin, Failure failure) {
    problems.problem(FindingCode.UNMAPPABLE_TYPE, origin)
        .found(failure.type() + (failure.member() == null ? "" : " (in " + failure.member() + ")"))
        .fix(failure.fix()).report();
  }

  private static List<Failure> distinct(List<Failure> failures) {
    return new ArrayList<>(new LinkedHashSet<>(failures));
  }

  /** {@code "text"} with Java string escapes, as the user would write it in the annotation. */
  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\t': out.append("\\t"); break;
        default: out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
