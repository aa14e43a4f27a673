package dev.codexplugin.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.codexplugin.runtime.FindingCode;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every problem the schema generator reports: its code and words, pinned to the line of the parameter (the
 * {@code @Param} attribute for defaults, the method for return types), and nothing else reported with it.
 */
class ToolSchemasErrorsTest {
  private static final String UNMAPPABLE = "[codexplugin:UnmappableType] @McpTool ";
  private static final String BAD_DEFAULT = "[codexplugin:BadDefault] @McpTool ";

  private static JavaFileObject tools(String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "package test;",
        "",
        "import com.fasterxml.jackson.annotation.*;",
        "import dev.codexplugin.api.*;",
        "import java.time.*;",
        "import java.util.*;",
        ""));
    lines.addAll(List.of(body));
    return JavaFileObjects.forSourceLines("test.Tools", lines);
  }

  private static Compilation compile(JavaFileObject source) {
    return SchemaCompiler.compile(source);
  }

  // ---- UnmappableType on inputs ------------------------------------------------------------------------------

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void object() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void find(String ok,",
        "      Object filter) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "find parameter filter must be a type that maps to JSON Schema; found java.lang.Object."
            + " Object says nothing about the JSON it takes; use a concrete type")
        .inFile(source).onLineContaining("Object filter");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void rawType() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  @SuppressWarnings(\"rawtypes\")",
        "  public void find(",
        "      List names) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "find parameter names must be a type that maps to JSON Schema; found java.util.List. It"
            + " is a raw type; give its type arguments, e.g. List<String>.")
        .inFile(source).onLineContaining("List names");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void unboundedAndSuperWildcards() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void find(",
        "      List<?> any,",
        "      List<? super Integer> lower) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "find parameter any must be a type that maps to JSON Schema; found ?. Only ? extends T"
            + " says what the value is")
        .inFile(source).onLineContaining("List<?> any");
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "find parameter lower must be a type that maps to JSON Schema; found ? super"
            + " java.lang.Integer")
        .inFile(source).onLineContaining("lower");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void typeVariableOfTheMethod() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public <T> void echo(",
        "      T value) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "echo parameter value must be a type that maps to JSON Schema; found T. T is a type"
            + " variable of the method, unknown at compile time; use a concrete type.")
        .inFile(source).onLineContaining("T value");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void typeVariableOfTheClass() {
    JavaFileObject source = tools(
        "public class Tools<T> {",
        "  @McpTool(description = \"d\")",
        "  public void echo(",
        "      T value) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "echo parameter value must be a type that maps to JSON Schema; found T. T is a type"
            + " variable that no use resolves")
        .inFile(source).onLineContaining("T value");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void interfaceAndAbstractClass() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public interface Shape { double area(); }",
        "  public abstract static class Base { public int id; }",
        "  @McpTool(description = \"d\")",
        "  public void draw(",
        "      Shape shape,",
        "      Base base) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "draw parameter shape must be a type that maps to JSON Schema; found test.Tools.Shape."
            + " Jackson cannot tell which implementation to create or describe from an interface or"
            + " abstract class; use a record or a concrete class, or make it a sealed interface.")
        .inFile(source).onLineContaining("Shape shape");
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "draw parameter base must be a type that maps to JSON Schema; found test.Tools.Base.")
        .inFile(source).onLineContaining("Base base");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void mapWithNonStringKeys() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void count(",
        "      Map<Integer, String> byId) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "count parameter byId must be a type that maps to JSON Schema; found"
            + " java.util.Map<java.lang.Integer, java.lang.String>. JSON object keys are strings; use"
            + " Map<String, V> or a Map keyed by an enum.")
        .inFile(source).onLineContaining("byId");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void jdkClasses() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void run(",
        "      Thread thread,",
        "      Date date) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "run parameter thread must be a type that maps to JSON Schema; found java.lang.Thread."
            + " It is a JDK type that is not a JSON value")
        .inFile(source).onLineContaining("Thread thread");
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "run parameter date must be a type that maps to JSON Schema; found java.util.Date.")
        .inFile(source).onLineContaining("Date date");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void nestedBadTypeIsReportedOnEveryParameterThatReachesIt() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public record Job(String name, Worker worker) {}",
        "  public record Worker(Thread thread, Object payload) {}",
        "  @McpTool(description = \"d\")",
        "  public void schedule(",
        "      Job first,",
        "      List<Job> rest) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(4);
    for (String line : List.of("Job first", "List<Job> rest")) {
      String name = line.substring(line.indexOf(' ') + 1);
      assertThat(compilation).hadErrorContaining(UNMAPPABLE + "schedule parameter " + name
              + " must be a type that maps to JSON Schema; found java.lang.Thread (in Worker.thread).")
          .inFile(source).onLineContaining(line);
      assertThat(compilation).hadErrorContaining(UNMAPPABLE + "schedule parameter " + name
              + " must be a type that maps to JSON Schema; found java.lang.Object (in Worker.payload).")
          .inFile(source).onLineContaining(line);
    }
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void optionalInsideAContainer() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void tag(",
        "      List<Optional<String>> tags) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "tag parameter tags must be a type that maps to JSON Schema; found"
            + " java.util.Optional<java.lang.String>. Optional is only supported as the type of a"
            + " parameter, a property or a return value")
        .inFile(source).onLineContaining("tags");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void pojoInputsNeedANoArgConstructorAndAStaticClass() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public static class Point { public int x; public Point(int x) { this.x = x; } }",
        "  public class Inner { public int y; }",
        "  @McpTool(description = \"d\")",
        "  public void move(",
        "      Point point,",
        "      Inner inner) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "move parameter point must be a type that maps to JSON Schema; found test.Tools.Point."
            + " Jackson needs a no-arg constructor to create it; add one, or make it a record.")
        .inFile(source).onLineContaining("Point point");
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "move parameter inner must be a type that maps to JSON Schema; found test.Tools.Inner."
            + " Jackson cannot create an inner (non-static) class; make it static, or a record.")
        .inFile(source).onLineContaining("Inner inner");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void enumWithJsonValue() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public enum Level { LOW, HIGH; @JsonValue public String code() { return name().toLowerCase(); } }",
        "  @McpTool(description = \"d\")",
        "  public void set(",
        "      Level level) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "set parameter level must be a type that maps to JSON Schema; found test.Tools.Level."
            + " Its JSON values come from the @JsonValue method code(), unknown at compile time")
        .inFile(source).onLineContaining("Level level");
  }

  // ---- sealed types -----------------------------------------------------------------------------------------

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void sealedInputWithoutJsonTypeInfo() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public sealed interface Shape permits Circle, Square {}",
        "  public record Circle(double radius) implements Shape {}",
        "  public record Square(double side) implements Shape {}",
        "  @McpTool(description = \"d\")",
        "  public void draw(",
        "      Shape shape) {}",
        "  @McpTool(description = \"outputs are fine\", structuredOutput = true)",
        "  public Shape make() { return null; }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "draw parameter shape must be a type that maps to JSON Schema; found test.Tools.Shape."
            + " Jackson cannot tell its subtypes apart; annotate Shape with @JsonTypeInfo(use ="
            + " JsonTypeInfo.Id.NAME, property = \"type\") and list the subtypes in @JsonSubTypes.")
        .inFile(source).onLineContaining("Shape shape");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void sealedInputWithNamesNeedsEverySubtypeInJsonSubTypes() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)",
        "  @JsonSubTypes(@JsonSubTypes.Type(Circle.class))",
        "  public sealed interface Shape permits Circle, Square {}",
        "  public record Circle(double radius) implements Shape {}",
        "  @JsonTypeName(\"square\") public record Square(double side) implements Shape {}",
        "  @McpTool(description = \"d\")",
        "  public void draw(",
        "      Shape shape) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "draw parameter shape must be a type that maps to JSON Schema; found test.Tools.Shape."
            + " Jackson 2 does not find permitted subclasses by itself; list Square in @JsonSubTypes"
            + " of Shape.")
        .inFile(source).onLineContaining("Shape shape");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void unsupportedJsonTypeInfoInclusion() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @JsonTypeInfo(use = JsonTypeInfo.Id.CLASS, include = JsonTypeInfo.As.WRAPPER_ARRAY)",
        "  public sealed interface Shape permits Circle {}",
        "  public record Circle(double radius) implements Shape {}",
        "  @McpTool(description = \"d\", structuredOutput = true)",
        "  public Shape draw() { return null; }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "draw return type must be a type that maps to JSON Schema; found test.Tools.Circle (in"
            + " @JsonTypeInfo of Shape). @JsonTypeInfo(include = WRAPPER_ARRAY) is not supported; use"
            + " JsonTypeInfo.As.PROPERTY (the default).")
        .inFile(source).onLineContaining("public Shape draw()");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void sealedHierarchiesThatCannotBeEnumerated() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public sealed interface Shape permits Circle, Open, Box {}",
        "  public record Circle(double radius) implements Shape {}",
        "  public non-sealed interface Open extends Shape {}",
        "  public record Box<T>(T content) implements Shape {}",
        "  public abstract static sealed class Node permits Leaf {}",
        "  public static final class Leaf extends Node { public int value; }",
        "  public static sealed class Concrete permits Special {}",
        "  public static final class Special extends Concrete {}",
        "  @McpTool(description = \"d\", structuredOutput = true)",
        "  public Shape shape() { return null; }",
        "  @McpTool(description = \"d\", structuredOutput = true)",
        "  public Node node() { return null; }",
        "  @McpTool(description = \"d\", structuredOutput = true)",
        "  public Concrete concrete() { return null; }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(3);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "shape return type must be a type that maps to JSON Schema; found test.Tools.Open. A"
            + " non-sealed Open has subtypes unknown at compile time; make it sealed (or, for a class,"
            + " final).")
        .inFile(source).onLineContaining("public Shape shape()");
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "shape return type must be a type that maps to JSON Schema; found test.Tools.Box. Its"
            + " type parameters cannot be resolved from test.Tools.Shape")
        .inFile(source).onLineContaining("public Shape shape()");
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "concrete return type must be a type that maps to JSON Schema; found"
            + " test.Tools.Concrete. A sealed class that is not abstract is both a value and the union"
            + " of its subclasses; make Concrete abstract (or an interface).")
        .inFile(source).onLineContaining("public Concrete concrete()");
  }

  // ---- outputs ------------------------------------------------------------------------------------------------

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void unmappableReturnTypeIsReportedOnTheMethod() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\", structuredOutput = true)",
        "  public Object lookup(String key) { return null; }",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(UNMAPPABLE
            + "lookup return type must be a type that maps to JSON Schema; found java.lang.Object."
            + " Object says nothing about the JSON it takes")
        .inFile(source).onLineContaining("public Object lookup");
  }

  // ---- defaults -------------------------------------------------------------------------------------------------

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void defaultThatIsNotJson() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void search(@Param(",
        "      defaultValue = \"ten\") int limit) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "search parameter limit defaultValue must be a valid value of the parameter's type:"
            + " JSON, or plain text for a String or an enum; found \"ten\" for type int: not JSON"
            + " (Unrecognized token 'ten'")
        .inFile(source).onLineContaining("defaultValue = \"ten\"");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void defaultOutOfRange() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void shift(@Param(",
        "      defaultValue = \"300\") byte by) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "shift parameter by defaultValue must be a valid value of the parameter's type: JSON, or"
            + " plain text for a String or an enum; found \"300\" for type byte: 300 is greater than"
            + " the maximum 127.")
        .inFile(source).onLineContaining("defaultValue = \"300\"");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void defaultThatIsNotAnEnumConstant() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public enum Mode { FAST, @JsonProperty(\"thorough\") THOROUGH }",
        "  @McpTool(description = \"d\")",
        "  public void run(@Param(",
        "      defaultValue = \"THOROUGH\") Mode mode) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "run parameter mode defaultValue must be a valid value of the parameter's type: JSON, or"
            + " plain text for a String or an enum; found \"THOROUGH\" for type test.Tools.Mode:"
            + " \"THOROUGH\" is not one of \"FAST\", \"thorough\".")
        .inFile(source).onLineContaining("defaultValue = \"THOROUGH\"");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void defaultsOfStringTypesOtherThanStringAreJson() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void since(@Param(",
        "      defaultValue = \"2024-01-31\") LocalDate day, @Param(",
        "      defaultValue = \"\\\"2024-02-30\\\"\") LocalDate other) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "since parameter day defaultValue must be a valid value of the parameter's type: JSON,"
            + " or plain text for a String or an enum; found \"2024-01-31\" for type"
            + " java.time.LocalDate: not JSON (")
        .inFile(source).onLineContaining("defaultValue = \"2024-01-31\"");
    assertThat(compilation).hadErrorContaining(". Write a JSON string, in quotes: defaultValue ="
            + " \"\\\"2024-01-31\\\"\".")
        .inFile(source).onLineContaining("defaultValue = \"2024-01-31\"");
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "since parameter other defaultValue must be a valid value of the parameter's type: JSON,"
            + " or plain text for a String or an enum; found \"\\\"2024-02-30\\\"\" for type"
            + " java.time.LocalDate: \"2024-02-30\" is not a valid date.")
        .inFile(source).onLineContaining("2024-02-30");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void defaultThatMissesARequiredProperty() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  public record Window(int from, int to) {}",
        "  @McpTool(description = \"d\")",
        "  public void show(@Param(",
        "      defaultValue = \"{\\\"from\\\": 1, \\\"size\\\": 2}\") Window window) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(" for type test.Tools.Window: missing property \"to\". Write a"
            + " value of the parameter's type.")
        .inFile(source).onLineContaining("defaultValue = ");
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "show parameter window defaultValue must be a valid value of the parameter's type")
        .inFile(source).onLineContaining("defaultValue = ");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void defaultOfTheWrongJsonType() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void tag(@Param(",
        "      defaultValue = \"[1, \\\"a\\\"]\") List<Integer> ids, @Param(",
        "      defaultValue = \"\\\"xy\\\"\") char letter) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining(" for type java.util.List<java.lang.Integer>: expected an integer"
            + " at [1], found \"a\".")
        .inFile(source).onLineContaining("List<Integer> ids");
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "tag parameter ids defaultValue must be a valid value of the parameter's type")
        .inFile(source).onLineContaining("List<Integer> ids");
    assertThat(compilation).hadErrorContaining("; found \"\\\"xy\\\"\" for type char: \"xy\" is longer than 1"
            + " characters.")
        .inFile(source).onLineContaining("char letter");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void requiredParameterWithADefault() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void search(@Param(defaultValue = \"10\",",
        "      required = TriState.TRUE) int limit) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining(BAD_DEFAULT
            + "search parameter limit defaultValue " + FindingCode.BAD_DEFAULT.rule() + "; found \"10\" with"
            + " @Param required = TRUE, which contradicts defaultValue: a parameter with a default is not"
            + " required. Remove one of them.")
        .inFile(source).onLineContaining("required = TriState.TRUE");
  }

  // ---- names ----------------------------------------------------------------------------------------------------

  @Test
  @Covers(FindingCode.DUPLICATE)
  void duplicateArgumentNames() {
    JavaFileObject source = tools(
        "public class Tools {",
        "  @McpTool(description = \"d\")",
        "  public void search(String query, @Param(",
        "      name = \"query\") String other) {}",
        "}");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[codexplugin:Duplicate] @McpTool search parameter other name must"
            + " be unique; found \"query\", the name of another parameter of this method. Rename one with"
            + " @Param(name = \"...\").")
        .inFile(source).onLineContaining("name = \"query\"");
  }
}
