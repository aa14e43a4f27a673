package dev.codexplugin.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.codexplugin.api.App;
import dev.codexplugin.api.Author;
import dev.codexplugin.api.Hook;
import dev.codexplugin.api.HookHandler;
import dev.codexplugin.api.McpServer;
import dev.codexplugin.api.McpTool;
import dev.codexplugin.api.McpToolFactory;
import dev.codexplugin.api.Param;
import dev.codexplugin.api.Plugin;
import dev.codexplugin.api.PluginInterface;
import dev.codexplugin.api.Skill;
import dev.codexplugin.api.SkillInterface;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every prism names exactly the attributes of its annotation: the one place that knows them stays right. */
class PrismTest {
  private static final Map<Class<? extends Annotation>, Class<? extends Enum<?>>> PRISMS = Map.ofEntries(
      Map.entry(Plugin.class, PluginPrism.Attr.class),
      Map.entry(Author.class, AuthorPrism.Attr.class),
      Map.entry(PluginInterface.class, PluginInterfacePrism.Attr.class),
      Map.entry(Skill.class, SkillPrism.Attr.class),
      Map.entry(SkillInterface.class, SkillInterfacePrism.Attr.class),
      Map.entry(McpServer.class, McpServerPrism.Attr.class),
      Map.entry(App.class, AppPrism.Attr.class),
      Map.entry(Hook.class, HookPrism.Attr.class),
      Map.entry(McpTool.class, McpToolPrism.Attr.class),
      Map.entry(Param.class, ParamPrism.Attr.class),
      Map.entry(dev.codexplugin.api.Title.class, TitlePrism.Attr.class),
      Map.entry(McpToolFactory.class, McpToolFactoryPrism.Attr.class),
      Map.entry(HookHandler.class, HookHandlerPrism.Attr.class),
      Map.entry(dev.codexplugin.api.McpResource.class, McpResourcePrism.Attr.class),
      Map.entry(dev.codexplugin.api.McpPrompt.class, McpPromptPrism.Attr.class),
      Map.entry(dev.codexplugin.api.McpCompletion.class, McpCompletionPrism.Attr.class));

  @Test
  void everyPrismNamesExactlyTheAttributesOfItsAnnotation() {
    for (var prism : PRISMS.entrySet()) {
      Set<String> declared = Arrays.stream(prism.getKey().getDeclaredMethods()).map(Method::getName)
          .collect(Collectors.toSet());
      Set<String> named = Arrays.stream(prism.getValue().getEnumConstants())
          .map(constant -> ((Prism.Attribute) constant).javaName()).collect(Collectors.toSet());
      assertWithMessage("the attributes of @%s", prism.getKey().getSimpleName()).that(named)
          .containsExactlyElementsIn(declared);
    }
  }

  @Test
  void everyAnnotationOfTheApiHasAPrism() throws Exception {
    Set<Class<?>> annotations = new java.util.HashSet<>();
    Path root = Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (FileSystem jar = Files.isDirectory(root) ? null : FileSystems.newFileSystem(root);
        Stream<Path> files = Files.list((jar == null ? root : jar.getPath("/")).resolve("dev/codexplugin/api"))) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.contains("$")) {
          Class<?> type = Class.forName("dev.codexplugin.api." + name.substring(0, name.length() - 6));
          if (type.isAnnotation()) {
            annotations.add(type);
          }
        }
      }
    }
    assertWithMessage("annotations of sdk-api (containers aside)").that(PRISMS.keySet())
        .containsExactlyElementsIn(annotations);
  }
}
