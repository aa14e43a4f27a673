package dev.codexplugin.processor;

import com.google.auto.service.AutoService;
import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.BundleIndex;
import dev.codexplugin.runtime.format.Text;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * The annotation processor of the Codex Plugin SDK. It collects {@code @Plugin}, {@code @Skill},
 * {@code @McpServer}, {@code @App}, {@code @Hook}, {@code @McpTool} and {@code @HookHandler} over all rounds, and when processing is over checks every
 * rule and writes each plugin bundle to {@code META-INF/codex-plugins/<name>/} plus the index
 * {@code META-INF/codex-plugins/index.json} &mdash; only when the compilation raised no error it can see: none
 * of its own, none in an earlier round, no annotation value and no type in a signature that javac could not
 * resolve. (javac finds errors inside method bodies only after annotation processing; no processor sees those,
 * and javac then fails the build.)
 *
 * <p>It never throws: a failure of its own is reported as {@code [codexplugin:Internal]} on the element it was
 * working on, and the other elements go on. It says nothing about an annotation javac could not compute.
 *
 * <p>Options: {@code -Acodexplugin.version=<version>} (the version of a {@code @Plugin} without one) and
 * {@code -Acodexplugin.resourcePath=<dir>[:<dir>...]} (more folders to find resources in).
 */
@AutoService(Processor.class)
public final class CodexPluginProcessor extends AbstractProcessor {
  /**
   * Called with each element before its annotations are read and with each part before it is assembled. A
   * seam for the tests that prove a failure inside the processor becomes one diagnostic on its element.
   */
  interface Probe {
    void visit(Element element);
  }

  /** Qualified names of annotated packages ({@code p:}) and types ({@code t:}), over all rounds. */
  private final Set<String> annotated = new TreeSet<>();
  /** Qualified names of the compilation's types, over all rounds, to look for unresolved types in the end. */
  private final Set<String> roots = new TreeSet<>();
  private final Probe probe;
  private boolean errorInEarlierRound;
  private ToolRound tools;
  private HookRound hooks;

  /** Creates the processor; javac does this through the service loader. */
  public CodexPluginProcessor() {
    this(element -> {});
  }

  CodexPluginProcessor(Probe probe) {
    this.probe = probe;
  }

  /**
   * The SDK's annotations that the processor reads from an element: {@code @Plugin}, {@code @Skill},
   * {@code @McpServer}, {@code @App} and {@code @Hook} (with their containers), {@code @McpTool},
   * {@code @McpToolFactory} and {@code @HookHandler}. Nothing else: {@code "*"} would make Gradle's incremental compiler treat every
   * annotated source, and every annotation of source retention ({@code @Override}), as an input of this
   * aggregating processor. javac therefore does not run the processor on a compilation without these
   * annotations, and warns there that the {@code -Acodexplugin.*} options it was given went unused (no
   * processor ran that supports them): pass the options to the compilation of the annotated sources only.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Declarations.annotationTypes();
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
    Diagnostics diagnostics = new Diagnostics(processingEnv);
    try {
      for (TypeElement annotation : annotations) {
        for (Element element : round.getElementsAnnotatedWith(annotation)) {
          key(element).ifPresent(annotated::add);
        }
      }
      if (tools == null) {
        tools = new ToolRound(processingEnv);
      }
      if (hooks == null) {
        hooks = new HookRound(processingEnv);
      }
      if (!round.processingOver()) {
        List<PluginDecl> plugins = pluginsSoFar();
        tools.process(round, plugins, new Options(processingEnv.getOptions()).version(), diagnostics);
        hooks.process(round, plugins, diagnostics);
      }
      for (Element root : round.getRootElements()) {
        if (root instanceof TypeElement type) {
          roots.add(type.getQualifiedName().toString());
        }
      }
      errorInEarlierRound |= round.errorRaised();
      if (round.processingOver()) {
        finish(diagnostics, errorInEarlierRound);
      }
    } catch (RuntimeException | LinkageError | AssertionError e) {
      diagnostics.internal(null, e);
    }
    return false;
  }

  /** The {@code @Plugin}s of every round so far, read from their current elements. */
  private List<PluginDecl> pluginsSoFar() {
    Elements elements = processingEnv.getElementUtils();
    Declarations declarations = new Declarations();
    for (String key : annotated) {
      String name = key.substring(2);
      Element element = key.startsWith("p:") ? elements.getPackageElement(name) : elements.getTypeElement(name);
      if (element != null) {
        declarations.readPlugins(elements, element);
      }
    }
    return declarations.plugins;
  }

  private static Optional<String> key(Element element) {
    if (element instanceof PackageElement p) {
      return Optional.of("p:" + p.getQualifiedName());
    }
    if (element instanceof TypeElement t && !t.getQualifiedName().isEmpty()) {
      return Optional.of("t:" + t.getQualifiedName());
    }
    return Optional.empty();
  }

  private void finish(Diagnostics diagnostics, boolean compilationFailed) {
    Options options = new Options(processingEnv.getOptions());
    for (String unknown : options.unknown()) {
      diagnostics.problem(FindingCode.UNKNOWN_OPTION, Origin.none("-A" + unknown))
          .fix("check the spelling; the options are -A" + String.join(", -A", new TreeSet<>(Options.ALL))).report();
    }
    if (annotated.isEmpty()) {
      return;
    }
    Elements elements = processingEnv.getElementUtils();
    Declarations declarations = new Declarations();
    boolean failed = compilationFailed;
    for (String key : annotated) {
      String name = key.substring(2);
      Element element = key.startsWith("p:") ? elements.getPackageElement(name) : elements.getTypeElement(name);
      if (element == null) {
        continue;
      }
      try {
        probe.visit(element);
        declarations.read(elements, element);
      } catch (RuntimeException | LinkageError | AssertionError e) {
        diagnostics.internal(element, e);
        failed = true;
      }
    }
    // A value javac could not compute: javac reports it; anything we said would follow from it.
    failed |= declarations.anyErroneous();
    // A type javac could not resolve: javac reports it after this round and the compilation fails.
    failed |= unresolvedTypes(elements);
    Map<PluginDecl, List<PartDecl>> members = Membership.assign(declarations.plugins, declarations.parts,
        diagnostics);
    Map<String, PluginDecl> byName = new HashMap<>();
    for (PluginDecl plugin : declarations.plugins) {
      if (plugin.erroneous()) {
        continue;
      }
      PluginDecl first = byName.putIfAbsent(plugin.name(), plugin);
      if (first != null) {
        diagnostics.problem(FindingCode.DUPLICATE, plugin.prism().origin(PluginPrism.Attr.NAME))
            .found(Text.quote(plugin.name()) + ", which another @Plugin in this compilation has too")
            .fix("rename one of them").report();
      }
    }
    Resources resources = new Resources(processingEnv.getFiler(), elements, options.resourcePath());
    SortedMap<String, BundleAssembler.Assembled> bundles = new TreeMap<>();
    for (var entry : members.entrySet()) {
      PluginDecl plugin = entry.getKey();
      if (plugin.erroneous() || entry.getValue().stream().anyMatch(PartDecl::erroneous)) {
        continue;
      }
      try {
        new BundleAssembler(elements, resources, diagnostics, options.version(), plugin, probe)
            .assemble(entry.getValue(), tools == null ? null : tools.byPlugin().get(plugin.name()),
                hooks == null ? null : hooks.byPlugin().get(plugin.name()))
            .ifPresent(bundle -> bundles.put(plugin.name(), bundle));
      } catch (RuntimeException | LinkageError | AssertionError e) {
        diagnostics.internal(plugin.element(), e);
      }
    }
    if (tools != null) {
      failed |= tools.byPlugin().values().stream().anyMatch(ToolRound.PluginTools::failed);
    }
    if (hooks != null) {
      failed |= hooks.byPlugin().values().stream().anyMatch(HookRound.PluginHooks::failed);
    }
    if (failed || diagnostics.hasErrors()) {
      return;
    }
    write(bundles, members, diagnostics);
  }

  private boolean unresolvedTypes(Elements elements) {
    for (String name : roots) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null && ErrorTypes.in(type)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes every bundle and the index. The first file that cannot be written is reported, once, on its
   * {@code @Plugin}, and nothing more is written: whatever blocks one file (a read-only or cluttered class
   * output) most likely blocks the others, and an index must not list a bundle that is not all there.
   */
  private void write(SortedMap<String, BundleAssembler.Assembled> bundles, Map<PluginDecl, List<PartDecl>> members,
      Diagnostics diagnostics) {
    List<BundleIndex.Entry> index = new ArrayList<>();
    List<Element> all = new ArrayList<>();
    for (var bundle : bundles.entrySet()) {
      PluginDecl plugin = bundle.getValue().plugin();
      List<Element> originating = new ArrayList<>();
      originating.add(plugin.element());
      members.get(plugin).forEach(p -> originating.add(p.element()));
      all.addAll(originating);
      String root = BundleIndex.ROOT + bundle.getKey() + "/";
      SortedMap<String, byte[]> files = bundle.getValue().files();
      Origin origin = plugin.prism().origin().labeled(plugin.prism().title());
      for (var file : files.entrySet()) {
        if (!writeResource(root + file.getKey(), file.getValue(), originating, origin, diagnostics)) {
          return;
        }
      }
      index.add(new BundleIndex.Entry(bundle.getKey(), bundle.getValue().version(), List.copyOf(files.keySet()),
          bundle.getValue().executable()));
    }
    if (!index.isEmpty()) {
      writeResource(BundleIndex.RESOURCE, BundleIndex.write(index), all, Origin.none("the codexplugin processor"),
          diagnostics);
    }
  }

  private boolean writeResource(String path, byte[] bytes, List<Element> originating, Origin origin,
      Diagnostics diagnostics) {
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path,
          originating.toArray(new Element[0]));
      try (OutputStream out = file.openOutputStream()) {
        out.write(bytes);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      diagnostics.problem(FindingCode.IO, origin.labeled(origin.label() + ": the class output"))
          .found(e + " while writing " + path)
          .fix("the class output folder must be writable; remove whatever is in the way (e.g. run a clean build)")
          .report();
      return false;
    }
  }
}
