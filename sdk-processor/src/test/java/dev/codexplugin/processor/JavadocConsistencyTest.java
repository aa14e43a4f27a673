package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.api.App;
import dev.codexplugin.api.Author;
import dev.codexplugin.api.Hook;
import dev.codexplugin.api.HookEvent;
import dev.codexplugin.api.HookHandler;
import dev.codexplugin.api.McpServer;
import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.McpToolFactory;
import dev.codexplugin.api.Param;
import dev.codexplugin.api.Plugin;
import dev.codexplugin.api.PluginInterface;
import dev.codexplugin.api.Skill;
import dev.codexplugin.api.SkillInterface;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Json;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Rules;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc of every annotation attribute states its rules in the very words the diagnostics use
 * ({@link FindingCode#rule()}, or the rule with its number where the code has one), read from the sources of
 * {@code sdk-api}.
 */
class JavadocConsistencyTest {
  /** A rule an attribute is checked by, in the words of the diagnostics. */
  record Rule(FindingCode code, String words) {}

  private static Rule rule(FindingCode code) {
    return new Rule(code, code.rule());
  }

  private static Rule rule(FindingCode code, String words) {
    return new Rule(code, words);
  }

  /** The rule with its placeholders filled, as the messages fill them. */
  private static Rule rule(FindingCode code, Map<String, ?> args) {
    return new Rule(code, code.rule(args));
  }

  private static final Rule NAME = rule(FindingCode.BAD_NAME);
  private static final Rule KEY = rule(FindingCode.BAD_KEY);
  private static final Rule UNIQUE = rule(FindingCode.DUPLICATE);
  private static final Rule NOT_EMPTY = rule(FindingCode.MISSING);
  private static final Rule HTTPS = rule(FindingCode.NOT_HTTPS);
  private static final Rule COLOR = rule(FindingCode.BAD_COLOR);
  private static final Rule FILE = rule(FindingCode.MISSING_FILE);
  private static final Rule ENTRY = rule(FindingCode.BAD_ENTRY);
  private static final Rule NEGATIVE = rule(FindingCode.NEGATIVE);
  private static final Rule PLACEHOLDER = rule(FindingCode.PLACEHOLDER);
  private static final Rule SECRET = rule(FindingCode.SECRET_LITERAL);
  private static final Rule TRANSPORT = rule(FindingCode.TRANSPORT);
  private static final Rule INSTRUCTIONS = rule(FindingCode.INSTRUCTIONS);
  private static final Rule MAPPABLE = rule(FindingCode.UNMAPPABLE_TYPE);
  private static final Rule LONG_TOOL_NAME = rule(FindingCode.LONG_TOOL_NAME);
  private static final Rule BELONGS = rule(FindingCode.MEMBERSHIP);

  /** Every attribute of every annotation, with the rules the processor checks it by (none for most). */
  static final Map<String, List<Rule>> ATTRIBUTES = new LinkedHashMap<>();

  static {
    attributes(Plugin.class, Map.of(
        "name", List.of(NAME, UNIQUE),
        "version", List.of(rule(FindingCode.BAD_VERSION), NOT_EMPTY, rule(FindingCode.VERSION_MISMATCH)),
        "description", List.of(NOT_EMPTY),
        "homepage", List.of(HTTPS),
        "repository", List.of(HTTPS),
        "localSkills", List.of(FILE, rule(FindingCode.UNSAFE_PATH)),
        "files", List.of(FILE, rule(FindingCode.UNSAFE_PATH), UNIQUE),
        "mcpConfig", List.of(FILE),
        "appConfig", List.of(FILE),
        "toolServer", List.of(KEY, UNIQUE, LONG_TOOL_NAME)));
    attributes(Author.class, Map.of(
        "name", List.of(NOT_EMPTY),
        "url", List.of(HTTPS)));
    attributes(PluginInterface.class, Map.of(
        "websiteUrl", List.of(HTTPS),
        "privacyPolicyUrl", List.of(HTTPS),
        "termsOfServiceUrl", List.of(HTTPS),
        "defaultPrompts", List.of(rule(FindingCode.DEFAULT_PROMPTS)),
        "brandColor", List.of(COLOR),
        "composerIcon", List.of(FILE),
        "logo", List.of(FILE),
        "logoDark", List.of(FILE),
        "screenshots", List.of(FILE, rule(FindingCode.NOT_PNG))));
    attributes(Skill.class, Map.of(
        "name", List.of(NAME, UNIQUE),
        "description", List.of(NOT_EMPTY, rule(FindingCode.ANGLE_BRACKETS),
            rule(FindingCode.TOO_LONG, Map.of("max", Rules.MAX_SKILL_DESCRIPTION))),
        "instructions", List.of(INSTRUCTIONS),
        "instructionsFile", List.of(INSTRUCTIONS, FILE, rule(FindingCode.BAD_ENCODING)),
        "compatibility", List.of(
            rule(FindingCode.TOO_LONG, Map.of("max", Rules.MAX_COMPATIBILITY))),
        "metadata", List.of(ENTRY, UNIQUE),
        "shortDescription", List.of(UNIQUE),
        "requires", List.of(rule(FindingCode.UNKNOWN_REQUIREMENT))));
    attributes(SkillInterface.class, Map.of(
        "defaultPrompt", List.of(rule(FindingCode.TOO_LONG, Map.of("max", Rules.MAX_PROMPT))),
        "brandColor", List.of(COLOR),
        "iconSmall", List.of(FILE),
        "iconLarge", List.of(FILE)));
    attributes(McpServer.class, Map.of(
        "name", List.of(KEY, UNIQUE),
        "command", List.of(TRANSPORT, PLACEHOLDER, rule(FindingCode.UNDECLARED_PREREQUISITE)),
        "args", List.of(PLACEHOLDER),
        "env", List.of(ENTRY, UNIQUE, PLACEHOLDER, SECRET),
        "cwd", List.of(rule(FindingCode.BAD_CWD), NOT_EMPTY, PLACEHOLDER),
        "url", List.of(TRANSPORT, HTTPS),
        "httpHeaders", List.of(ENTRY, UNIQUE, PLACEHOLDER, SECRET),
        "envHttpHeaders", List.of(ENTRY, UNIQUE),
        "startupTimeoutSec", List.of(NEGATIVE),
        "toolTimeoutSec", List.of(NEGATIVE)));
    attributes(App.class, Map.of(
        "key", List.of(KEY, UNIQUE),
        "id", List.of(NOT_EMPTY),
        "baseUrl", List.of(HTTPS)));
    attributes(Hook.class, Map.of(
        "matcher", List.of(rule(FindingCode.BAD_REGEX)),
        "command", List.of(NOT_EMPTY),
        "timeoutSec", List.of(NEGATIVE)));
    attributes(McpTool.class, Map.of(
        "name", List.of(rule(FindingCode.BAD_TOOL_NAME), UNIQUE, LONG_TOOL_NAME),
        "description", List.of(NOT_EMPTY),
        "structuredOutput", List.of(MAPPABLE)));
    attributes(Param.class, Map.of(
        "name", List.of(UNIQUE, rule(FindingCode.NAME_MISMATCH, "must equal the component's JSON name")),
        "required", List.of(rule(FindingCode.BAD_DEFAULT, "contradicts defaultValue")),
        "defaultValue", List.of(rule(FindingCode.BAD_DEFAULT)),
        "enumNames", List.of(MAPPABLE)));
    attributes(dev.codexplugin.api.Title.class, Map.of());
    attributes(McpToolFactory.class, Map.of());
    attributes(dev.codexplugin.api.McpResource.class, Map.of("uri", List.of(UNIQUE)));
    attributes(dev.codexplugin.api.McpPrompt.class, Map.of("name", List.of(UNIQUE)));
    attributes(dev.codexplugin.api.McpCompletion.class, Map.of());
    attributes(HookHandler.class, Map.of(
        "event", List.of(rule(FindingCode.HOOK_EVENT)),
        "matcher", List.of(rule(FindingCode.BAD_REGEX), rule(FindingCode.IGNORED_MATCHER)),
        "timeoutSec", List.of(rule(FindingCode.HOOK_TIMEOUT))));
  }

  /** Rules about the annotated element rather than one attribute, stated in the annotation type's Javadoc. */
  static final Map<String, List<Rule>> TYPES = Map.of(
      "McpTool", List.of(rule(FindingCode.TOOL_METHOD), MAPPABLE, BELONGS, rule(FindingCode.MISSING_DEPENDENCY),
          rule(FindingCode.CONTEXT_PARAMETER)),
      "Param", List.of(MAPPABLE),
      "McpToolFactory", List.of(rule(FindingCode.TOOL_FACTORY), BELONGS),
      "McpResource", List.of(rule(FindingCode.MCP_METHOD), rule(FindingCode.MCP_RETURN_TYPE),
          rule(FindingCode.TEMPLATE_VARIABLES), rule(FindingCode.CONTEXT_PARAMETER), BELONGS),
      "McpPrompt", List.of(rule(FindingCode.MCP_METHOD), rule(FindingCode.PROMPT_ARGUMENT),
          rule(FindingCode.MCP_RETURN_TYPE), rule(FindingCode.CONTEXT_PARAMETER), BELONGS),
      "McpCompletion", List.of(rule(FindingCode.MCP_METHOD), rule(FindingCode.UNKNOWN_COMPLETION),
          rule(FindingCode.MCP_RETURN_TYPE), BELONGS),
      "HookHandler", List.of(rule(FindingCode.HOOK_SIGNATURE), rule(FindingCode.HOOK_INPUT),
          rule(FindingCode.HOOK_BINDING), rule(FindingCode.HOOK_DECISION), UNIQUE, BELONGS,
          rule(FindingCode.MISSING_DEPENDENCY)));

  /** Rules about resources and elements rather than one attribute, stated in the package documentation. */
  static final List<Rule> PACKAGE = List.of(
      rule(FindingCode.MEMBERSHIP),
      rule(FindingCode.TOO_LARGE, Map.of("limit", Packer.size(Resources.MAX_BYTES))),
      rule(FindingCode.TOO_LARGE, Map.of("limit", Packer.size(Limits.MAX_TEXT_BYTES))),
      rule(FindingCode.TOO_LARGE, Map.of("limit", Json.MAX_DEPTH + " levels of nesting")));

  /** Codes that are about no attribute, and why. */
  static final Map<FindingCode, String> NOT_ABOUT_AN_ATTRIBUTE = new EnumMap<>(Map.ofEntries(
      Map.entry(FindingCode.UNKNOWN_EVENT, "the event is a HookEvent; see everyHookEventIsOneTheRulesKnow"),
      Map.entry(FindingCode.BAD_JSON, "about the content of an mcpConfig/appConfig file"),
      Map.entry(FindingCode.BAD_YAML, "about the content of a SKILL.md or agents/openai.yaml of localSkills"),
      Map.entry(FindingCode.WRONG_TYPE, "about the content of a file of mcpConfig, appConfig or localSkills"),
      Map.entry(FindingCode.FRONT_MATTER, "about the content of a SKILL.md of localSkills"),
      Map.entry(FindingCode.FRONT_MATTER_KEY, "about the content of a SKILL.md of localSkills"),
      Map.entry(FindingCode.UNKNOWN_KEY, "about the content of an mcpConfig file"),
      Map.entry(FindingCode.NOT_PORTABLE, "about the names of the bundle's files and folders together (Windows device"
          + " names, trailing dots, NFC and case twins); an advisory warning no attribute's rule states"),
      Map.entry(FindingCode.UNREACHABLE, "about where a SKILL.md of localSkills lies"),
      Map.entry(FindingCode.DISCOURAGED, "about the shape of an mcpConfig file"),
      Map.entry(FindingCode.BAD_PATH, "about a path in an agents/openai.yaml of localSkills; the processor writes"
          + " the paths of annotated assets itself"),
      Map.entry(FindingCode.INVALID_BUNDLE, "the exporter's and the package manager's, about a bundle with errors"),
      Map.entry(FindingCode.DUPLICATE_LIBRARY, "the exporter's, about the jars of lib/"),
      Map.entry(FindingCode.NOT_AN_EXPORT, "the exporter's, about its output folder"),
      Map.entry(FindingCode.RESERVED_NAME, "the exporter's, about the marketplace name it is given"),
      Map.entry(FindingCode.IGNORED_HOOK_FIELD, "the loader's, about a hand-written hooks.json"),
      Map.entry(FindingCode.AGENT_FRONT_MATTER, "the loader's, about a Claude Code agents/*.md"),
      Map.entry(FindingCode.NO_BUNDLE, "the loader's; the processor writes the bundle"),
      Map.entry(FindingCode.UNKNOWN_OPTION, "about a processor option, documented on CodexPluginProcessor"),
      Map.entry(FindingCode.DUPLICATE_PLUGIN, "PluginCatalog's, about several bundles"),
      Map.entry(FindingCode.DUPLICATE_SERVER, "PluginCatalog's, about several bundles"),
      Map.entry(FindingCode.DUPLICATE_SKILL, "PluginCatalog's, about several bundles"),
      Map.entry(FindingCode.IO, "about the file system"),
      Map.entry(FindingCode.INTERNAL, "a bug of the SDK")));

  private static void attributes(Class<? extends Annotation> type, Map<String, List<Rule>> rules) {
    Set<String> declared = Arrays.stream(type.getDeclaredMethods()).map(Method::getName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertWithMessage("attributes with rules that %s does not have", type.getSimpleName())
        .that(declared).containsAtLeastElementsIn(rules.keySet());
    for (String attribute : declared) {
      ATTRIBUTES.put(type.getSimpleName() + "." + attribute, rules.getOrDefault(attribute, List.of()));
    }
  }

  private static Path api() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("../sdk-api/src/main/java/dev/codexplugin/api").normalize();
  }

  @Test
  void everyAttributeStatesItsRulesInTheWordsOfTheDiagnostics() throws IOException {
    List<String> drifts = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> attribute : ATTRIBUTES.entrySet()) {
      String[] parts = attribute.getKey().split("\\.");
      String doc = javadoc(parts[0]).get(parts[1]);
      assertWithMessage("Javadoc of %s", attribute.getKey()).that(doc).isNotNull();
      for (Rule rule : attribute.getValue()) {
        if (!doc.contains(rule.words())) {
          drifts.add(attribute.getKey() + " (" + rule.code().id() + "): \"" + rule.words() + "\" is not in \"" + doc
              + "\"");
        }
      }
    }
    assertWithMessage("attributes whose Javadoc drifted from the diagnostics").that(drifts).isEmpty();
  }

  @Test
  void everyAttributeIsDocumented() throws IOException {
    for (String attribute : ATTRIBUTES.keySet()) {
      String[] parts = attribute.split("\\.");
      assertWithMessage("Javadoc of %s", attribute).that(javadoc(parts[0])).containsKey(parts[1]);
    }
    assertThat(ATTRIBUTES.keySet()).containsAtLeast("Plugin.name", "Author.url", "PluginInterface.screenshots",
        "Skill.allowImplicitInvocation", "SkillInterface.iconLarge", "McpServer.disabledTools", "App.baseUrl",
        "Hook.statusMessage", "Plugin.toolServer", "McpTool.openWorld", "McpTool.structuredOutput",
        "Param.defaultValue");
  }

  @Test
  void theToolAnnotationsStateTheirRulesAboutElementsInTheirTypeJavadoc() throws IOException {
    List<String> drifts = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> type : TYPES.entrySet()) {
      String doc = typeJavadoc(type.getKey());
      for (Rule rule : type.getValue()) {
        if (!doc.contains(rule.words())) {
          drifts.add(type.getKey() + " (" + rule.code().id() + "): \"" + rule.words() + "\" is not in \"" + doc
              + "\"");
        }
      }
    }
    assertWithMessage("annotation types whose Javadoc drifted from the diagnostics").that(drifts).isEmpty();
  }

  @Test
  void thePackageStatesTheRulesAboutResourcesAndMembership() throws IOException {
    String doc = normalize(Files.readString(api().resolve("package-info.java")));
    for (Rule rule : PACKAGE) {
      assertWithMessage("package documentation").that(doc).contains(rule.words());
    }
  }

  @Test
  void everyCodeIsAnAttributeRuleAPackageRuleOrExplained() {
    Set<FindingCode> seen = EnumSet.noneOf(FindingCode.class);
    ATTRIBUTES.values().forEach(rules -> rules.forEach(r -> seen.add(r.code())));
    TYPES.values().forEach(rules -> rules.forEach(r -> seen.add(r.code())));
    PACKAGE.forEach(r -> seen.add(r.code()));
    Set<FindingCode> unexplained = EnumSet.allOf(FindingCode.class);
    unexplained.removeAll(seen);
    unexplained.removeAll(NOT_ABOUT_AN_ATTRIBUTE.keySet());
    assertWithMessage("codes neither in an attribute's Javadoc nor explained").that(unexplained).isEmpty();
    Set<FindingCode> both = EnumSet.copyOf(NOT_ABOUT_AN_ATTRIBUTE.keySet());
    both.retainAll(seen);
    assertWithMessage("codes explained away that are attribute rules after all").that(both).isEmpty();
  }

  @Test
  void everyHookEventIsOneTheRulesKnow() {
    Set<String> events = Arrays.stream(HookEvent.values()).map(HookEvent::jsonName)
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(events).containsExactlyElementsIn(Rules.HOOK_EVENTS);
    for (HookEvent event : HookEvent.values()) {
      assertThat(FindingCode.UNKNOWN_EVENT.rule()).contains(event.jsonName());
    }
  }

  // ------------------------------------------------------------------------------------------ reading Javadoc

  private static final Pattern MEMBER = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*[\\w.\\[\\]]+\\s+(\\w+)\\(\\)", Pattern.DOTALL);

  private static final Pattern TYPE = Pattern.compile(
      "/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public\\s+@interface\\s+(\\w+)",
      Pattern.DOTALL);

  /** The Javadoc of annotation type {@code annotation} itself, normalized to plain text. */
  static String typeJavadoc(String annotation) throws IOException {
    Matcher m = TYPE.matcher(Files.readString(api().resolve(annotation + ".java")));
    assertWithMessage("Javadoc of @%s", annotation).that(m.find()).isTrue();
    assertThat(m.group(2)).isEqualTo(annotation);
    return normalize(m.group(1));
  }

  /** The Javadoc of each attribute of {@code annotation}, normalized to plain text. */
  static Map<String, String> javadoc(String annotation) throws IOException {
    String source = Files.readString(api().resolve(annotation + ".java"));
    Map<String, String> docs = new LinkedHashMap<>();
    Matcher m = MEMBER.matcher(source);
    while (m.find()) {
      docs.putIfAbsent(m.group(2), normalize(m.group(1)));
    }
    return docs;
  }

  /** Comment text without leading stars, inline tags replaced by their text, whitespace collapsed. */
  static String normalize(String comment) {
    String text = comment.replaceAll("(?m)^\\s*\\*+ ?", " ");
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      if (text.startsWith("{@", i)) {
        int depth = 0;
        int end = i;
        for (; end < text.length(); end++) {
          char c = text.charAt(end);
          if (c == '{') {
            depth++;
          } else if (c == '}' && --depth == 0) {
            break;
          }
        }
        String tag = text.substring(i + 2, end);
        int space = tag.indexOf(' ');
        String name = space < 0 ? tag : tag.substring(0, space);
        String content = space < 0 ? "" : tag.substring(space + 1);
        out.append(name.startsWith("link") ? linkText(content) : content);
        i = end + 1;
      } else {
        out.append(text.charAt(i++));
      }
    }
    return out.toString().replaceAll("\\s+", " ").trim();
  }

  private static String linkText(String content) {
    String trimmed = content.trim();
    int space = trimmed.indexOf(' ');
    if (space >= 0) {
      return trimmed.substring(space + 1);
    }
    String reference = trimmed.substring(trimmed.indexOf('#') + 1);
    return reference.endsWith("()") ? reference.substring(0, reference.length() - 2) : reference;
  }

  @Test
  void normalizeReadsInlineTagsAsTheirText() {
    assertThat(normalize(" * must not contain {@code <} or {@code >};\n * see {@link #instructionsFile()}, "
        + "{@link Skill @Skill} and {@code {\"a\", \"b\"}}")).isEqualTo(
        "must not contain < or >; see instructionsFile, @Skill and {\"a\", \"b\"}");
  }
}
