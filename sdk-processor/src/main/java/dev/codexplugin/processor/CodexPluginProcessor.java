package dev.codexplugin.processor;

import com.google.auto.service.AutoService;
import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.Severity;
import dev.codexplugin.runtime.internal.BundleIndex;
import dev.codexplugin.runtime.internal.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The annotation processor of the Codex Plugin SDK. It collects {@code @Plugin}, {@code @Skill},
 * {@code @McpServer}, {@code @App} and {@code @Hook} over all rounds, and when processing is over checks every
 * rule and writes each plugin bundle to {@code META-INF/codex-plugins/<name>/} plus the index
 * {@code META-INF/codex-plugins/index.json} &mdash; only when the compilation raised no error.
 *
 * <p>Options: {@code -Acodexplugin.version=<version>} (the version of a {@code @Plugin} without one) and
 * {@code -Acodexplugin.resourcePath=<dir>[:<dir>...]} (more folders to find resources in).
 */
@AutoService(Processor.class)
public final class CodexPluginProcessor extends AbstractProcessor {
  /** Qualified names of annotated packages ({@code p:}) and types ({@code t:}), over all rounds. */
  private final Set<String> annotated = new TreeSet<>();
  private boolean errorInEarlierRound;

  /** Creates the processor; javac does this through the service loader. */
  public CodexPluginProcessor() {}

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> types = new LinkedHashSet<>();
    types.add(Declarations.PLUGIN);
    for (Declarations.Kind kind : Declarations.Kind.values()) {
      types.add(kind.annotation);
      types.add(kind.container);
    }
    return types;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.ALL;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Diagnostics diagnostics = new Diagnostics(processingEnv.getMessager());
    try {
      for (TypeElement annotation : annotations) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          key(element).ifPresent(annotated::add);
        }
      }
      errorInEarlierRound |= round.errorRaised();
      if (round.processingOver()) {
        finish(diagnostics, round.errorRaised() || errorInEarlierRound);
      }
    } catch (RuntimeException | LinkageError e) {
      diagnostics.internal(null, e);
    }
    return false;
  }

  private static java.util.Optional<String> key(Element element) {
    if (element instanceof PackageElement p) {
      return java.util.Optional.of("p:" + p.getQualifiedName());
    }
    if (element instanceof TypeElement t && !t.getQualifiedName().isEmpty()) {
      return java.util.Optional.of("t:" + t.getQualifiedName());
    }
    return java.util.Optional.empty();
  }

  private void finish(Diagnostics diagnostics, boolean compilationFailed) {
    Options options = new Options(processingEnv.getOptions());
    for (String unknown : options.unknown()) {
      diagnostics.print(FindingCode.UNKNOWN_OPTION, Severity.WARNING, new Origin(null, null, null, ""),
          "-A" + unknown + " " + FindingCode.UNKNOWN_OPTION.rule() + "; known: -A"
              + String.join(", -A", new TreeSet<>(Options.ALL)) + ".");
    }
    if (annotated.isEmpty()) {
      return;
    }
    var elements = processingEnv.getElementUtils();
    List<Element> current = new ArrayList<>();
    for (String key : annotated) {
      String name = key.substring(2);
      Element element = key.startsWith("p:") ? elements.getPackageElement(name) : elements.getTypeElement(name);
      if (element != null) {
        current.add(element);
      }
    }
    Declarations declarations = Declarations.read(elements, current);
    Map<PluginDecl, List<PartDecl>> members = Membership.assign(declarations.plugins, declarations.parts,
        diagnostics);
    Map<String, PluginDecl> byName = new HashMap<>();
    for (PluginDecl plugin : declarations.plugins) {
      PluginDecl first = byName.putIfAbsent(plugin.name(), plugin);
      if (first != null) {
        diagnostics.print(FindingCode.DUPLICATE, Severity.ERROR, plugin.reader().origin("name"),
            "@Plugin name " + Text.quote(plugin.name()) + " " + FindingCode.DUPLICATE.rule()
                + "; another @Plugin in this compilation has the same name.");
      }
    }
    Resources resources = new Resources(processingEnv.getFiler(), options.resourcePath());
    SortedMap<String, SortedMap<String, byte[]>> bundles = new TreeMap<>();
    Map<String, PluginDecl> origin = new HashMap<>();
    for (var entry : members.entrySet()) {
      PluginDecl plugin = entry.getKey();
      try {
        new BundleAssembler(elements, resources, diagnostics, options.version(), plugin)
            .assemble(entry.getValue())
            .ifPresent(files -> {
              bundles.put(plugin.name(), files);
              origin.put(plugin.name(), plugin);
            });
      } catch (RuntimeException e) {
        diagnostics.internal(plugin.element(), e);
      }
    }
    if (compilationFailed || diagnostics.hasErrors()) {
      return;
    }
    write(bundles, members, origin, diagnostics);
  }

  private void write(SortedMap<String, SortedMap<String, byte[]>> bundles, Map<PluginDecl, List<PartDecl>> members,
      Map<String, PluginDecl> origin, Diagnostics diagnostics) {
    List<BundleIndex.Entry> index = new ArrayList<>();
    List<Element> all = new ArrayList<>();
    for (var bundle : bundles.entrySet()) {
      PluginDecl plugin = origin.get(bundle.getKey());
      List<Element> originating = new ArrayList<>();
      originating.add(plugin.element());
      members.get(plugin).forEach(p -> originating.add(p.element()));
      all.addAll(originating);
      String root = BundleIndex.ROOT + bundle.getKey() + "/";
      for (var file : bundle.getValue().entrySet()) {
        writeResource(root + file.getKey(), file.getValue(), originating, plugin, diagnostics);
      }
      String version = new String(bundle.getValue().get(".codex-plugin/plugin.json"),
          java.nio.charset.StandardCharsets.UTF_8);
      index.add(new BundleIndex.Entry(bundle.getKey(), versionOf(version), List.copyOf(bundle.getValue().keySet())));
    }
    if (!index.isEmpty()) {
      writeResource(BundleIndex.RESOURCE, BundleIndex.write(index), all, null, diagnostics);
    }
  }

  private static String versionOf(String manifestJson) {
    var matcher = java.util.regex.Pattern.compile("\"version\": \"([^\"]*)\"").matcher(manifestJson);
    return matcher.find() ? matcher.group(1) : "";
  }

  private void writeResource(String path, byte[] bytes, List<Element> originating, PluginDecl plugin,
      Diagnostics diagnostics) {
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path,
          originating.toArray(new Element[0]));
      try (OutputStream out = file.openOutputStream()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      diagnostics.print(FindingCode.IO, Severity.ERROR,
          plugin == null ? new Origin(null, null, null, "") : plugin.reader().origin(),
          "cannot write " + path + ": " + e.getMessage() + ".");
    }
  }
}
