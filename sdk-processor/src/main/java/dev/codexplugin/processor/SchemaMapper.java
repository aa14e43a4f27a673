package dev.codexplugin.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Maps {@link TypeMirror}s to JSON Schema (draft 2020-12) for one schema document: a tool's input or its
 * output. The mapping table, the POJO rule and the naming of {@code $defs} are documented on
 * {@link ToolSchemas}; this class implements them.
 *
 * <p>Named types (records, classes, enums, sealed types) become {@code $defs} entries, built once per document
 * and per resolved type ({@code Page<User>} and {@code Page<Order>} are two entries), and are referenced with
 * {@code $ref}. While an entry is being built, a reference to it is simply a {@code $ref}: recursion ends there.
 * References carry a placeholder until {@link #finish}, which names the entries (order-independent, so the same
 * sources always give the same names) and sorts them.
 *
 * <p>A type that cannot be mapped does not throw: it becomes a {@link Failure} in the caller's list, and its
 * schema is {@code {}}. Failures of a {@code $defs} entry are replayed to every later use of it, so each
 * parameter whose type reaches a bad type is told about it.
 */
final class SchemaMapper {
  /** Which document is being built: the input (bound by Jackson) or the output (written by Jackson). */
  enum Side {
    INPUT,
    OUTPUT
  }

  /**
   * A type that cannot be mapped, the member it was found in (e.g. {@code Order.worker}, or {@code null}), and
   * how to fix it; reported as {@code UnmappableType} with the type (and member) as what was found.
   */
  record Failure(String type, String member, String fix) {}

  /**
   * The schema of a parameter, property or return value.
   *
   * @param schema the schema (a fresh node the caller may add {@code description} and {@code default} to)
   * @param optional whether the declared type is {@code Optional}, {@code OptionalInt}, {@code OptionalLong} or
   *     {@code OptionalDouble}
   * @param valueType the type the schema describes: the declared type, or the value type of an optional
   */
  record Property(ObjectNode schema, boolean optional, TypeMirror valueType) {}

  static final String LOCAL_TIME = "([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,9})?)?";
  static final String LOCAL_DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";
  static final String OFFSET = "(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?)";
  static final String JAVA_DURATION = "^PT(-?[0-9]+H)?(-?[0-9]+M)?(-?[0-9]+(\\.[0-9]{1,9})?S)?$";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String PLACEHOLDER = "#/$defs/";
  private static final Pattern NOT_DEFS_NAME_CHAR = Pattern.compile("[^A-Za-z0-9_.]");
  private static final List<String> JDK_PACKAGES = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

  private final Elements elements;
  private final Types types;
  private final Side side;
  private final Function<Element, JavadocText> javadoc;
  private final Map<String, Def> defs = new LinkedHashMap<>();
  private final Map<ObjectNode, Def> refOwners = new IdentityHashMap<>();
  /** Bodies of entries that refer to no entry, by type: shared by the documents of one side. */
  private final Map<String, Leaf> leaves;
  /** References made so far: an entry whose building made none is a {@link Leaf}. */
  private int refsMade;

  /**
   * The body of an entry that refers to no other entry (nor to itself), as built once, and its failures: a
   * record of strings and numbers is the same in every document, and 1,000 tools may share a few of them.
   */
  record Leaf(ObjectNode body, List<Failure> failures) {}

  /** One {@code $defs} entry. */
  private static final class Def {
    final DeclaredType type;
    final boolean objectLike;
    final ObjectNode body = JSON.objectNode();
    final List<Failure> failures = new ArrayList<>();
    final List<ObjectNode> refs = new ArrayList<>();
    boolean done;

    Def(DeclaredType type, boolean objectLike) {
      this.type = type;
      this.objectLike = objectLike;
    }
  }

  SchemaMapper(ProcessingEnvironment env, Side side) {
    this(env, side, element -> JavadocText.parse(env.getElementUtils().getDocComment(element)), new HashMap<>());
  }

  /**
   * A mapper that reads Javadoc through {@code javadoc} and keeps the bodies of entries that refer to no other
   * in {@code leaves}: caches shared by the documents of one side in one round.
   */
  SchemaMapper(ProcessingEnvironment env, Side side, Function<Element, JavadocText> javadoc,
      Map<String, Leaf> leaves) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.side = side;
    this.javadoc = javadoc;
    this.leaves = leaves;
  }

  // ---- entry points ------------------------------------------------------------------------------------------

  /**
   * The schema of a parameter, property or return value of {@code type}, with the Bean Validation constraints
   * of {@code annotations} (the member's and its type's).
   */
  Property property(TypeMirror type, SchemaAnnotations annotations, String member, List<Failure> sink) {
    TypeMirror valueType = type;
    boolean optional = false;
    if (type.getKind() == TypeKind.DECLARED) {
      String name = qualifiedName(type);
      switch (name) {
        case "java.util.Optional": {
          List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
          if (arguments.isEmpty()) {
            sink.add(new Failure(display(type), member, "it is a raw type; give its type argument, e.g."
                + " Optional<String>."));
            return new Property(JSON.objectNode(), true, type);
          }
          valueType = extendsBound(arguments.get(0));
          optional = true;
          break;
        }
        case "java.util.OptionalInt":
          valueType = types.getPrimitiveType(TypeKind.INT);
          optional = true;
          break;
        case "java.util.OptionalLong":
          valueType = types.getPrimitiveType(TypeKind.LONG);
          optional = true;
          break;
        case "java.util.OptionalDouble":
          valueType = types.getPrimitiveType(TypeKind.DOUBLE);
          optional = true;
          break;
        default:
          break;
      }
    }
    ObjectNode schema = value(valueType, member, sink);
    SchemaAnnotations all = optional
        ? annotations.with(SchemaAnnotations.of(elements, valueType))
        : annotations;
    applyConstraints(schema, all);
    return new Property(schema, optional, valueType);
  }

  /**
   * {@link #property} of a record component or bean property: also honours {@code @JsonFormat(pattern)}, with
   * which Jackson writes and reads the member's text its own way (it does not apply to parameters, which are
   * bound one by one).
   */
  private Property member(TypeMirror type, SchemaAnnotations annotations, String member, List<Failure> sink) {
    Property property = property(type, annotations, member, sink);
    ObjectNode schema = property.schema();
    if (annotations.jackson("JsonFormat").map(m -> !annotations.string(m, "pattern").isEmpty()).orElse(false)
        && "string".equals(schema.path("type").asText())) {
      schema.remove(List.of("format", "pattern"));
    }
    return property;
  }

  /**
   * Names the {@code $defs} entries, points every {@code $ref} at its entry, and adds {@code $defs} (sorted by
   * name) to {@code root} when any entry is referenced.
   */
  void finish(ObjectNode root) {
    List<Def> live = defs.values().stream().filter(d -> !d.refs.isEmpty()).collect(Collectors.toList());
    Map<String, Integer> shortCount = new HashMap<>();
    for (Def def : live) {
      shortCount.merge(shortName(def.type), 1, Integer::sum);
    }
    TreeMap<String, Def> named = new TreeMap<>();
    for (Def def : live) {
      String name = shortCount.get(shortName(def.type)) > 1 ? longName(def.type) : shortName(def.type);
      String unique = name;
      for (int i = 2; named.containsKey(unique); i++) {
        unique = name + "_" + i;
      }
      named.put(unique, def);
    }
    if (named.isEmpty()) {
      return;
    }
    ObjectNode out = root.putObject("$defs");
    finished.clear();
    named.forEach((name, def) -> finished.put(name, def.type));
    for (Map.Entry<String, Def> entry : named.entrySet()) {
      for (ObjectNode ref : entry.getValue().refs) {
        ref.put("$ref", PLACEHOLDER + entry.getKey());
      }
      out.set(entry.getKey(), entry.getValue().body);
    }
  }

  /** The type of each {@code $defs} entry the last {@link #finish} wrote, by entry name. */
  private final Map<String, DeclaredType> finished = new HashMap<>();

  /** The type of the {@code $defs} entry {@code name} that {@link #finish} wrote, or {@code null}. */
  DeclaredType defType(String name) {
    return finished.get(name);
  }

  /**
   * Whether values of this schema are JSON objects: an inline object schema, or a reference to a record, class
   * or sealed type whose every subtype is one.
   */
  boolean objectLike(ObjectNode schema) {
    Def def = refOwners.get(schema);
    return def != null ? def.objectLike : "object".equals(schema.path("type").asText());
  }

  /**
   * Copies the schema's keywords into {@code root}; a {@code $ref} is replaced by the body of its entry, which
   * stays in {@code $defs} only if something else refers to it.
   */
  void inline(ObjectNode schema, ObjectNode root) {
    Def def = refOwners.remove(schema);
    if (def == null) {
      root.setAll(schema);
      return;
    }
    def.refs.removeIf(ref -> ref == schema);
    root.setAll(def.body);
  }

  // ---- values --------------------------------------------------------------------------------------------------

  /** The schema of a value of {@code type} (not a parameter or property: {@code Optional} is not allowed here). */
  ObjectNode value(TypeMirror type, String member, List<Failure> sink) {
    ObjectNode schema = valueWithoutConstraints(type, member, sink);
    applyConstraints(schema, SchemaAnnotations.of(elements, type));
    return schema;
  }

  private ObjectNode valueWithoutConstraints(TypeMirror type, String member, List<Failure> sink) {
    switch (type.getKind()) {
      case BOOLEAN:
        return typed("boolean");
      case BYTE:
        return integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case SHORT:
        return integer(Short.MIN_VALUE, Short.MAX_VALUE);
      case INT:
        return integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case LONG:
        return typed("integer");
      case CHAR:
        return typed("string").put("minLength", 1).put("maxLength", 1);
      case FLOAT:
      case DOUBLE:
        return typed("number");
      case ARRAY:
        return array((ArrayType) type, member, sink);
      case DECLARED:
        return declared((DeclaredType) type, member, sink);
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return value(wildcard.getExtendsBound(), member, sink);
        }
        return fail(sink, type, member, "only ? extends T says what the value is; name the type, e.g."
            + " List<String>.");
      }
      case TYPEVAR: {
        Element owner = ((TypeVariable) type).asElement().getEnclosingElement();
        if (owner instanceof ExecutableElement) {
          return fail(sink, type, member, type + " is a type variable of the method, unknown at compile time;"
              + " use a concrete type.");
        }
        return fail(sink, type, member, type + " is a type variable that no use resolves; give the type"
            + " arguments where the type is used, e.g. Page<User>.");
      }
      case ERROR:
        return JSON.objectNode(); // javac reports the missing type itself
      default:
        return fail(sink, type, member, "it has no JSON form; use a record, a String, a number, a List or a"
            + " Map<String, V>.");
    }
  }

  private ObjectNode array(ArrayType type, String member, List<Failure> sink) {
    TypeKind component = type.getComponentType().getKind();
    if (component == TypeKind.BYTE) {
      return typed("string").put("contentEncoding", "base64");
    }
    if (component == TypeKind.CHAR) {
      return typed("string");
    }
    ObjectNode schema = typed("array");
    schema.set("items", value(type.getComponentType(), member, sink));
    return schema;
  }

  private ObjectNode declared(DeclaredType type, String member, List<Failure> sink) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    ObjectNode known = known(name);
    if (known != null) {
      return known;
    }
    switch (name) {
      case "java.util.Optional":
      case "java.util.OptionalInt":
      case "java.util.OptionalLong":
      case "java.util.OptionalDouble":
        return fail(sink, type, member, "Optional is only supported as the type of a parameter, a property or a"
            + " return value; inside a container, use the value type (List<String>, not List<Optional<String>>).");
      case "java.lang.Object":
        return fail(sink, type, member, "Object says nothing about the JSON it takes; use a concrete type: a"
            + " record, a String, a number, a List or a Map<String, V>.");
      default:
        break;
    }
    if (!element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty()) {
      return fail(sink, type, member, "it is a raw type; give its type arguments, e.g. "
          + element.getSimpleName() + "<String>.");
    }
    if (name.startsWith("java.util.")) {
      DeclaredType collection = asSuper(type, "java.util.Collection");
      if (collection != null) {
        ObjectNode schema = typed("array");
        schema.set("items", value(own(type, collection.getTypeArguments().get(0)), member, sink));
        if (asSuper(type, "java.util.Set") != null) {
          schema.put("uniqueItems", true);
        }
        return schema;
      }
      DeclaredType map = asSuper(type, "java.util.Map");
      if (map != null) {
        return map(type, map, member, sink);
      }
    }
    if (element.getKind() == ElementKind.ENUM) {
      return ref(type, false, sink, def -> enumBody(element, def));
    }
    if (element.getKind() == ElementKind.RECORD) {
      return ref(type, true, sink, def -> recordBody(type, element, def));
    }
    if (element.getModifiers().contains(Modifier.SEALED)) {
      return sealed(type, element, member, sink);
    }
    if (JDK_PACKAGES.stream().anyMatch(name::startsWith)) {
      return fail(sink, type, member, "it is a JDK type that is not a JSON value; use a record or a supported"
          + " type (String, numbers, boolean, java.time, UUID, URI, List, Set, Map<String, V>).");
    }
    if (element.getKind() == ElementKind.INTERFACE || element.getModifiers().contains(Modifier.ABSTRACT)) {
      return fail(sink, type, member, "Jackson cannot tell which implementation to create or describe from an"
          + " interface or abstract class; use a record or a concrete class, or make it a sealed interface.");
    }
    if (element.getKind() != ElementKind.CLASS) {
      return fail(sink, type, member, "it has no JSON form; use a record or a concrete class.");
    }
    if (element.getNestingKind() == NestingKind.LOCAL || element.getNestingKind() == NestingKind.ANONYMOUS) {
      return fail(sink, type, member, "Jackson cannot use a local or anonymous class; declare a top-level or static"
          + " nested class, or a record.");
    }
    if (side == Side.INPUT) {
      if (element.getNestingKind() == NestingKind.MEMBER && !element.getModifiers().contains(Modifier.STATIC)) {
        return fail(sink, type, member, "Jackson cannot create an inner (non-static) class; make it static, or a"
            + " record.");
      }
      boolean noArg = ElementFilter.constructorsIn(element.getEnclosedElements()).stream()
          .anyMatch(c -> c.getParameters().isEmpty());
      if (!noArg) {
        return fail(sink, type, member, "Jackson needs a no-arg constructor to create it; add one, or make it a"
            + " record.");
      }
    }
    return ref(type, true, sink, def -> beanBody(type, element, def));
  }

  /** The schema of a JDK value type of the mapping table, or {@code null}. */
  private ObjectNode known(String name) {
    switch (name) {
      case "java.lang.Boolean": return typed("boolean");
      case "java.lang.Byte": return integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
      case "java.lang.Short": return integer(Short.MIN_VALUE, Short.MAX_VALUE);
      case "java.lang.Integer": return integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
      case "java.lang.Long":
      case "java.math.BigInteger":
        return typed("integer");
      case "java.lang.Float":
      case "java.lang.Double":
      case "java.math.BigDecimal":
        return typed("number");
      case "java.lang.Character": return typed("string").put("minLength", 1).put("maxLength", 1);
      case "java.lang.String": return typed("string");
      case "java.time.Instant":
      case "java.time.OffsetDateTime":
      case "java.time.ZonedDateTime":
        return typed("string").put("format", "date-time");
      case "java.time.LocalDate": return typed("string").put("format", "date");
      case "java.time.LocalTime": return typed("string").put("pattern", "^" + LOCAL_TIME + "$");
      case "java.time.LocalDateTime":
        return typed("string").put("pattern", "^" + LOCAL_DATE + "T" + LOCAL_TIME + "$");
      case "java.time.OffsetTime":
        return side == Side.INPUT
            ? typed("string").put("format", "time")
            : typed("string").put("pattern", "^" + LOCAL_TIME + OFFSET + "$");
      case "java.time.Duration":
        return side == Side.INPUT
            ? typed("string").put("format", "duration")
            : typed("string").put("pattern", JAVA_DURATION);
      case "java.util.UUID": return typed("string").put("format", "uuid");
      case "java.net.URI": return typed("string").put("format", "uri-reference");
      case "java.net.URL": return typed("string").put("format", "uri");
      default: return null;
    }
  }

  private ObjectNode map(DeclaredType type, DeclaredType map, String member, List<Failure> sink) {
    TypeMirror key = extendsBound(own(type, map.getTypeArguments().get(0)));
    ObjectNode schema = typed("object");
    ObjectNode keys = null;
    if (key.getKind() == TypeKind.DECLARED
        && ((DeclaredType) key).asElement().getKind() == ElementKind.ENUM) {
      keys = value(key, member, sink);
    } else if (!"java.lang.String".equals(qualifiedName(key))) {
      return fail(sink, type, member, "JSON object keys are strings; use Map<String, V> or a Map keyed by an"
          + " enum.");
    }
    if (keys != null) {
      schema.set("propertyNames", keys);
    }
    schema.set("additionalProperties", value(own(type, map.getTypeArguments().get(1)), member, sink));
    return schema;
  }

  // ---- $defs entries --------------------------------------------------------------------------------------------

  private interface Body {
    void build(Def def);
  }

  private ObjectNode ref(DeclaredType type, boolean objectLike, List<Failure> sink, Body body) {
    String key = key(type);
    Def def = defs.get(key);
    if (def == null) {
      def = new Def(type, objectLike);
      defs.put(key, def);
      // The key leaves out type annotations, which may reach the body (List<@NotBlank String>); javac's text of
      // the type has them.
      String leafKey = key + " " + type;
      Leaf leaf = leaves.get(leafKey);
      if (leaf != null) {
        def.body.setAll(leaf.body().deepCopy());
        def.failures.addAll(leaf.failures());
      } else {
        int refsBefore = refsMade;
        body.build(def);
        if (refsMade == refsBefore) {
          // It refers to no entry, not even its own: the same body in every document of this side.
          leaves.put(leafKey, new Leaf(def.body.deepCopy(), List.copyOf(def.failures)));
        }
      }
      def.done = true;
      sink.addAll(def.failures);
    } else if (def.done) {
      sink.addAll(def.failures);
    }
    refsMade++;
    ObjectNode ref = JSON.objectNode().put("$ref", PLACEHOLDER + key);
    def.refs.add(ref);
    refOwners.put(ref, def);
    return ref;
  }

  private void describeType(TypeElement element, ObjectNode body) {
    SchemaAnnotations.of(elements, element).jackson("JsonClassDescription")
        .map(m -> SchemaAnnotations.of(elements, element).string(m, "value"))
        .filter(s -> !s.isBlank())
        .ifPresent(s -> body.put("description", s));
  }

  private void enumBody(TypeElement element, Def def) {
    ObjectNode body = def.body.put("type", "string");
    describeType(element, body);
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (SchemaAnnotations.of(elements, method).jackson("JsonValue").isPresent()) {
        def.failures.add(new Failure(display(def.type), null, "its JSON values come from the @JsonValue method "
            + method.getSimpleName() + "(), unknown at compile time; remove @JsonValue and name the values with"
            + " @JsonProperty on the constants."));
        return;
      }
    }
    ArrayNode values = body.putArray("enum");
    for (Element constant : element.getEnclosedElements()) {
      if (constant.getKind() == ElementKind.ENUM_CONSTANT) {
        values.add(SchemaAnnotations.of(elements, constant).jsonName()
            .orElse(constant.getSimpleName().toString()));
      }
    }
  }

  private void recordBody(DeclaredType type, TypeElement element, Def def) {
    ObjectNode body = def.body.put("type", "object");
    describeType(element, body);
    ObjectNode properties = body.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    discriminator(element, properties, required, def.failures);
    JavadocText doc = javadoc.apply(element);
    for (RecordComponentElement component : element.getRecordComponents()) {
      ExecutableElement accessor = component.getAccessor();
      VariableElement field = field(element, component.getSimpleName().toString());
      SchemaAnnotations annotations = SchemaAnnotations.of(elements, component, accessor, field,
          component.asType());
      if (annotations.jsonIgnore() || !accessible(annotations)) {
        continue;
      }
      String name = annotations.jsonName().orElse(component.getSimpleName().toString());
      if (properties.has(name)) {
        continue; // the type id property of @JsonTypeInfo(include = EXISTING_PROPERTY)
      }
      String member = element.getSimpleName() + "." + component.getSimpleName();
      Property property = member(memberType(type, accessor), annotations, member, def.failures);
      Optional<String> description = annotations.jsonDescription()
          .or(() -> doc.param(component.getSimpleName().toString()));
      boolean mayBeAbsent = property.optional() || annotations.nullable();
      put(properties, required, name, property.schema(), description,
          !mayBeAbsent || annotations.jsonRequired());
    }
    if (!required.isEmpty()) {
      body.set("required", required);
    }
    body.put("additionalProperties", false);
  }

  /** A bean property: its field (any visibility, not static or transient), getter and setter. */
  private static final class BeanProperty {
    VariableElement field;
    boolean fieldVisible;
    ExecutableElement getter;
    ExecutableElement setter;
  }

  private void beanBody(DeclaredType type, TypeElement element, Def def) {
    ObjectNode body = def.body.put("type", "object");
    describeType(element, body);
    ObjectNode properties = body.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    discriminator(element, properties, required, def.failures);
    Map<String, BeanProperty> beans = new LinkedHashMap<>();
    for (TypeElement c : classChain(element)) {
      for (Element member : c.getEnclosedElements()) {
        collect(member, beans);
      }
    }
    for (Map.Entry<String, BeanProperty> entry : beans.entrySet()) {
      BeanProperty bean = entry.getValue();
      ExecutableElement accessor = side == Side.INPUT ? bean.setter : bean.getter;
      ExecutableElement other = side == Side.INPUT ? bean.getter : bean.setter;
      if (accessor == null && !bean.fieldVisible) {
        continue;
      }
      SchemaAnnotations annotations = SchemaAnnotations.of(elements, accessor, bean.field, other,
          accessorType(accessor), bean.field == null ? null : bean.field.asType());
      if (annotations.jsonIgnore() || !accessible(annotations)) {
        continue;
      }
      String name = annotations.jsonName().orElse(entry.getKey());
      if (properties.has(name)) {
        continue; // the type id property of @JsonTypeInfo(include = EXISTING_PROPERTY)
      }
      String member = element.getSimpleName() + "." + entry.getKey();
      TypeMirror memberType = accessor != null ? memberType(type, accessor) : memberType(type, bean.field);
      Property property = member(memberType, annotations, member, def.failures);
      Optional<String> description = annotations.jsonDescription()
          .or(() -> bean.field == null ? Optional.empty()
              : javadoc.apply(bean.field).main())
          .or(() -> bean.getter == null ? Optional.empty()
              : javadoc.apply(bean.getter).returns());
      boolean notNull = annotations.constraint("NotNull").isPresent()
          || annotations.constraint("NotBlank").isPresent() || annotations.constraint("NotEmpty").isPresent();
      put(properties, required, name, property.schema(), description, notNull || annotations.jsonRequired());
    }
    if (!required.isEmpty()) {
      body.set("required", required);
    }
    body.put("additionalProperties", false);
  }

  private void collect(Element member, Map<String, BeanProperty> beans) {
    if (member.getModifiers().contains(Modifier.STATIC)) {
      return;
    }
    boolean visible = member.getModifiers().contains(Modifier.PUBLIC)
        || SchemaAnnotations.of(elements, member).jackson("JsonProperty").isPresent();
    if (member.getKind() == ElementKind.FIELD) {
      if (!member.getModifiers().contains(Modifier.TRANSIENT)) {
        BeanProperty bean = beans.computeIfAbsent(member.getSimpleName().toString(), n -> new BeanProperty());
        bean.field = (VariableElement) member;
        bean.fieldVisible = visible;
      }
      return;
    }
    if (member.getKind() != ElementKind.METHOD || !visible) {
      return;
    }
    ExecutableElement method = (ExecutableElement) member;
    String name = method.getSimpleName().toString();
    TypeMirror returns = method.getReturnType();
    if (method.getParameters().isEmpty() && returns.getKind() != TypeKind.VOID) {
      if (name.startsWith("get") && name.length() > 3) {
        beans.computeIfAbsent(beanName(name.substring(3)), n -> new BeanProperty()).getter = method;
      } else if (name.startsWith("is") && name.length() > 2 && (returns.getKind() == TypeKind.BOOLEAN
          || "java.lang.Boolean".equals(qualifiedName(returns)))) {
        beans.computeIfAbsent(beanName(name.substring(2)), n -> new BeanProperty()).getter = method;
      }
    } else if (method.getParameters().size() == 1 && name.startsWith("set") && name.length() > 3) {
      beans.computeIfAbsent(beanName(name.substring(3)), n -> new BeanProperty()).setter = method;
    }
  }

  /** Jackson's default (legacy) naming: the leading upper-case letters become lower case. */
  static String beanName(String suffix) {
    StringBuilder out = new StringBuilder(suffix.length());
    boolean leading = true;
    for (char c : suffix.toCharArray()) {
      if (leading && Character.isUpperCase(c)) {
        out.append(Character.toLowerCase(c));
      } else {
        leading = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** Superclasses (outside the JDK) first, then the class itself. */
  private List<TypeElement> classChain(TypeElement element) {
    Deque<TypeElement> chain = new ArrayDeque<>();
    TypeElement current = element;
    while (current != null) {
      chain.addFirst(current);
      TypeMirror superclass = current.getSuperclass();
      if (superclass.getKind() != TypeKind.DECLARED) {
        break;
      }
      current = (TypeElement) ((DeclaredType) superclass).asElement();
      String name = current.getQualifiedName().toString();
      if (JDK_PACKAGES.stream().anyMatch(name::startsWith)) {
        break;
      }
    }
    return new ArrayList<>(chain);
  }

  private boolean accessible(SchemaAnnotations annotations) {
    String access = annotations.jsonAccess();
    return side == Side.INPUT ? !access.equals("READ_ONLY") : !access.equals("WRITE_ONLY");
  }

  private static void put(ObjectNode properties, ArrayNode required, String name, ObjectNode schema,
      Optional<String> description, boolean isRequired) {
    description.ifPresent(d -> schema.put("description", d));
    properties.set(name, schema);
    if (isRequired) {
      required.add(name);
    }
  }

  // ---- sealed types and @JsonTypeInfo --------------------------------------------------------------------------

  /** {@code @JsonTypeInfo} as found on a type or its nearest annotated supertype. */
  private record TypeInfo(TypeElement base, String use, String include, String property) {
    boolean named() {
      return use.equals("NAME") || use.equals("SIMPLE_NAME") || use.equals("DEDUCTION");
    }
  }

  private TypeInfo typeInfo(TypeElement element) {
    Deque<TypeElement> queue = new ArrayDeque<>(List.of(element));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      TypeElement current = queue.removeFirst();
      if (!seen.add(current.getQualifiedName().toString())) {
        continue;
      }
      SchemaAnnotations annotations = SchemaAnnotations.of(elements, current);
      Optional<AnnotationMirror> info = annotations.jackson("JsonTypeInfo");
      if (info.isPresent()) {
        String use = annotations.enumConstant(info.get(), "use");
        if (use.equals("NONE")) {
          return null;
        }
        String property = annotations.string(info.get(), "property");
        if (property.isEmpty()) {
          property = use.equals("CLASS") ? "@class" : use.equals("MINIMAL_CLASS") ? "@c" : "@type";
        }
        return new TypeInfo(current, use, annotations.enumConstant(info.get(), "include"), property);
      }
      List<TypeMirror> supertypes = new ArrayList<>();
      supertypes.add(current.getSuperclass());
      supertypes.addAll(current.getInterfaces());
      for (TypeMirror supertype : supertypes) {
        if (supertype.getKind() == TypeKind.DECLARED) {
          queue.addLast((TypeElement) ((DeclaredType) supertype).asElement());
        }
      }
    }
    return null;
  }

  /** The subtypes Jackson knows from {@code @JsonSubTypes}, reached from {@code base}: qualified name to name. */
  private Map<String, String> registered(TypeElement base) {
    Map<String, String> out = new LinkedHashMap<>();
    Deque<TypeElement> queue = new ArrayDeque<>(List.of(base));
    Set<String> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      TypeElement current = queue.removeFirst();
      if (!seen.add(current.getQualifiedName().toString())) {
        continue;
      }
      SchemaAnnotations annotations = SchemaAnnotations.of(elements, current);
      Optional<AnnotationMirror> subTypes = annotations.jackson("JsonSubTypes");
      if (subTypes.isEmpty()) {
        continue;
      }
      for (AnnotationMirror entry : annotations.annotations(subTypes.get(), "value")) {
        TypeMirror subtype = annotations.type(entry, "value");
        if (subtype != null && subtype.getKind() == TypeKind.DECLARED) {
          TypeElement subElement = (TypeElement) ((DeclaredType) subtype).asElement();
          out.putIfAbsent(subElement.getQualifiedName().toString(), annotations.string(entry, "name"));
          queue.addLast(subElement);
        }
      }
    }
    return out;
  }

  /** The type id Jackson writes for {@code element} under {@code info}. */
  private String typeId(TypeInfo info, TypeElement element) {
    String binary = elements.getBinaryName(element).toString();
    switch (info.use()) {
      case "CLASS":
        return binary;
      case "MINIMAL_CLASS": {
        String prefix = elements.getPackageOf(info.base()).getQualifiedName() + ".";
        return binary.startsWith(prefix) ? binary.substring(prefix.length() - 1) : binary;
      }
      default: {
        String listed = registered(info.base()).getOrDefault(element.getQualifiedName().toString(), "");
        if (!listed.isEmpty()) {
          return listed;
        }
        SchemaAnnotations annotations = SchemaAnnotations.of(elements, element);
        String typeName = annotations.jackson("JsonTypeName").map(m -> annotations.string(m, "value")).orElse("");
        if (!typeName.isEmpty()) {
          return typeName;
        }
        return info.use().equals("SIMPLE_NAME")
            ? element.getSimpleName().toString()
            : binary.substring(binary.lastIndexOf('.') + 1);
      }
    }
  }

  /** Adds the type id property of {@code @JsonTypeInfo} (inherited from any supertype) as a {@code const}. */
  private void discriminator(TypeElement element, ObjectNode properties, ArrayNode required,
      List<Failure> failures) {
    TypeInfo info = typeInfo(element);
    if (info == null || info.use().equals("DEDUCTION")) {
      return;
    }
    String where = "@JsonTypeInfo of " + info.base().getSimpleName();
    if (!Set.of("CLASS", "MINIMAL_CLASS", "NAME", "SIMPLE_NAME").contains(info.use())) {
      failures.add(new Failure(display(element.asType()), where, "@JsonTypeInfo(use = " + info.use() + ") has no"
          + " schema; use JsonTypeInfo.Id.NAME."));
      return;
    }
    if (!info.include().equals("PROPERTY") && !info.include().equals("EXISTING_PROPERTY")) {
      failures.add(new Failure(display(element.asType()), where, "@JsonTypeInfo(include = " + info.include()
          + ") is not supported; use JsonTypeInfo.As.PROPERTY (the default)."));
      return;
    }
    properties.set(info.property(), typed("string").put("const", typeId(info, element)));
    required.add(info.property());
  }

  private ObjectNode sealed(DeclaredType type, TypeElement element, String member, List<Failure> sink) {
    List<Failure> leafFailures = new ArrayList<>();
    List<DeclaredType> leaves = new ArrayList<>();
    leaves(type, member, leaves, leafFailures);
    boolean objectLike = !leaves.isEmpty();
    for (DeclaredType leaf : leaves) {
      ElementKind kind = leaf.asElement().getKind();
      objectLike &= kind == ElementKind.RECORD || kind == ElementKind.CLASS;
    }
    boolean allObjects = objectLike;
    return ref(type, objectLike, sink, def -> {
      def.failures.addAll(leafFailures);
      TypeInfo info = typeInfo(element);
      if (info == null && side == Side.INPUT) {
        def.failures.add(new Failure(display(type), member, "Jackson cannot tell its subtypes apart; annotate "
            + element.getSimpleName() + " with @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = \"type\")"
            + " and list the subtypes in @JsonSubTypes."));
        return;
      }
      if (info != null && side == Side.INPUT && info.named()) {
        Map<String, String> known = registered(info.base());
        for (DeclaredType leaf : leaves) {
          TypeElement leafElement = (TypeElement) leaf.asElement();
          if (!known.containsKey(leafElement.getQualifiedName().toString())) {
            def.failures.add(new Failure(display(type), member, "Jackson 2 does not find permitted subclasses by"
                + " itself; list " + leafElement.getSimpleName() + " in @JsonSubTypes of "
                + info.base().getSimpleName() + "."));
          }
        }
      }
      ObjectNode body = def.body;
      if (allObjects) {
        body.put("type", "object");
      }
      describeType(element, body);
      ArrayNode alternatives = body.putArray(info == null ? "anyOf" : "oneOf");
      for (DeclaredType leaf : leaves) {
        if (info != null && leaf.asElement().getKind() == ElementKind.ENUM) {
          def.failures.add(new Failure(display(leaf), member, "an enum cannot carry the type id of @JsonTypeInfo;"
              + " use a record."));
          continue;
        }
        alternatives.add(value(leaf, member, def.failures));
      }
    });
  }

  /** The concrete types of a sealed hierarchy, in {@code permits} order. */
  private void leaves(DeclaredType type, String member, List<DeclaredType> out, List<Failure> failures) {
    TypeElement element = (TypeElement) type.asElement();
    if (element.getKind() == ElementKind.CLASS && !element.getModifiers().contains(Modifier.ABSTRACT)) {
      failures.add(new Failure(display(type), member, "a sealed class that is not abstract is both a value and"
          + " the union of its subclasses; make " + element.getSimpleName() + " abstract (or an interface)."));
      return;
    }
    for (TypeMirror permitted : element.getPermittedSubclasses()) {
      TypeElement sub = (TypeElement) types.asElement(permitted);
      DeclaredType resolved = resolveSubtype(sub, type);
      if (resolved == null) {
        failures.add(new Failure(sub.getQualifiedName().toString(), member, "its type parameters cannot be"
            + " resolved from " + display(type) + "; declare it with the same type parameters as "
            + element.getSimpleName() + "."));
      } else if (sub.getModifiers().contains(Modifier.SEALED)) {
        leaves(resolved, member, out, failures);
      } else if (sub.getKind() == ElementKind.INTERFACE || sub.getModifiers().contains(Modifier.ABSTRACT)) {
        failures.add(new Failure(display(permitted), member, "a non-sealed " + sub.getSimpleName() + " has"
            + " subtypes unknown at compile time; make it sealed (or, for a class, final)."));
      } else {
        out.add(resolved);
      }
    }
  }

  /** {@code sub} with its type parameters bound from {@code parent}, or {@code null}. */
  private DeclaredType resolveSubtype(TypeElement sub, DeclaredType parent) {
    if (sub.getTypeParameters().isEmpty()) {
      return (DeclaredType) sub.asType();
    }
    DeclaredType generic = (DeclaredType) sub.asType();
    DeclaredType asParent = asSuper(generic, qualifiedName(parent));
    if (asParent == null || asParent.getTypeArguments().size() != parent.getTypeArguments().size()) {
      return null;
    }
    Map<String, TypeMirror> bound = new HashMap<>();
    for (int i = 0; i < asParent.getTypeArguments().size(); i++) {
      TypeMirror argument = asParent.getTypeArguments().get(i);
      if (argument.getKind() == TypeKind.TYPEVAR) {
        bound.putIfAbsent(((TypeVariable) argument).asElement().getSimpleName().toString(),
            parent.getTypeArguments().get(i));
      }
    }
    List<TypeMirror> arguments = new ArrayList<>();
    for (TypeParameterElement parameter : sub.getTypeParameters()) {
      TypeMirror argument = bound.get(parameter.getSimpleName().toString());
      if (argument == null) {
        return null;
      }
      arguments.add(argument);
    }
    return types.getDeclaredType(sub, arguments.toArray(new TypeMirror[0]));
  }

  // ---- Bean Validation -----------------------------------------------------------------------------------------

  /**
   * Adds the keywords of the Bean Validation constraints that apply to the schema's JSON type; the others are
   * left out. Where a keyword is already set, the stricter bound wins.
   */
  void applyConstraints(ObjectNode schema, SchemaAnnotations a) {
    String type = schema.path("type").asText();
    switch (type) {
      case "string": {
        a.constraint("NotEmpty").ifPresent(m -> atLeast(schema, "minLength", BigDecimal.ONE));
        a.constraint("NotBlank").ifPresent(m -> atLeast(schema, "minLength", BigDecimal.ONE));
        a.constraint("Size").ifPresent(m -> size(schema, a, m, "minLength", "maxLength"));
        Optional<AnnotationMirror> pattern = a.constraint("Pattern");
        pattern.ifPresent(m -> schema.put("pattern", anchored(a.string(m, "regexp"))));
        if (pattern.isEmpty() && a.constraint("NotBlank").isPresent()) {
          schema.put("pattern", "\\S");
        }
        if (side == Side.INPUT && a.constraint("Email").isPresent() && !schema.has("format")) {
          schema.put("format", "email");
        }
        break;
      }
      case "array":
        a.constraint("NotEmpty").ifPresent(m -> atLeast(schema, "minItems", BigDecimal.ONE));
        a.constraint("Size").ifPresent(m -> size(schema, a, m, "minItems", "maxItems"));
        break;
      case "object":
        if (schema.has("additionalProperties") && !schema.has("properties")) { // a Map
          a.constraint("NotEmpty").ifPresent(m -> atLeast(schema, "minProperties", BigDecimal.ONE));
          a.constraint("Size").ifPresent(m -> size(schema, a, m, "minProperties", "maxProperties"));
        }
        break;
      case "integer":
      case "number":
        a.constraint("Min").ifPresent(m -> atLeast(schema, "minimum", BigDecimal.valueOf(a.number(m, "value", 0))));
        a.constraint("Max").ifPresent(m -> atMost(schema, "maximum", BigDecimal.valueOf(a.number(m, "value", 0))));
        a.constraint("DecimalMin").ifPresent(m -> decimal(schema, a, m, true));
        a.constraint("DecimalMax").ifPresent(m -> decimal(schema, a, m, false));
        a.constraint("Positive").ifPresent(m -> atLeast(schema, "exclusiveMinimum", BigDecimal.ZERO));
        a.constraint("PositiveOrZero").ifPresent(m -> atLeast(schema, "minimum", BigDecimal.ZERO));
        a.constraint("Negative").ifPresent(m -> atMost(schema, "exclusiveMaximum", BigDecimal.ZERO));
        a.constraint("NegativeOrZero").ifPresent(m -> atMost(schema, "maximum", BigDecimal.ZERO));
        break;
      default:
        break;
    }
  }

  /** Bean Validation matches the whole text; a JSON Schema pattern matches anywhere unless anchored. */
  private static String anchored(String regex) {
    boolean anchored = regex.startsWith("^") && regex.endsWith("$") && !regex.endsWith("\\$")
        && !regex.contains("|");
    return anchored ? regex : "^(?:" + regex + ")$";
  }

  private static void size(ObjectNode schema, SchemaAnnotations a, AnnotationMirror m, String min, String max) {
    long low = a.number(m, "min", 0);
    long high = a.number(m, "max", Integer.MAX_VALUE);
    if (low > 0) {
      atLeast(schema, min, BigDecimal.valueOf(low));
    }
    if (high < Integer.MAX_VALUE) {
      atMost(schema, max, BigDecimal.valueOf(high));
    }
  }

  private static void decimal(ObjectNode schema, SchemaAnnotations a, AnnotationMirror m, boolean min) {
    BigDecimal value;
    try {
      value = new BigDecimal(a.string(m, "value"));
    } catch (NumberFormatException e) {
      return; // Bean Validation rejects it at run time; nothing to describe
    }
    boolean inclusive = a.raw(m, "inclusive") instanceof Boolean b ? b : true;
    if (min) {
      atLeast(schema, inclusive ? "minimum" : "exclusiveMinimum", value);
    } else {
      atMost(schema, inclusive ? "maximum" : "exclusiveMaximum", value);
    }
  }

  private static void atLeast(ObjectNode schema, String keyword, BigDecimal value) {
    JsonNode old = schema.get(keyword);
    if (old == null || old.decimalValue().compareTo(value) < 0) {
      schema.set(keyword, number(value));
    }
    dropLooser(schema, "minimum", "exclusiveMinimum", 1);
  }

  private static void atMost(ObjectNode schema, String keyword, BigDecimal value) {
    JsonNode old = schema.get(keyword);
    if (old == null || old.decimalValue().compareTo(value) > 0) {
      schema.set(keyword, number(value));
    }
    dropLooser(schema, "maximum", "exclusiveMaximum", -1);
  }

  /** Of an inclusive and an exclusive bound on the same side, keeps only the stricter one. */
  private static void dropLooser(ObjectNode schema, String inclusive, String exclusive, int sign) {
    if (schema.has(inclusive) && schema.has(exclusive)) {
      int stricter = schema.get(exclusive).decimalValue().compareTo(schema.get(inclusive).decimalValue()) * sign;
      schema.remove(stricter >= 0 ? inclusive : exclusive);
    }
  }

  private static JsonNode number(BigDecimal value) {
    if (value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0) {
      try {
        return JSON.numberNode(value.longValueExact());
      } catch (ArithmeticException e) {
        return JSON.numberNode(value.toBigIntegerExact());
      }
    }
    return JSON.numberNode(value);
  }

  // ---- types ---------------------------------------------------------------------------------------------------

  private VariableElement field(TypeElement element, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(element.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name) && !field.getModifiers().contains(Modifier.STATIC)) {
        return field;
      }
    }
    return null;
  }

  private static TypeMirror accessorType(ExecutableElement accessor) {
    if (accessor == null) {
      return null;
    }
    return accessor.getParameters().isEmpty() ? accessor.getReturnType() : accessor.getParameters().get(0).asType();
  }

  /** The type of a field, getter (its return type) or setter (its parameter) as a member of {@code owner}. */
  private TypeMirror memberType(DeclaredType owner, Element member) {
    if (owner.getTypeArguments().isEmpty() && member.getEnclosingElement().equals(owner.asElement())) {
      return member instanceof ExecutableElement e ? accessorType(e) : member.asType();
    }
    TypeMirror type = types.asMemberOf(owner, member);
    if (type instanceof ExecutableType executable) {
      return executable.getParameterTypes().isEmpty()
          ? executable.getReturnType()
          : executable.getParameterTypes().get(0);
    }
    return type;
  }

  /** {@code type} seen as its supertype {@code qualifiedName} (with type arguments), or {@code null}. */
  private DeclaredType asSuper(DeclaredType type, String qualifiedName) {
    Deque<TypeMirror> queue = new ArrayDeque<>(List.of(type));
    while (!queue.isEmpty()) {
      TypeMirror current = queue.removeFirst();
      if (current.getKind() != TypeKind.DECLARED) {
        continue;
      }
      if (qualifiedName(current).equals(qualifiedName)) {
        DeclaredType found = (DeclaredType) current;
        TypeElement element = (TypeElement) found.asElement();
        return found.getTypeArguments().size() == element.getTypeParameters().size() ? found : null;
      }
      queue.addAll(types.directSupertypes(current));
    }
    return null;
  }

  /**
   * The type argument of {@code type} that is the same type as {@code resolved} (a type argument of one of its
   * supertypes), so that its type annotations ({@code List<@NotBlank String>}) are kept; else {@code resolved}.
   */
  private TypeMirror own(DeclaredType type, TypeMirror resolved) {
    for (TypeMirror argument : type.getTypeArguments()) {
      if (types.isSameType(argument, resolved)) {
        return argument;
      }
    }
    return resolved;
  }

  private static TypeMirror extendsBound(TypeMirror type) {
    if (type.getKind() == TypeKind.WILDCARD && ((WildcardType) type).getExtendsBound() != null) {
      return ((WildcardType) type).getExtendsBound();
    }
    return type;
  }

  static String qualifiedName(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return "";
    }
    return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
  }

  /** The identity of a type for {@code $defs}: qualified names and type arguments, without annotations. */
  private static String key(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED: {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return qualifiedName(type) + (arguments.isEmpty() ? ""
            : arguments.stream().map(SchemaMapper::key).collect(Collectors.joining(",", "<", ">")));
      }
      case ARRAY:
        return key(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() != null ? key(wildcard.getExtendsBound())
            : wildcard.getSuperBound() != null ? "? super " + key(wildcard.getSuperBound()) : "?";
      }
      default:
        return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT) : type.toString();
    }
  }

  /** {@code Page_User}: simple names, type arguments appended with {@code _}. */
  private static String shortName(TypeMirror type) {
    return name(type, false);
  }

  /** {@code com.acme.Page_com.acme.User}: the same with qualified names, used when simple names collide. */
  private static String longName(TypeMirror type) {
    return name(type, true);
  }

  private static String name(TypeMirror type, boolean qualified) {
    switch (type.getKind()) {
      case DECLARED: {
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        StringBuilder out = new StringBuilder(sanitize(
            (qualified ? element.getQualifiedName() : element.getSimpleName()).toString()));
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          out.append('_').append(name(argument, qualified));
        }
        return out.toString();
      }
      case ARRAY:
        return name(((ArrayType) type).getComponentType(), qualified) + "Array";
      case WILDCARD: {
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null ? "Object" : name(bound, qualified);
      }
      default:
        return sanitize(type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT)
            : type.toString());
    }
  }

  /** Keeps {@code $defs} names to ASCII letters, digits, {@code _} and {@code .}: safe in a JSON pointer and URI. */
  private static String sanitize(String name) {
    for (int i = 0; i < name.length(); i++) {
      if (!isDefsNameChar(name.charAt(i))) {
        return NOT_DEFS_NAME_CHAR.matcher(name).replaceAll("_");
      }
    }
    return name;
  }

  private static boolean isDefsNameChar(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
  }

  /** How a type is named in messages: as declared, without type annotations. */
  static String display(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED: {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        return qualifiedName(type) + (arguments.isEmpty() ? ""
            : arguments.stream().map(SchemaMapper::display).collect(Collectors.joining(", ", "<", ">")));
      }
      case ARRAY:
        return display(((ArrayType) type).getComponentType()) + "[]";
      case WILDCARD: {
        WildcardType wildcard = (WildcardType) type;
        return wildcard.getExtendsBound() != null ? "? extends " + display(wildcard.getExtendsBound())
            : wildcard.getSuperBound() != null ? "? super " + display(wildcard.getSuperBound()) : "?";
      }
      case TYPEVAR:
        return ((TypeVariable) type).asElement().getSimpleName().toString();
      default:
        return type.getKind().isPrimitive() ? type.getKind().name().toLowerCase(Locale.ROOT) : type.toString();
    }
  }

  private static ObjectNode typed(String type) {
    return JSON.objectNode().put("type", type);
  }

  private static ObjectNode integer(long min, long max) {
    return typed("integer").put("minimum", min).put("maximum", max);
  }

  private static ObjectNode fail(List<Failure> sink, TypeMirror type, String member, String fix) {
    sink.add(new Failure(display(type), member, fix));
    return JSON.objectNode();
  }
}
