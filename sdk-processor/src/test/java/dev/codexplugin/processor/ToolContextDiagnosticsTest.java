package dev.codexplugin.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ToolDiagnosticsTest.KIT;

import dev.codexplugin.runtime.FindingCode;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Negative tests for context parameters and content results of {@code @McpTool} methods, compiled with the real
 * processor and {@code sdk-mcp} on the class path: every code pinned to its line, and nothing else reported.
 */
class ToolContextDiagnosticsTest {
  /** A class of {@code com.acme} with the API's and sdk-mcp's types and java.util imported. */
  static JavaFileObject tools(String simpleName, String body) {
    return ProcessorTesting.source("com.acme." + simpleName, """
        package com.acme;

        import dev.codexplugin.api.*;
        import dev.codexplugin.mcp.*;
        import java.util.*;

        """ + body);
  }

  // ------------------------------------------------------------------------------------------ ContextParameter

  @Test
  @Covers(FindingCode.CONTEXT_PARAMETER)
  void paramOnAContextParameter() {
    JavaFileObject file = tools("Jobs", """
        public final class Jobs {
          @McpTool(description = "Runs a job.")
          public String run(String job,
              @Param(description = "where to report") Progress progress) {
            return job;
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.CONTEXT_PARAMETER, file, "@Param(description = \"where to",
        "@McpTool run parameter progress " + FindingCode.CONTEXT_PARAMETER.rule() + "; found @Param on a Progress"
            + " parameter, which the server passes from the request: it is not part of the input schema. Remove"
            + " the @Param.");
  }

  @Test
  @Covers(FindingCode.CONTEXT_PARAMETER)
  void twoParametersOfOneContextType() {
    JavaFileObject file = tools("Jobs", """
        public final class Jobs {
          @McpTool(description = "Runs a job.")
          public String run(McpLog log, String job, ToolContext context,
              McpLog audit) {
            return job;
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.CONTEXT_PARAMETER, file, "McpLog audit)",
        "@McpTool run parameter audit " + FindingCode.CONTEXT_PARAMETER.rule() + "; found a second McpLog"
            + " parameter (log is one): both would get the same object. Remove one of them.");
  }

  @Test
  void everyContextTypeOnceAndToolContextBesideThemCompile() {
    JavaFileObject file = tools("Jobs", """
        public final class Jobs {
          @McpTool(description = "Runs a job.")
          public String run(ToolContext context, Progress progress, McpLog log, Cancellation cancellation,
              Elicitation elicitation, Sampling sampling, Roots roots, ClientInfo client, String job) {
            return job;
          }

          @McpTool(description = "Only context.")
          public static Content.Image peek(Cancellation cancellation) {
            return null;
          }

          @McpTool(description = "Content of one kind.")
          public static List<? extends Content> items() {
            return List.of();
          }

          @McpTool(description = "A full result.")
          public static ToolResult full(ClientInfo client) {
            return ToolResult.of(Content.text(client.name()));
          }
        }
        """);
    assertThat(compile(KIT, file)).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------------------------------------ UnmappableType

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void aContextTypeInsideAParameterType() {
    JavaFileObject file = tools("Jobs", """
        public final class Jobs {
          @McpTool(description = "Runs jobs.")
          public String run(
              List<Progress> progress) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "List<Progress> progress)",
        "@McpTool run parameter progress " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found java.util.List"
            + "<dev.codexplugin.mcp.Progress>, which has Progress inside: a type of sdk-mcp that is not an"
            + " argument. Declare a parameter of type Progress itself if it is a context type");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void contentAsAParameter() {
    JavaFileObject file = tools("Charts", """
        public final class Charts {
          @McpTool(description = "Draws a chart.")
          public static String chart(
              Content content) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "Content content)",
        "@McpTool chart parameter content " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found"
            + " dev.codexplugin.mcp.Content, a result type of sdk-mcp, which is not an argument. Return it; take the"
            + " values it is made of, in types that map to JSON Schema.");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void contentWithStructuredOutput() {
    JavaFileObject file = tools("Charts", """
        public final class Charts {
          @McpTool(description = "Draws a chart.", structuredOutput = true)
          public static Content chart() {
            return Content.text("");
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "public static Content chart()",
        "@McpTool chart return type " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found dev.codexplugin.mcp.Content,"
            + " a content result, with structuredOutput = true. Remove structuredOutput = true (content is sent as"
            + " it is, without an output schema)");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void contentInsideAnotherReturnType() {
    JavaFileObject file = tools("Charts", """
        public final class Charts {
          @McpTool(description = "Draws a chart, maybe.")
          public static Optional<Content> chart() {
            return Optional.empty();
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "Optional<Content> chart()",
        "@McpTool chart return type " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found java.util.Optional"
            + "<dev.codexplugin.mcp.Content>, which has Content inside: the server would write its fields as JSON."
            + " Return Content, List<Content> or ToolResult (ToolResult.of(...) for several items).");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void aListOfToolResults() {
    JavaFileObject file = tools("Charts", """
        public final class Charts {
          @McpTool(description = "Draws charts.")
          public static List<ToolResult> charts() {
            return List.of();
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "List<ToolResult> charts()",
        "; found java.util.List<dev.codexplugin.mcp.ToolResult>, which has ToolResult inside");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void aContextTypeAsTheResult() {
    JavaFileObject file = tools("Jobs", """
        public final class Jobs {
          @McpTool(description = "Hands out the log.")
          public McpLog log(McpLog log) {
            return log;
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "public McpLog log(McpLog log)",
        "@McpTool log return type " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found dev.codexplugin.mcp.McpLog, a"
            + " context type of sdk-mcp, which is no result. Return a String, a value that maps to JSON Schema,"
            + " Content, List<Content> or ToolResult.");
  }
  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void aFormOfANestedObject() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public record Address(String street) {}
          public record Contact(String name, Address address, List<String> tags) {}

          @McpTool(description = "Signs up.")
          public static String signup(
              Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "Elicitation.Form<Contact> form)",
        "@McpTool signup parameter form " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found dev.codexplugin.mcp"
            + ".Elicitation.Form<com.acme.Signup.Contact>, whose property address, tags is not a string, number,"
            + " integer, boolean, enum or collection of an enum: elicitation asks for a flat object. Ask for a"
            + " record of strings, numbers, integers, booleans and enums");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void aFormOfAString() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          @McpTool(description = "Signs up.")
          public static String signup(
              Elicitation.Form<String> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "Elicitation.Form<String> form)",
        "; found dev.codexplugin.mcp.Elicitation.Form<java.lang.String>, whose type is not an object of named"
            + " properties: elicitation asks for a flat object.");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void aFormDefaultThatIsNotANumber() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public record Contact(String name,
              @Param(defaultValue = "thirty") int age) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.BAD_DEFAULT, file, "@Param(defaultValue = \"thirty\")",
        "@McpTool signup parameter form field age defaultValue " + FindingCode.BAD_DEFAULT.rule() + "; found"
            + " \"thirty\" for type int: not JSON");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void aFormDefaultThatIsNoConstantOfTheEnum() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public enum Plan { BASIC, PRO }
          public record Contact(String name,
              @Param(defaultValue = "GOLD") Plan plan) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.BAD_DEFAULT, file, "@Param(defaultValue = \"GOLD\")",
        "@McpTool signup parameter form field plan defaultValue " + FindingCode.BAD_DEFAULT.rule() + "; found"
            + " \"GOLD\" for type com.acme.Signup.Plan: ");
  }

  @Test
  @Covers(FindingCode.BAD_DEFAULT)
  void aRequiredFormFieldWithADefault() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public record Contact(
              @Param(required = TriState.TRUE, defaultValue = "Ada") String name) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.BAD_DEFAULT, file, "required = TriState.TRUE",
        "found \"Ada\" with @Param required = TRUE, which contradicts defaultValue");
  }

  @Test
  @Covers(FindingCode.NAME_MISMATCH)
  void aFormFieldRenamedWithParam() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public record Contact(String name,
              @Param(name = "years") int age) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.NAME_MISMATCH, file, "@Param(name = \"years\")",
        "@McpTool signup parameter form field age name must equal \"age\", the component's JSON name, by which"
            + " Jackson binds the answer; found \"years\". Remove name, or rename the component (or give it"
            + " @JsonProperty(\"years\")).");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void aFormFieldOfAFormatElicitationHasNot() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public record Contact(String name, UUID id) {}

          @McpTool(description = "Signs up.")
          public static String signup(
              Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "Elicitation.Form<Contact> form)",
        "@McpTool signup parameter form " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found dev.codexplugin.mcp"
            + ".Elicitation.Form<com.acme.Signup.Contact>, whose property id is a string of format uuid"
            + " (java.util.UUID): an elicitation string takes only the formats email, uri, date and date-time.");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void enumNamesOnAnUntitledEnum() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public enum Plan { BASIC, PRO }
          public record Contact(
              @Param(enumNames = true) Plan plan) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "@Param(enumNames = true)",
        "@McpTool signup parameter form field plan enumNames " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found"
            + " @Param(enumNames = true) on com.acme.Signup.Plan, which is not an enum with @Title constants");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void enumNamesOnAMultiSelect() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public enum Plan { @Title("Basic") BASIC, @Title("Pro") PRO }
          public record Contact(
              @Param(enumNames = true) Set<Plan> plans) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "@Param(enumNames = true)",
        "which is not a single-select enum: the legacy enumNames has no multi-select form");
  }

  @Test
  @Covers(FindingCode.UNMAPPABLE_TYPE)
  void enumNamesOnAToolArgument() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public enum Plan { @Title("Basic") BASIC, @Title("Pro") PRO }

          @McpTool(description = "Signs up.")
          public static String signup(@Param(enumNames = true) Plan plan) {
            return "";
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNMAPPABLE_TYPE, file, "@Param(enumNames = true)",
        "@McpTool signup parameter plan enumNames " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found"
            + " @Param(enumNames = true) on a tool argument");
  }

  @Test
  void aFormWithTitlesDefaultsAndTitledEnumsCompilesWithoutWarnings() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public enum Plan { @Title("Basic") BASIC, @Title("Pro") PRO }
          public record Contact(@Param(title = "Name", defaultValue = "Ada") String name,
              @Param(defaultValue = "PRO") Plan plan, @Param(enumNames = true) Plan legacy,
              @Param(defaultValue = "[\\"BASIC\\"]") Set<Plan> extras,
              @Param(defaultValue = "\\"2024-01-31\\"") java.time.LocalDate day) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Contact> form) {
            return "";
          }
        }
        """);
    assertThat(compile(KIT, file)).succeededWithoutWarnings();
  }

  @Test
  void aFormOfAClassTitlesItsEnumsToo() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public enum Plan { @Title("Basic") BASIC, PRO }
          public static class Order {
            public Plan plan;
            public List<Plan> extras;
          }

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Order> form) {
            return "";
          }
        }
        """);
    com.google.testing.compile.Compilation compilation = compile(KIT, file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.Kit_McpTools").contentsAsUtf8String().contains(
        "ToolTable.form(\"{\\\"type\\\":\\\"object\\\",\\\"properties\\\":{\\\"plan\\\":{\\\"type\\\":"
            + "\\\"string\\\",\\\"oneOf\\\":[{\\\"const\\\":\\\"BASIC\\\",\\\"title\\\":\\\"Basic\\\"},"
            + "{\\\"const\\\":\\\"PRO\\\",\\\"title\\\":\\\"PRO\\\"}]},\\\"extras\\\":{\\\"type\\\":"
            + "\\\"array\\\",\\\"items\\\":{\\\"anyOf\\\":[{\\\"const\\\":\\\"BASIC\\\",");
  }

  @Test
  void twoFormsOfDifferentTypesCompile() {
    JavaFileObject file = tools("Signup", """
        public final class Signup {
          public record Name(String name) {}
          public record Age(int age) {}

          @McpTool(description = "Signs up.")
          public static String signup(Elicitation.Form<Name> name, Elicitation.Form<Age> age) {
            return "";
          }
        }
        """);
    assertThat(compile(KIT, file)).succeededWithoutWarnings();
  }
}
