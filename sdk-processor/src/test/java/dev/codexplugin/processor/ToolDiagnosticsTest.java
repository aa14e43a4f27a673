package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.codexplugin.processor.ProcessorTesting.assertError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyError;
import static dev.codexplugin.processor.ProcessorTesting.assertOnlyWarning;
import static dev.codexplugin.processor.ProcessorTesting.compile;
import static dev.codexplugin.processor.ProcessorTesting.source;

import com.google.testing.compile.Compilation;
import dev.codexplugin.runtime.FindingCode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Negative tests for {@code @McpTool}, {@code @Param}, {@code @McpToolFactory} and {@code @Plugin(toolServer)},
 * compiled with the real processor and {@code sdk-mcp} on the class path (except where it is missing on
 * purpose): every code pinned to its line, and nothing else reported with it.
 */
class ToolDiagnosticsTest {
  @TempDir Path dir;

  /** package-info.java of {@code com.acme} with plugin {@code kit} and the given extra attributes. */
  static JavaFileObject kit(String attributes) {
    return source("com.acme.package-info", """
        @dev.codexplugin.api.Plugin(name = "kit", version = "1.0.0", description = "d"%s)
        package com.acme;
        """.formatted(attributes.isEmpty() ? "" : ", " + attributes));
  }

  static final JavaFileObject KIT = kit("");

  /** A class of {@code com.acme} with the API's annotations and java.util imported. */
  static JavaFileObject tools(String simpleName, String body) {
    return source("com.acme." + simpleName, """
        package com.acme;

        import dev.codexplugin.api.*;
        import java.util.*;

        """ + body);
  }

  // ------------------------------------------------------------------------------------------ BadToolName

  @Test
  @Covers(FindingCode.BAD_TOOL_NAME)
  void anExplicitNameOutsideTheRuleIsReportedOnTheName() {
    JavaFileObject file = tools("Files", """
        public final class Files {
          @McpTool(description = "Lists files.",
              name = "list files")
          public List<String> list() { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.BAD_TOOL_NAME, file, "name = \"list files\"",
        "@McpTool list name " + FindingCode.BAD_TOOL_NAME.rule() + "; found \"list files\". Rename it, e.g."
            + " \"list_files\".");
  }

  @Test
  @Covers(FindingCode.BAD_TOOL_NAME)
  void aNameOfMoreThan128Characters() {
    String name = "n".repeat(129);
    JavaFileObject file = tools("Files", """
        public final class Files {
          @McpTool(description = "Lists files.",
              name = "%s")
          public List<String> list() { return List.of(); }
        }
        """.formatted(name));
    assertOnlyError(compile(KIT, file), FindingCode.BAD_TOOL_NAME, file, "name = \"nnn",
        "@McpTool list name " + FindingCode.BAD_TOOL_NAME.rule() + "; found \"nnn", "\". It has 129 characters;"
            + " shorten it.");
  }

  @Test
  @Covers(FindingCode.BAD_TOOL_NAME)
  void aMethodNameOutsideTheRuleIsReportedOnTheMethod() {
    JavaFileObject file = tools("Sizes", """
        public final class Sizes {
          @McpTool(description = "The size.")
          public static int größe() { return 1; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.BAD_TOOL_NAME, file, "public static int größe()",
        "@McpTool größe name " + FindingCode.BAD_TOOL_NAME.rule() + "; found \"größe\". Rename it, e.g. \"gr_e\","
            + " with @McpTool(name = \"...\").");
  }

  // ------------------------------------------------------------------------------------------ LongToolName

  @Test
  @Covers(FindingCode.LONG_TOOL_NAME)
  void aHostNamePast64CharactersIsAWarningOnTheToolName() {
    // mcp__ledger__ is 13 characters: a 51-character tool name makes 64, one more passes the limit.
    String fits = "f".repeat(51);
    String passes = "p".repeat(52);
    JavaFileObject file = tools("Ledger", """
        public final class Ledger {
          @McpTool(description = "Fits.",
              name = "%s")
          public static int fits() { return 1; }

          @McpTool(description = "Passes.",
              name = "%s")
          public static int passes() { return 2; }
        }
        """.formatted(fits, passes));
    Compilation compilation = compile(kit("toolServer = \"ledger\""), file);
    assertOnlyWarning(compilation, FindingCode.LONG_TOOL_NAME, file, "name = \"ppp",
        "@McpTool passes " + FindingCode.LONG_TOOL_NAME.rule() + "; found \"mcp__ledger__" + passes
            + "\" (65 characters). Shorten the tool name, or the server name with @Plugin(toolServer = \"...\").");
  }

  @Test
  @Covers(FindingCode.LONG_TOOL_NAME)
  void aLongServerNameMakesEveryToolWarnOnItsMethod() {
    String server = "s".repeat(53);
    JavaFileObject file = tools("Ledger", """
        public final class Ledger {
          @McpTool(description = "Short.")
          public static int total() { return 1; }
        }
        """);
    Compilation compilation = compile(kit("toolServer = \"" + server + "\""), file);
    assertOnlyWarning(compilation, FindingCode.LONG_TOOL_NAME, file, "public static int total()",
        "\"mcp__" + server + "__total\" (65 characters)");
  }

  // ------------------------------------------------------------------------------------------ ToolMethod

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void aMethodThatIsNotPublic() {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          int count() { return 1; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "int count()",
        "@McpTool count " + FindingCode.TOOL_METHOD.rule() + "; found a method that is not public. Make it public.");
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void anAbstractMethodIsReportedOnceOnTheMethod() {
    JavaFileObject file = tools("Counter", """
        public interface Counter {
          @McpTool(description = "Counts.")
          int count();
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "int count();",
        "@McpTool count " + FindingCode.TOOL_METHOD.rule() + "; found an abstract method. Implement it.");
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void aGenericMethodIsReportedWithoutSchemaErrorsAboutItsTypeVariables() {
    JavaFileObject file = tools("Echo", """
        public final class Echo {
          @McpTool(description = "Echoes.")
          public static <T> List<T> echo(List<T> items) { return items; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "public static <T> List<T> echo(",
        "@McpTool echo " + FindingCode.TOOL_METHOD.rule() + "; found a method with type parameters. Give it concrete"
            + " types.");
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void aPrivateClassIsReportedOnTheClass() {
    JavaFileObject file = tools("Outer", """
        public final class Outer {
          private static final class Hidden {
            @McpTool(description = "Counts.")
            public int count() { return 1; }

            @McpTool(description = "Sums.")
            public int sum() { return 2; }
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "private static final class Hidden",
        "@McpTool count " + FindingCode.TOOL_METHOD.rule() + "; found com.acme.Outer.Hidden, a private class. Make"
            + " it package-private or public.");
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void privateTypesInTheSignatureWhichTheGeneratedCodeCannotName() {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          private record Window(int from, int to) {}
          private enum Mode { FAST, SLOW }

          @McpTool(description = "Counts.", structuredOutput = true)
          public static Optional<Window> count(
              Window window,
              List<Mode> modes,
              int plain) {
            return Optional.of(window);
          }

          @McpTool(description = "Private results are fine as text.")
          public static Window text() { return null; }
        }
        """);
    Compilation compilation = compile(KIT, file);
    assertWithMessage("errors of %s", compilation.errors()).that(compilation.errors()).hasSize(3);
    assertError(compilation, FindingCode.TOOL_METHOD, file, "Window window,",
        "@McpTool count " + FindingCode.TOOL_METHOD.rule() + "; found parameter window of a type that uses"
            + " com.acme.Counter.Window, which is private, so the generated code cannot name it. Make it"
            + " package-private or public.");
    assertError(compilation, FindingCode.TOOL_METHOD, file, "List<Mode> modes,",
        "; found parameter modes of a type that uses com.acme.Counter.Mode, which is private");
    assertError(compilation, FindingCode.TOOL_METHOD, file, "public static Optional<Window> count(",
        "; found a structured result of a type that uses com.acme.Counter.Window, which is private");
  }

  @Test
  void aPrivateTypeAsATextResultIsFine() {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          private record Window(int from, int to) {}

          @McpTool(description = "Private results are fine as text: the generated code does not name them.")
          public static Window text() { return new Window(1, 2); }
        }
        """);
    assertThat(compile(KIT, file)).succeededWithoutWarnings();
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void anInnerClass() {
    JavaFileObject file = tools("Outer", """
        public final class Outer {
          public final class Inner {
            @McpTool(description = "Counts.")
            public int count() { return 1; }
          }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "public final class Inner",
        "@McpTool count " + FindingCode.TOOL_METHOD.rule() + "; found com.acme.Outer.Inner, an inner class. Make it"
            + " static.");
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void noNoArgConstructorAndNoFactory() {
    JavaFileObject file = tools("Greeter", """
        public final class Greeter {
          private final String greeting;

          public Greeter(String greeting) { this.greeting = greeting; }

          @McpTool(description = "Greets.")
          public String greet(String name) { return greeting + ", " + name; }

          @McpTool(description = "Static tools need no instance.")
          public static String wave() { return "o/"; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "public final class Greeter",
        "@McpTool greet " + FindingCode.TOOL_METHOD.rule() + "; found com.acme.Greeter, which has no non-private"
            + " constructor without parameters. Add one, make the method static, or add an @McpToolFactory to the"
            + " plugin.");
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void anInstanceMethodOfAnInterfaceWithoutFactory() {
    JavaFileObject file = tools("Clock", """
        public interface Clock {
          @McpTool(description = "The time.")
          default long now() { return 0L; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "public interface Clock",
        "@McpTool now " + FindingCode.TOOL_METHOD.rule() + "; found com.acme.Clock, an interface that cannot be"
            + " created. Make the method static, or add an @McpToolFactory to the plugin.");
  }

  @Test
  void anInterfaceOrAbstractClassWithAFactoryIsFine() {
    JavaFileObject clock = tools("Clock", """
        public interface Clock {
          @McpTool(description = "The time.")
          default long now() { return 0L; }
        }
        """);
    JavaFileObject factory = tools("Wiring", """
        public final class Wiring {
          @McpToolFactory
          public static <T> T create(Class<T> type) { return type.cast(new Clock() {}); }
        }
        """);
    assertThat(compile(KIT, clock, factory)).succeededWithoutWarnings();
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void aToolClassInTheUnnamedPackageOfAPluginInANamedOne() {
    JavaFileObject file = source("Loose", """
        public final class Loose {
          @dev.codexplugin.api.McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_METHOD, file, "public final class Loose",
        "@McpTool count " + FindingCode.TOOL_METHOD.rule() + "; found Loose in the unnamed package, which the server"
            + " class com.acme.KitMcpServer cannot import. Move it to a package.");
  }

  @Test
  @Covers(FindingCode.TOOL_METHOD)
  void toolsThatAppearInALaterRoundAfterTheServerWasGenerated() throws Exception {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new CodexPluginProcessor(), new LateToolGenerator())
        .compile(KIT, file);
    // compile-testing keeps no generated file of a failed compilation: the diagnostic's own source tells.
    assertThat(compilation).failed();
    assertWithMessage("errors of %s", compilation.errors()).that(compilation.errors()).hasSize(1);
    var error = compilation.errors().get(0);
    assertThat(error.getSource().toUri().getPath()).endsWith("/com/acme/Late.java");
    String[] lines = error.getSource().getCharContent(true).toString().split("\n", -1);
    assertThat(lines[(int) error.getLineNumber() - 1]).contains("public static int late()");
    assertThat(error.getMessage(null)).isEqualTo(FindingCode.TOOL_METHOD.tag() + " @McpTool late "
        + FindingCode.TOOL_METHOD.rule() + "; found a tool that appeared in a later round than the other tools of"
        + " plugin \"kit\", whose server was generated in the round of its first tools. Declare it in a hand-written"
        + " source.");
  }

  /** Generates {@code com.acme.Late} with an {@code @McpTool} method in the first round. */
  static final class LateToolGenerator extends javax.annotation.processing.AbstractProcessor {
    private boolean done;

    @Override
    public java.util.Set<String> getSupportedAnnotationTypes() {
      return java.util.Set.of("*");
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> annotations,
        javax.annotation.processing.RoundEnvironment round) {
      if (!done) {
        done = true;
        try (var writer = processingEnv.getFiler().createSourceFile("com.acme.Late").openWriter()) {
          writer.write("""
              package com.acme;

              public final class Late {
                @dev.codexplugin.api.McpTool(description = "Too late.")
                public static int late() { return 1; }
              }
              """);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  // ------------------------------------------------------------------------------------------ ToolFactory

  @Test
  @Covers(FindingCode.TOOL_FACTORY)
  void aFactoryOfTheWrongShape() {
    JavaFileObject file = tools("Wiring", """
        public final class Wiring {
          @McpToolFactory
          public static Object create(Class<?> type) { return null; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_FACTORY, file, "public static Object create(",
        "@McpToolFactory create " + FindingCode.TOOL_FACTORY.rule()
            + "; found public static java.lang.Object create(java.lang.Class<?>).");
  }

  @Test
  @Covers(FindingCode.TOOL_FACTORY)
  void aFactoryInAClassThatIsNotPublic() {
    JavaFileObject file = tools("Wiring", """
        final class Wiring {
          @McpToolFactory
          public static <T> T create(Class<T> type) { return null; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.TOOL_FACTORY, file, "public static <T> T create(",
        "@McpToolFactory create " + FindingCode.TOOL_FACTORY.rule()
            + "; found public static <T> T create(java.lang.Class<T>) in a class that is not public.");
  }

  @Test
  @Covers(FindingCode.TOOL_FACTORY)
  void twoFactoriesInOnePlugin() {
    JavaFileObject first = tools("A", """
        public final class A {
          @McpToolFactory
          public static <T> T create(Class<T> type) { return null; }
        }
        """);
    JavaFileObject second = tools("B", """
        public final class B {
          @McpToolFactory
          public static <T> T make(Class<T> type) { return null; }
        }
        """);
    assertOnlyError(compile(KIT, first, second), FindingCode.TOOL_FACTORY, second, "public static <T> T make(",
        "@McpToolFactory make " + FindingCode.TOOL_FACTORY.rule() + "; found a second one: plugin \"kit\" already has"
            + " com.acme.A.create. Keep one.");
  }

  // ------------------------------------------------------------------------------------------ MissingDependency

  @Test
  @Covers(FindingCode.MISSING_DEPENDENCY)
  void sdkMcpIsNotOnTheClassPath() throws Exception {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }

          @McpTool(description = "Sums.")
          public static int sum() { return 2; }
        }
        """);
    // A skill that requires the tool server: the server is known even though it cannot be generated.
    JavaFileObject skill = tools("Counting", """
        @Skill(name = "counting", description = "Count things.", instructions = "Call count.", requires = "kit")
        final class Counting {}
        """);
    java.io.File api = new java.io.File(dev.codexplugin.api.McpTool.class.getProtectionDomain().getCodeSource()
        .getLocation().toURI());
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new CodexPluginProcessor())
        .withClasspath(List.of(api))
        .compile(KIT, file, skill);
    assertOnlyError(compilation, FindingCode.MISSING_DEPENDENCY, file, "public static int count()",
        "dev.codexplugin:sdk-mcp, the runtime of the code generated for @McpTool, "
            + FindingCode.MISSING_DEPENDENCY.rule() + "; found no dev.codexplugin.mcp.ToolTable. Add"
            + " dev.codexplugin:sdk-mcp to the dependencies (same version as sdk-api) so that the generated server"
            + " compiles.");
  }

  // ------------------------------------------------------------------------------------------ Duplicate

  @Test
  @Covers(FindingCode.DUPLICATE)
  void twoToolsOfOneNameInTwoPackagesOfAPlugin() {
    JavaFileObject first = tools("Search", """
        public final class Search {
          @McpTool(description = "Finds.")
          public static List<String> find(String query) { return List.of(); }
        }
        """);
    JavaFileObject second = source("com.acme.more.Lookup", """
        package com.acme.more;

        import dev.codexplugin.api.McpTool;

        public final class Lookup {
          @McpTool(description = "Finds too.",
              name = "find")
          public static String lookup(String key) { return key; }
        }
        """);
    assertOnlyError(compile(KIT, first, second), FindingCode.DUPLICATE, second, "name = \"find\"",
        "@McpTool lookup name " + FindingCode.DUPLICATE.rule() + "; found \"find\" twice in server \"kit\":"
            + " com.acme.Search.find has it too. Rename one with @McpTool(name = \"...\").");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void overloadsShareTheMethodName() {
    JavaFileObject file = tools("Search", """
        public final class Search {
          @McpTool(description = "Finds by text.")
          public static List<String> find(String query) { return List.of(); }

          @McpTool(description = "Finds by id.")
          public static List<String> find(int id) { return List.of(); }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.DUPLICATE, file, "find(int id)",
        "@McpTool find name " + FindingCode.DUPLICATE.rule() + "; found \"find\" twice in server \"kit\"");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void theGeneratedServerClassClashesWithAnExistingClass() {
    JavaFileObject plugin = source("com.acme.package-info", """
        @dev.codexplugin.api.Plugin(
            name = "kit",
            version = "1.0.0", description = "d")
        package com.acme;
        """);
    JavaFileObject existing = source("com.acme.KitMcpServer", """
        package com.acme;

        public final class KitMcpServer {}
        """);
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(plugin, existing, file), FindingCode.DUPLICATE, plugin, "name = \"kit\"",
        "the server class com.acme.KitMcpServer generated for @Plugin \"kit\" " + FindingCode.DUPLICATE.rule()
            + "; found a class of that name. Rename that class.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void theGeneratedInvokerClassClashesWithAClassOnTheClassPath() throws Exception {
    // The class exists only as a class file, as a dependency's would.
    Compilation library = com.google.testing.compile.Compiler.javac().compile(source("com.acme.Kit_McpTools",
        """
        package com.acme;

        public final class Kit_McpTools {}
        """));
    assertThat(library).succeeded();
    Path classes = dir.resolve("library");
    Path classFile = classes.resolve("com/acme/Kit_McpTools.class");
    java.nio.file.Files.createDirectories(classFile.getParent());
    try (var in = library.generatedFiles().stream()
        .filter(f -> f.getKind() == JavaFileObject.Kind.CLASS).findFirst().orElseThrow().openInputStream()) {
      java.nio.file.Files.copy(in, classFile);
    }
    List<java.io.File> classPath = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classPath.add(new java.io.File(entry));
    }
    classPath.add(classes.toFile());
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    Compilation compilation = com.google.testing.compile.Compiler.javac()
        .withProcessors(new CodexPluginProcessor())
        .withClasspath(classPath)
        .compile(KIT, file);
    assertOnlyError(compilation, FindingCode.DUPLICATE, file, "public final class Counter",
        "the class com.acme.Kit_McpTools generated for the @McpTool methods of @Plugin \"kit\" in package com.acme "
            + FindingCode.DUPLICATE.rule() + "; found a class of that name. Rename that class.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void theGeneratedInvokerClassClashesWithAnExistingClass() {
    JavaFileObject existing = source("com.acme.Kit_McpTools", """
        package com.acme;

        public final class Kit_McpTools {}
        """);
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(KIT, existing, file), FindingCode.DUPLICATE, file, "public final class Counter",
        "the class com.acme.Kit_McpTools generated for the @McpTool methods of @Plugin \"kit\" in package com.acme "
            + FindingCode.DUPLICATE.rule() + "; found a class of that name. Rename that class.");
  }

  @Test
  @Covers(FindingCode.DUPLICATE)
  void theToolServerNameIsTakenByAnMcpServer() {
    JavaFileObject plugin = source("com.acme.package-info", """
        @Plugin(name = "kit", version = "1.0.0", description = "d")
        @McpServer(name = "kit", command = "npx")
        package com.acme;

        import dev.codexplugin.api.McpServer;
        import dev.codexplugin.api.Plugin;
        """);
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(plugin, file), FindingCode.DUPLICATE, plugin, "@Plugin(name = \"kit\"",
        "@Plugin toolServer " + FindingCode.DUPLICATE.rule() + "; found it empty, so the tool server takes the"
            + " plugin name \"kit\", which an @McpServer or a server of the mcpConfig file has too. Name the tool"
            + " server with @Plugin(toolServer = \"...\"), or rename the other server.");
  }

  // ------------------------------------------------------------------------------------------ BadKey on toolServer

  @Test
  @Covers(FindingCode.BAD_KEY)
  void theToolServerNameFollowsTheKeyRule() {
    JavaFileObject plugin = source("com.acme.package-info", """
        @dev.codexplugin.api.Plugin(name = "kit", version = "1.0.0", description = "d",
            toolServer = "kit tools")
        package com.acme;
        """);
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(plugin, file), FindingCode.BAD_KEY, plugin, "toolServer = \"kit tools\"",
        "@Plugin toolServer " + FindingCode.BAD_KEY.rule() + "; found \"kit tools\". Rename it to \"kit-tools\".");
  }

  @Test
  void aBadPluginNameIsReportedOnceNotAgainAsABadServerName() {
    JavaFileObject plugin = source("com.acme.package-info", """
        @dev.codexplugin.api.Plugin(
            name = "Kit", version = "1.0.0", description = "d")
        package com.acme;
        """);
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(plugin, file), FindingCode.BAD_NAME, plugin, "name = \"Kit\"",
        "@Plugin name " + FindingCode.BAD_NAME.rule() + "; found \"Kit\". Rename it to \"kit\".");
  }

  // ------------------------------------------------------------------------------------------ Missing

  @Test
  @Covers(FindingCode.MISSING)
  void noDescriptionAndNoJavadoc() {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          /** @return the count */
          @McpTool(readOnly = TriState.TRUE)
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MISSING, file, "@McpTool(readOnly = TriState.TRUE)",
        "@McpTool count description " + FindingCode.MISSING.rule() + "; found neither @McpTool(description) nor a"
            + " Javadoc sentence. Say what the tool does and when to use it, in @McpTool(description = \"...\") or"
            + " the first sentence of the method's Javadoc.");
  }

  @Test
  @Covers(FindingCode.MISSING)
  void aBlankDescriptionIsReportedOnTheDescription() {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(readOnly = TriState.TRUE,
              description = "  ")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(KIT, file), FindingCode.MISSING, file, "description = \"  \"",
        "@McpTool count description " + FindingCode.MISSING.rule());
  }

  // ------------------------------------------------------------------------------------------ Membership

  @Test
  @Covers(FindingCode.MEMBERSHIP)
  void toolsOutsideEveryPluginGetOneMembershipErrorAndNoSchemaErrors() {
    JavaFileObject alpha = source("com.alpha.package-info", """
        @dev.codexplugin.api.Plugin(name = "alpha", version = "1.0.0", description = "d")
        package com.alpha;
        """);
    JavaFileObject beta = source("com.beta.package-info", """
        @dev.codexplugin.api.Plugin(name = "beta", version = "1.0.0", description = "d")
        package com.beta;
        """);
    JavaFileObject file = source("com.other.Tools", """
        package com.other;

        import dev.codexplugin.api.McpTool;

        public final class Tools {
          @McpTool(description = "Runs.")
          public static void run(Thread thread) {}

          @McpTool(description = "Stops.")
          public static void stop(Object what) {}
        }
        """);
    assertOnlyError(compile(alpha, beta, file), FindingCode.MEMBERSHIP, file, "@McpTool(description = \"Runs.\")",
        "the @McpTool methods of com.other.Tools " + FindingCode.MEMBERSHIP.rule()
            + "; found none in package \"com.other\" or an enclosing package (there are 2: \"alpha\", \"beta\").");
  }

  @Test
  @Covers(FindingCode.MEMBERSHIP)
  void toolsWithoutAnyPlugin() {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    assertOnlyError(compile(file), FindingCode.MEMBERSHIP, file, "@McpTool(description = \"Counts.\")",
        "the @McpTool methods of com.acme.Counter " + FindingCode.MEMBERSHIP.rule() + "; found none in this"
            + " compilation.");
  }

  @Test
  @Covers(FindingCode.MEMBERSHIP)
  void aFactoryOutsideEveryPlugin() {
    JavaFileObject alpha = source("com.alpha.package-info", """
        @dev.codexplugin.api.Plugin(name = "alpha", version = "1.0.0", description = "d")
        package com.alpha;
        """);
    JavaFileObject beta = source("com.beta.package-info", """
        @dev.codexplugin.api.Plugin(name = "beta", version = "1.0.0", description = "d")
        package com.beta;
        """);
    JavaFileObject file = source("com.other.Wiring", """
        package com.other;

        public final class Wiring {
          @dev.codexplugin.api.McpToolFactory
          public static <T> T create(Class<T> type) { return null; }
        }
        """);
    assertOnlyError(compile(alpha, beta, file), FindingCode.MEMBERSHIP, file, "@dev.codexplugin.api.McpToolFactory",
        "@McpToolFactory com.other.Wiring.create " + FindingCode.MEMBERSHIP.rule());
  }

  // ------------------------------------------------------------------------------------------ no cascades

  @Test
  void aToolInThePackageOfAPluginJavacCannotReadGetsNoMessageOfOurs() {
    JavaFileObject alpha = source("com.alpha.package-info", """
        @dev.codexplugin.api.Plugin(name = "alpha", version = "1.0.0", description = "d",
            ui = @dev.codexplugin.api.PluginInterface(category = NO_SUCH_CONSTANT))
        package com.alpha;
        """);
    JavaFileObject beta = source("com.beta.package-info", """
        @dev.codexplugin.api.Plugin(name = "beta", version = "1.0.0", description = "d")
        package com.beta;
        """);
    JavaFileObject file = source("com.alpha.Tools", """
        package com.alpha;

        public final class Tools {
          @dev.codexplugin.api.McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    Compilation compilation = compile(alpha, beta, file);
    assertThat(compilation).failed();
    assertWithMessage("errors of %s", compilation.errors()).that(compilation.errors()).hasSize(1);
    assertThat(compilation.errors().get(0).getMessage(null)).doesNotContain("[codexplugin:");
  }

  /** javac reports a value it could not compute; the processor adds nothing, and generates nothing. */
  @ParameterizedTest
  @ValueSource(strings = {
      "@McpTool(description = \"Counts.\", readOnly = TriState.MAYBE) public static int count(int from)",
      "@McpTool(description = NO_SUCH_CONSTANT) public static int count(int from)",
      "@McpTool(description = \"Counts.\") public static int count(@Param(defaultValue = NOPE) int from)",
      "@McpTool(description = \"Counts.\") public static int count(@Param(name = NAME) int from)"})
  void anAnnotationJavacCannotReadGetsNoMessageOfOurs(String declaration) {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          %s { return from; }
        }
        """.formatted(declaration));
    Compilation compilation = compile(KIT, file);
    assertThat(compilation).failed();
    assertWithMessage("errors of %s", compilation.errors()).that(compilation.errors()).hasSize(1);
    assertThat(compilation.errors().get(0).getMessage(null)).doesNotContain("[codexplugin:");
  }

  @Test
  void twoPluginsOfOneNameWithToolsGetOneDuplicateError() {
    JavaFileObject first = source("com.a.Tools", """
        package com.a;

        @dev.codexplugin.api.Plugin(name = "kit", version = "1.0.0", description = "d")
        public final class Tools {
          @dev.codexplugin.api.McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    JavaFileObject second = source("com.b.Tools", """
        package com.b;

        @dev.codexplugin.api.Plugin(name = "kit", version = "1.0.0", description = "d")
        public final class Tools {
          @dev.codexplugin.api.McpTool(description = "Counts too.")
          public static int count() { return 2; }
        }
        """);
    assertOnlyError(compile(first, second), FindingCode.DUPLICATE, second, "@dev.codexplugin.api.Plugin(name",
        "@Plugin name " + FindingCode.DUPLICATE.rule() + "; found \"kit\", which another @Plugin in this compilation"
            + " has too.");
  }

  @Test
  void aSkillRequiringTheToolServerOfToolsWithErrorsGetsNoUnknownRequirement() {
    JavaFileObject file = tools("Counter", """
        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count(Object what) { return 1; }
        }
        """);
    JavaFileObject skill = tools("Counting", """
        @Skill(name = "counting", description = "Count things.", instructions = "Call count.", requires = "kit")
        final class Counting {}
        """);
    assertOnlyError(compile(KIT, file, skill), FindingCode.UNMAPPABLE_TYPE, file, "count(Object what)",
        "@McpTool count parameter what " + FindingCode.UNMAPPABLE_TYPE.rule() + "; found java.lang.Object.");
  }

  /**
   * A plugin whose tools have an error gets no generated class at all, not even the invokers of its good tool
   * classes, and no bundle: on disk, as a build leaves it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"schema", "toolServer", "factory", "clash"})
  void toolsWithErrorsLeaveNoGeneratedSourceAndNoBundleOnDisk(String problem) {
    Map<String, String> sources = new java.util.TreeMap<>();
    sources.put("com/acme/package-info.java", """
        @dev.codexplugin.api.Plugin(name = "kit", version = "1.0.0", description = "d"%s)
        package com.acme;
        """.formatted(problem.equals("toolServer") ? ", toolServer = \"kit tools\"" : ""));
    sources.put("com/acme/Counter.java", """
        package com.acme;

        import dev.codexplugin.api.McpTool;

        public final class Counter {
          @McpTool(description = "Counts.")
          public static int count() { return 1; }
        }
        """);
    sources.put("com/acme/Greeter.java", """
        package com.acme;

        import dev.codexplugin.api.McpTool;

        public final class Greeter {
          @McpTool(description = "Greets.")
          public String greet(%s) { return "Hello"; }
        }
        """.formatted(problem.equals("schema") ? "Thread thread" : ""));
    if (problem.equals("factory")) {
      sources.put("com/acme/Wiring.java", """
          package com.acme;

          public final class Wiring {
            @dev.codexplugin.api.McpToolFactory
            public static Object create(Class<?> type) { return null; }
          }
          """);
    }
    if (problem.equals("clash")) {
      sources.put("com/acme/KitMcpServer.java", "package com.acme;\n\nfinal class KitMcpServer {}\n");
    }
    DiskCompiler.Result result = DiskCompiler.compile(dir, new CodexPluginProcessor(), List.of(), sources);
    assertThat(result.success()).isFalse();
    assertWithMessage("errors of %s", result.errors()).that(result.errors()).hasSize(1);
    assertThat(result.errors().get(0).getMessage(null)).startsWith("[codexplugin:");
    assertThat(result.resources()).isEmpty();
  }
}
