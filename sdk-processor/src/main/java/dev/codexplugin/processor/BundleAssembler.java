package dev.codexplugin.processor;

import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.McpServerSpec;
import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.format.BundleWriter;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Rules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import javax.lang.model.util.Elements;

/**
 * Builds the bundle of one {@code @Plugin}: one mapper per part kind ({@link ManifestMapper},
 * {@link SkillMapper}, {@link ServerMapper}, {@link AppMapper}, {@link HookMapper}, {@link ShippedFiles}) turns
 * the annotations and the files they name into the runtime's model, the runtime's rules check it, and
 * {@link Findings} maps every finding back to the annotation value it came from.
 */
final class BundleAssembler {
  private final Resources resources;
  private final Diagnostics diagnostics;
  private final String optionVersion;
  private final PluginDecl plugin;
  private final CodexPluginProcessor.Probe probe;
  private final Elements elements;

  BundleAssembler(Elements elements, Resources resources, Diagnostics diagnostics, String optionVersion,
      PluginDecl plugin, CodexPluginProcessor.Probe probe) {
    this.resources = resources;
    this.diagnostics = diagnostics;
    this.optionVersion = optionVersion;
    this.plugin = plugin;
    this.probe = probe;
    this.elements = elements;
  }

  /**
   * What one {@code @Plugin} became.
   *
   * @param plugin the declaration
   * @param version the version written to the manifest
   * @param files every file of the bundle, by path inside it
   * @param executable the files that are executable, for the bundle index
   */
  record Assembled(PluginDecl plugin, String version, SortedMap<String, byte[]> files, Set<String> executable) {}

  /**
   * The bundle, or empty when an error was reported; {@code tools} are the plugin's {@code @McpTool} methods,
   * or {@code null}; {@code javaHooks} its {@code @HookHandler} methods, or {@code null}.
   */
  Optional<Assembled> assemble(List<PartDecl> parts, ToolRound.PluginTools tools, HookRound.PluginHooks javaHooks) {
    Findings findings = new Findings(diagnostics, plugin.prism().origin().labeled(plugin.prism().title()));
    Packer packer = new Packer(resources, findings, elements);
    Assembly assembly = new Assembly(plugin, optionVersion, findings, packer);
    SkillMapper skillMapper = new SkillMapper(assembly);
    ServerMapper serverMapper = new ServerMapper(assembly);
    AppMapper appMapper = new AppMapper(assembly);
    HookMapper hookMapper = new HookMapper(assembly);

    PluginManifest manifest = new ManifestMapper(assembly).map();
    List<SkillSpec> skills = new ArrayList<>(skillMapper.localSkills());
    List<McpServerSpec> servers = new ArrayList<>(serverMapper.configServers());
    if (tools != null) {
      // Also when the tools have errors (reported already; nothing is written): skills may require the server.
      servers.add(serverMapper.toolServer(tools));
      if (tools.failed()) {
        findings.fail();
      }
    }
    List<AppSpec> apps = new ArrayList<>(appMapper.configApps());
    List<HookSpec> hooks = new ArrayList<>();
    for (PartDecl part : parts) {
      try {
        probe.visit(part.element());
        // The tool classes and factories were handled in the round they appeared in (ToolRound).
        if (part.prism() instanceof SkillPrism skill) {
          skills.add(skillMapper.skill(skill));
        } else if (part.prism() instanceof McpServerPrism server) {
          servers.add(serverMapper.server(server));
        } else if (part.prism() instanceof AppPrism app) {
          apps.add(appMapper.app(app));
        } else if (part.prism() instanceof HookPrism hook) {
          hooks.add(hookMapper.hook(hook, hooks.size()));
        }
      } catch (RuntimeException | LinkageError | AssertionError e) {
        diagnostics.internal(part.element(), e);
        findings.fail();
      }
    }
    if (javaHooks != null) {
      // After the @Hook ones, in id order; the writer groups them by event.
      for (HookRound.Handler handler : javaHooks.handlers()) {
        hooks.add(hookMapper.handler(handler, javaHooks.launcher(), hooks.size()));
      }
      if (javaHooks.failed()) {
        findings.fail();
      }
    }
    if (tools != null) {
      serverMapper.toolServerIsUnique(tools, servers);
    }
    new ShippedFiles(assembly).pack();
    skills.sort(Comparator.comparing(SkillSpec::name));
    servers.sort(Comparator.comparing(McpServerSpec::name));
    apps.sort(Comparator.comparing(AppSpec::key));
    PluginBundle bundle = PluginBundle.builder(manifest)
        .skills(skills)
        .mcpServers(servers)
        .apps(apps)
        .hooks(hooks)
        .files(List.copyOf(packer.files().keySet()))
        .executableFiles(List.copyOf(packer.executable()))
        .build();
    Rules.check(bundle, FormatFiles.MANIFEST, findings.report());
    findings.flush();
    if (findings.failed()) {
      return Optional.empty();
    }
    SortedMap<String, byte[]> files = BundleWriter.write(bundle, packer.files());
    for (SkillSpec skill : skills) {
      byte[] skillMd = files.get(skill.skillFile());
      if (skillMd != null && skillMd.length > Limits.MAX_TEXT_BYTES) {
        Place instructions = new Place(skill.skillFile(), "instructions");
        findings.problem(FindingCode.TOO_LARGE, findings.origins().find(FindingCode.TOO_LARGE, instructions),
                Place.of(skill.skillFile()))
            .arg("limit", Packer.size(Limits.MAX_TEXT_BYTES) + ", the most a reader of the bundle accepts")
            .found("a SKILL.md of " + skillMd.length + " bytes").fix("shorten the instructions").report();
      }
    }
    return findings.failed() ? Optional.empty()
        : Optional.of(new Assembled(plugin, manifest.version(), files, packer.executable()));
  }
}
