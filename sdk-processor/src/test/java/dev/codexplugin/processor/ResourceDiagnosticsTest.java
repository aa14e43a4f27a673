package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ToolDiagnosticsTest.KIT;
import static dev.codexplugin.processor.ToolDiagnosticsTest.tools;

import com.google.testing.compile.Compilation;
import dev.codexplugin.mcp.McpToolHarness;
import dev.codexplugin.mcp.ToolServerDefinition;
import dev.codexplugin.runtime.FindingCode;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Negative tests for {@code @McpResource}, {@code @McpPrompt} and {@code @McpCompletion}, compiled with the
 * real javac, the processor and {@code sdk-mcp}: every code pinned to its line, nothing else reported with it,
 * and nothing generated.
 */
class ResourceDiagnosticsTest {
  private static final String IMPORTS = "import dev.codexplugin.mcp.*;\n";

  private static JavaFileObject docs(String body) {
    return tools("Docs", IMPORTS + body);
  }


  // ------------------------------------------------------------------------------------------ valid

  @Test
  void aToolLessPluginWithOnlyAPromptCompiles() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt(description = "Greets.")
          public String hello(String who) { return "Hello " + who; }
        }
        """);
    Compilation compilation = compile(KIT, file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedSourceFiles().stream().map(f -> f.getName()).toList().toString())
        .contains("KitMcpServer");
  }

  // ------------------------------------------------------------------------------------------ Duplicate

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoResourcesWithOneUriInOneServer() {
    JavaFileObject first = docs("""
        public final class Docs {
          @McpResource(uri = "docs://readme")
          public static String readme() { return ""; }
        }
        """);
    // The classes are checked in the order of their names: the second one gets the error.
    JavaFileObject file = tools("Other", """
        public final class Other {
          @McpResource(
              uri = "docs://readme")
          public static String readme() { return ""; }
        }
        """);
    Compilation compilation = compile(KIT, first, file);
    assertOnlyError(compilation, FindingCode.DUPLICATE, file, "uri = \"docs://readme\"",
        "@McpResource readme uri", "\"docs://readme\" twice in server \"kit\": com.acme.Docs.readme has it too");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoTemplatesThatDifferOnlyInTheirVariablesNames() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://items/{id}")
          public static String byId(String id) { return id; }
          @McpResource(
              uri = "res://items/{name}")
          public static String byName(String name) { return name; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.DUPLICATE, file, "uri = \"res://items/{name}\"",
        "@McpResource byName uri", "\"res://items/{name}\", which matches the same URIs as \"res://items/{id}\" of"
            + " com.acme.Docs.byId in server \"kit\"", "cannot tell which one");
  }

  @Test
  void templatesThatDifferInTheirLiteralPartsCompileAndEachReadsItsOwn() throws Exception {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://items/{id}")
          public static String byId(String id) { return "id " + id; }
          @McpResource(uri = "res://items/by-name/{name}")
          public static String byName(String name) { return "name " + name; }
          @McpResource(uri = "res://items/{id}/raw")
          public static String raw(String id) { return "raw " + id; }
        }
        """);
    Compilation compilation = compile(KIT, file);
    assertThat(compilation).succeededWithoutWarnings();
    ToolServerDefinition server = (ToolServerDefinition) new CompiledClasses(compilation)
        .get("com.acme.KitMcpServer").getConstructor().newInstance();
    try (McpToolHarness harness = McpToolHarness.open(server)) {
      assertThat(harness.request("resources/read", "{\"uri\":\"res://items/7\"}")).contains("\"text\":\"id 7\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://items/by-name/x\"}"))
          .contains("\"text\":\"name x\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://items/7/raw\"}"))
          .contains("\"text\":\"raw 7\"");
      // Both by-name/{name} and {id}/raw match it: the template with more literal characters answers.
      assertThat(harness.request("resources/read", "{\"uri\":\"res://items/by-name/raw\"}"))
          .contains("\"text\":\"name raw\"");
    }
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoPromptsOfOneName() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt(name = "p", title = "one")
          public static String one() { return ""; }
          @McpPrompt(
              name = "p")
          public static String two() { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.DUPLICATE, file, "name = \"p\")",
        "@McpPrompt two name", "\"p\" twice in server \"kit\"");
  }

  // ------------------------------------------------------------------------------------------ TemplateVariables

  @Test
  @Covers(FindingCode.TEMPLATE_VARIABLES)
  void aTemplateVariableWithoutAParameter() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(
              uri = "docs://{section}/{page}")
          public static String page(String page) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TEMPLATE_VARIABLES, file, "uri = \"docs://{section}",
        "@McpResource page uri " + FindingCode.TEMPLATE_VARIABLES.rule(), "found no parameter for {section} of page",
        "Add a String parameter named section");
  }

  @Test
  @Covers(FindingCode.TEMPLATE_VARIABLES)
  void aParameterThatIsNoVariable() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "docs://{page}")
          public static String page(String page,
              String extra) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TEMPLATE_VARIABLES, file, "String extra",
        "parameter extra, which is no variable of \"docs://{page}\" (it has {page})");
  }

  @Test
  @Covers(FindingCode.TEMPLATE_VARIABLES)
  void aParameterOfAFixedResource() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "docs://readme")
          public static String readme(
              String page) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TEMPLATE_VARIABLES, file, "String page",
        "parameter page of a fixed resource", "add {page} to the URI");
  }

  @Test
  @Covers(FindingCode.TEMPLATE_VARIABLES)
  void aVariableParameterThatIsNotAString() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "docs://{page}")
          public static String page(
              int page) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TEMPLATE_VARIABLES, file, "int page",
        "parameter page of type int", "Declare it as String.");
  }

  @Test
  @Covers(FindingCode.TEMPLATE_VARIABLES)
  void anExpressionBeyondLevelOne() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(
              uri = "docs://{+path}")
          public static String page(String path) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TEMPLATE_VARIABLES, file, "uri = \"docs://{+path}\"",
        "\"{+path}\", which is not a level-1 variable");
  }

  // ------------------------------------------------------------------------------------------ PromptArgument

  @Test
  @Covers(FindingCode.PROMPT_ARGUMENT)
  void aPromptArgumentThatIsNotAString() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(String diff,
              int lines) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.PROMPT_ARGUMENT, file, "int lines",
        "@McpPrompt review " + FindingCode.PROMPT_ARGUMENT.rule() + "; found parameter lines of type int",
        "Declare it as String and convert it in the method.");
  }

  // ------------------------------------------------------------------------------------------ UnknownCompletion

  @Test
  @Covers(FindingCode.UNKNOWN_COMPLETION)
  void aCompletionOfAnUnknownPrompt() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(String diff) { return ""; }
          @McpCompletion(
              prompt = "reveiw", argument = "diff")
          public static List<String> diff(String prefix) { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNKNOWN_COMPLETION, file, "prompt = \"reveiw\"",
        "@McpCompletion diff prompt", "\"reveiw\", which no @McpPrompt of server \"kit\" is (it has \"review\")");
  }

  @Test
  @Covers(FindingCode.UNKNOWN_COMPLETION)
  void aCompletionOfAnArgumentThePromptDoesNotHave() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(String diff) { return ""; }
          @McpCompletion(prompt = "review",
              argument = "focus")
          public static List<String> focus(String prefix) { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNKNOWN_COMPLETION, file, "argument = \"focus\"",
        "\"focus\", which \"review\" does not have (it has \"diff\")");
  }

  @Test
  @Covers(FindingCode.UNKNOWN_COMPLETION)
  void aCompletionOfAnUnknownTemplate() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "docs://{page}")
          public static String page(String page) { return ""; }
          @McpCompletion(
              resource = "docs://{pages}", argument = "page")
          public static List<String> pages(String prefix) { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNKNOWN_COMPLETION, file, "resource = \"docs://{pages}\"",
        "which no @McpResource template of server \"kit\" has (it has \"docs://{page}\")");
  }

  @Test
  @Covers(FindingCode.UNKNOWN_COMPLETION)
  void aCompletionOfNeitherPromptNorResource() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpCompletion(argument = "page")
          public static List<String> pages(String prefix) { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.UNKNOWN_COMPLETION, file, "@McpCompletion(argument",
        "neither prompt nor resource");
  }

  // ------------------------------------------------------------------------------------------ McpReturnType

  @Test
  @Covers(FindingCode.MCP_RETURN_TYPE)
  void aResourceReturningAnInt() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "docs://size")
          public static int size() { return 1; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_RETURN_TYPE, file, "public static int size()",
        "@McpResource size", "found int for a resource",
        "Return String, byte[], ResourceContents or List<ResourceContents>.");
  }

  @Test
  @Covers(FindingCode.MCP_RETURN_TYPE)
  void aPromptReturningAListOfStrings() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static List<String> review() { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_RETURN_TYPE, file, "review()",
        "found java.util.List<java.lang.String> for a prompt");
  }

  @Test
  @Covers(FindingCode.MCP_RETURN_TYPE)
  void aCompletionReturningAString() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(String diff) { return ""; }
          @McpCompletion(prompt = "review", argument = "diff")
          public static String diff(String prefix) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_RETURN_TYPE, file, "String diff(String prefix)",
        "for a completion", "Return List<String> or CompletionMethod.Suggestions.");
  }

  // ------------------------------------------------------------------------------------------ McpMethod

  @Test
  @Covers(FindingCode.MCP_METHOD)
  void aResourceMethodThatIsNotPublic() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "docs://readme")
          static String readme() { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "static String readme()",
        "@McpResource readme", "found a method that is not public", "Make it public.");
  }

  @Test
  @Covers(FindingCode.MCP_METHOD)
  void aClassTheServerCannotCreate() {
    JavaFileObject file = docs("""
        public final class Docs {
          public Docs(String root) {}
          @McpPrompt
          public String review() { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "public final class Docs",
        "which has no non-private constructor without parameters");
  }

  @Test
  @Covers(FindingCode.MCP_METHOD)
  void aCompletionWithWrongParameters() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(String diff) { return ""; }
          @McpCompletion(prompt = "review", argument = "diff")
          public static List<String> diff(int prefix) { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "diff(int prefix)",
        "found parameters (int)", "Take (String value) or (String value, Map<String, String> resolved)");
  }

  @Test
  @Covers(FindingCode.MCP_METHOD)
  void aClassWithStaticToolsAndAnInstanceResourceItCannotCreateIsReportedOnce() {
    JavaFileObject file = docs("""
        public final class Docs {
          private Docs() {}
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
          @McpResource(uri = "docs://readme")
          public String readme() { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "public final class Docs",
        "which has no non-private constructor without parameters");
  }

  @Test
  @Covers(FindingCode.MCP_METHOD)
  void aPromptArgumentWithADefault() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(
              @Param(defaultValue = "all") String focus) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "defaultValue = \"all\"",
        "@McpPrompt review focus", "found a defaultValue: MCP prompt arguments have none");
  }

  @Test
  void aPromptArgumentWithEnumNames() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(
              @Param(enumNames = true) String focus) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "enumNames = true",
        "@McpPrompt review focus", "found enumNames = true: a prompt argument is a String and has no enum to name");
  }

  @Test
  void aTemplateVariableWithATitle() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://items/{id}")
          public static String item(@Param(title = "Item") String id) { return id; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "title = \"Item\"",
        "@McpResource item id", "found a title: a URI template variable has none in resources/templates/list");
  }

  @Test
  void aTemplateVariableWithADefault() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://items/{id}")
          public static String item(@Param(defaultValue = "1") String id) { return id; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "defaultValue = \"1\"",
        "@McpResource item id", "found a defaultValue: a URI template variable always has the value the URI gives it");
  }

  @Test
  void aTemplateVariableWithEnumNames() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://items/{id}")
          public static String item(@Param(enumNames = true) String id) { return id; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "enumNames = true",
        "@McpResource item id", "found enumNames = true: a URI template variable is a String and has no enum to name");
  }

  // ------------------------------------------------------------------------------------------ context parameters

  @Test
  void resourceAndPromptMethodsMayDeclareContextParameters() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://roots")
          public static String roots(Roots roots, McpLog log, ToolContext context, ClientInfo client,
              Cancellation cancellation, Progress progress, Elicitation elicitation, Sampling sampling) {
            return "";
          }
          @McpResource(uri = "res://items/{id}")
          public static String item(McpLog log, String id, Roots roots) { return id; }
          @McpPrompt
          public static String review(String diff, McpLog log, Roots roots) { return diff; }
          @McpCompletion(resource = "res://items/{id}", argument = "id")
          public static List<String> ids(String value) { return List.of(); }
        }
        """);
    Compilation compilation = compile(KIT, file);
    assertThat(compilation).succeededWithoutWarnings();
    String features = new String(ProcessorTesting.generatedSources(compilation).get("com/acme/Docs_McpFeatures.java"),
        java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    assertThat(features).contains("Docs.item(request.context().log(), request.variables().get(\"id\"),"
        + " request.context().roots())");
    assertThat(features).contains("Docs.review(arguments.get(\"diff\"), arguments.context().log(),"
        + " arguments.context().roots())");
    assertThat(features).contains("request.context(), request.context().client()");
  }

  @Test
  @Covers(FindingCode.MCP_METHOD)
  void aFormParameterInAResourceMethod() {
    JavaFileObject file = docs("""
        public final class Docs {
          public record Answer(String name) {}
          @McpResource(uri = "res://form")
          public static String form(
              Elicitation.Form<Answer> form) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "Elicitation.Form<Answer> form",
        "@McpResource form", "parameter form of type dev.codexplugin.mcp.Elicitation.Form<com.acme.Docs.Answer>"
            + " in a resource method", "for @McpTool methods only", "Declare an Elicitation parameter instead");
  }

  @Test
  @Covers(FindingCode.MCP_METHOD)
  void aFormParameterInAPromptMethod() {
    JavaFileObject file = docs("""
        public final class Docs {
          public record Answer(String name) {}
          @McpPrompt
          public static String ask(String topic,
              Elicitation.Form<Answer> form) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MCP_METHOD, file, "Elicitation.Form<Answer> form",
        "@McpPrompt ask", "in a prompt method", "for @McpTool methods only");
  }

  @Test
  @Covers(FindingCode.CONTEXT_PARAMETER)
  void twoRootsParametersInAResourceMethod() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://roots")
          public static String roots(Roots first,
              Roots second) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.CONTEXT_PARAMETER, file, "Roots second",
        "@McpResource roots", "a second Roots parameter (first is one)");
  }

  @Test
  @Covers(FindingCode.CONTEXT_PARAMETER)
  void aParamOnAContextParameterOfAPrompt() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpPrompt
          public static String review(String diff,
              @Param(name = "log") McpLog log) { return ""; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.CONTEXT_PARAMETER, file, "@Param(name = \"log\")",
        "@McpPrompt review", "@Param on a McpLog parameter", "no argument of the prompt");
  }

  // ------------------------------------------------------------------------------------------ overlapping templates

  @Test
  @Covers(FindingCode.DUPLICATE)
  void templatesWhoseLiteralPartsDoNotExcludeEachOther() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://x/{a}/y")
          public static String a(String a) { return a; }
          @McpResource(
              uri = "res://x/y/{b}")
          public static String b(String b) { return b; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.DUPLICATE, file, "uri = \"res://x/y/{b}\"",
        "@McpResource b uri", "\"res://x/y/{b}\", which can match the same URIs as \"res://x/{a}/y\" of"
            + " com.acme.Docs.a in server \"kit\" (both match \"res://x/y/y\") and has as many literal characters"
            + " (10), so neither comes first", "serve both with one template");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void templatesOverlappingWithinASegmentInTwoClasses() {
    JavaFileObject first = docs("""
        public final class Docs {
          @McpResource(uri = "res://files/{name}.txt")
          public static String text(String name) { return name; }
        }
        """);
    JavaFileObject file = tools("Other", """
        public final class Other {
          @McpResource(
              uri = "res://files/repo{n}")
          public static String report(String n) { return n; }
        }
        """);
    assertOnlyError(compile(KIT, first, file), FindingCode.DUPLICATE, file, "uri = \"res://files/repo{n}\"",
        "of com.acme.Docs.text", "(both match \"res://files/repo.txt\")");
  }

  @Test
  @Covers(FindingCode.TEMPLATE_VARIABLES)
  void twoVariablesNextToEachOther() {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(
              uri = "res://x/{a}{b}")
          public static String ab(String a, String b) { return a + b; }
          @McpResource(uri = "res://x/{id}")
          public static String id(String id) { return id; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TEMPLATE_VARIABLES, file, "uri = \"res://x/{a}{b}\"",
        "@McpResource ab uri", "{a}{b} next to each other in \"res://x/{a}{b}\"", "{a}-{b}");
  }

  @Test
  void templatesThatCannotMatchOneUriOrDifferInPrecedenceCompileAndEachURIGoesToOne() throws Exception {
    JavaFileObject file = docs("""
        public final class Docs {
          @McpResource(uri = "res://a/{x}")
          public static String a(String x) { return "a " + x; }
          @McpResource(uri = "res://b/{x}")
          public static String b(String x) { return "b " + x; }
          @McpResource(uri = "res://a/{x}/{y}")
          public static String deeper(String x, String y) { return "deeper " + x + y; }
          @McpResource(uri = "res://f/{name}.txt")
          public static String text(String name) { return "text " + name; }
          @McpResource(uri = "res://f/{name}.md")
          public static String markdown(String name) { return "md " + name; }
          @McpResource(uri = "res://a/special")
          public static String special() { return "special"; }
          @McpResource(uri = "res://x/{b}/{c}")
          public static String bc(String b, String c) { return "bc " + b + c; }
          @McpResource(uri = "res://x/{a}/y")
          public static String y(String a) { return "y " + a; }
        }
        """);
    Compilation compilation = compile(KIT, file);
    assertThat(compilation).succeededWithoutWarnings();
    ToolServerDefinition server = (ToolServerDefinition) new CompiledClasses(compilation)
        .get("com.acme.KitMcpServer").getConstructor().newInstance();
    try (McpToolHarness harness = McpToolHarness.open(server)) {
      assertThat(harness.request("resources/read", "{\"uri\":\"res://a/1\"}")).contains("\"text\":\"a 1\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://b/1\"}")).contains("\"text\":\"b 1\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://a/1/2\"}"))
          .contains("\"text\":\"deeper 12\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://f/n.txt\"}"))
          .contains("\"text\":\"text n\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://f/n.md\"}")).contains("\"text\":\"md n\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://a/special\"}"))
          .contains("\"text\":\"special\"");
      // Both x templates match x/1/y: the one with more literal characters answers, whatever the order.
      assertThat(harness.request("resources/read", "{\"uri\":\"res://x/1/y\"}")).contains("\"text\":\"y 1\"");
      assertThat(harness.request("resources/read", "{\"uri\":\"res://x/1/z\"}")).contains("\"text\":\"bc 1z\"");
    }
  }

  @Test
  void theOverlapCheckIsExact() {
    assertThat(ResourceRound.commonUri("res://x/{a}/y", "res://x/{b}/{c}")).hasValue("res://x/x/y");
    assertThat(ResourceRound.commonUri("res://a/{x}", "res://b/{x}")).isEmpty();
    // A variable never holds a /: a different number of / never overlaps.
    assertThat(ResourceRound.commonUri("res://items/{id}", "res://items/{id}/raw")).isEmpty();
    assertThat(ResourceRound.commonUri("res://items/{id}", "res://items/by-name/{name}")).isEmpty();
    assertThat(ResourceRound.commonUri("res://f/{n}.txt", "res://f/{n}.md")).isEmpty();
    assertThat(ResourceRound.commonUri("res://f/{n}.txt", "res://f/{a}.{b}")).hasValue("res://f/x.txt");
    assertThat(ResourceRound.commonUri("res://f/a{n}", "res://f/{n}b")).hasValue("res://f/ab");
    // A variable holds one character at least.
    assertThat(ResourceRound.commonUri("res://f/{n}", "res://f/")).isEmpty();
    assertThat(ResourceRound.commonUri("res://f/a{n}", "res://f/a")).isEmpty();
    assertThat(ResourceRound.commonUri("res://f/{a}-{b}", "res://f/{c}")).hasValue("res://f/x-x");
    assertThat(ResourceRound.commonUri("res://f/{a}-x-{b}", "res://f/y-{c}-z")).hasValue("res://f/y-x-z");
    assertThat(ResourceRound.commonUri("res://f/{a}-x", "res://f/{c}-y")).isEmpty();
    assertThat(ResourceRound.literals("res://x/{a}/y")).isEqualTo(10);
    assertThat(ResourceRound.literals("res://x/{b}/{c}")).isEqualTo(9);
  }
}
