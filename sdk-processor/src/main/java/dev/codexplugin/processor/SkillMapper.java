package dev.codexplugin.processor;

import dev.codexplugin.processor.SkillPrism.Attr;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.SkillSpec;
import dev.codexplugin.runtime.SkillUi;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.SkillReader;
import dev.codexplugin.runtime.format.SkillScanner;
import dev.codexplugin.runtime.format.Text;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The skills of a plugin: the folder of {@code @Plugin(localSkills)}, read with the runtime's readers, and each
 * {@code @Skill}, with the files its instructions and icons name.
 */
final class SkillMapper {
  /** The fields of {@code agents/openai.yaml} and the {@code @SkillInterface} attribute each comes from. */
  private static final Map<String, SkillInterfacePrism.Attr> AGENT_FIELDS = Map.of(
      "interface.display_name", SkillInterfacePrism.Attr.DISPLAY_NAME,
      "interface.short_description", SkillInterfacePrism.Attr.SHORT_DESCRIPTION,
      "interface.default_prompt", SkillInterfacePrism.Attr.DEFAULT_PROMPT,
      "interface.brand_color", SkillInterfacePrism.Attr.BRAND_COLOR,
      "interface.icon_small", SkillInterfacePrism.Attr.ICON_SMALL,
      "interface.icon_large", SkillInterfacePrism.Attr.ICON_LARGE);

  private final Assembly assembly;
  /** The skill folders taken so far, local skills first. */
  private final Set<String> folders = new HashSet<>();

  SkillMapper(Assembly assembly) {
    this.assembly = assembly;
  }

  /** The skills of {@code @Plugin(localSkills)}, packaged as they are. */
  List<SkillSpec> localSkills() {
    PluginPrism p = assembly.prism();
    String dir = p.localSkills();
    if (dir.isEmpty()) {
      return List.of();
    }
    String root = FormatFiles.SKILLS + "/";
    Origin attribute = p.origin(PluginPrism.Attr.LOCAL_SKILLS);
    Origin inside = attribute.labeled(attribute.label() + " " + Text.quote(dir)).forFiles(root);
    Optional<Packer.Folder> folder = assembly.packer().folder(dir, attribute, Place.of(FormatFiles.SKILLS), inside,
        root, rel -> rel.endsWith("/" + FormatFiles.SKILL_FILE) || rel.contains("/agents/"));
    if (folder.isEmpty()) {
      return List.of();
    }
    assembly.origins().putPrefix(root, inside);
    assembly.origins().put(Place.of(FormatFiles.SKILLS), inside);
    Packer packer = assembly.packer();
    folder.get().files().forEach((rel, bytes) -> {
      if (packer.pack(root + rel, bytes, Packer.inFolder(dir, rel), inside) && folder.get().executable().contains(rel)) {
        packer.executable(root + rel);
      }
    });
    List<SkillSpec> skills = new ArrayList<>();
    List<String> files = folder.get().files().keySet().stream().map(rel -> root + rel).toList();
    for (String skillFolder : SkillScanner.find(files, FormatFiles.SKILLS, assembly.findings().report())) {
      folders.add(skillFolder);
      SkillReader.read(skillFolder, packer.files().get(skillFolder + "/" + FormatFiles.SKILL_FILE),
          packer.files().get(skillFolder + "/" + FormatFiles.AGENT_FILE), assembly.findings().report())
          .ifPresent(skills::add);
    }
    return skills;
  }

  /** The skill; when its instructions cannot be read it is still checked (with none), but not written. */
  SkillSpec skill(SkillPrism s) {
    String name = s.name();
    String folder = FormatFiles.SKILLS + "/" + name;
    Origins origins = assembly.origins();
    if (!folders.add(folder)) {
      // A second skill of this name: checked in a folder of its own, so that the rules' findings (Duplicate
      // among them) land on this annotation and not on the first one. It is never written.
      int n = 2;
      while (!folders.add(folder + " (" + n + ")")) {
        n++;
      }
      folder = folder + " (" + n + ")";
      assembly.findings().suppress(FindingCode.NAME_MISMATCH, new Place(folder + "/" + FormatFiles.SKILL_FILE, "name"));
    }
    Place file = Place.of(folder + "/" + FormatFiles.SKILL_FILE);
    origins.put(file, s.origin().labeled(s.title()));
    origins.put(file.child("instructions"),
        s.origin(s.isExplicit(Attr.INSTRUCTIONS_FILE) ? Attr.INSTRUCTIONS_FILE : Attr.INSTRUCTIONS));
    for (Attr attr : List.of(Attr.NAME, Attr.DESCRIPTION, Attr.LICENSE, Attr.COMPATIBILITY, Attr.METADATA)) {
      origins.put(file.child(attr.javaName()), s.origin(attr));
    }
    List<String> requires = s.requires();
    for (int i = 0; i < requires.size(); i++) {
      origins.put(file.child("requires").index(i), s.origin(Attr.REQUIRES, i));
    }
    origins.put(file.child("requires"), s.origin(Attr.REQUIRES));

    String instructions = instructions(s, file).orElse("");
    Map<String, String> metadata = new TreeMap<>(assembly.entries(s, Attr.METADATA, s.metadata(),
        file.child("metadata")));
    String shortDescription = s.shortDescription();
    if (!shortDescription.isEmpty()) {
      if (metadata.containsKey("short-description")) {
        assembly.findings().problem(FindingCode.DUPLICATE, s.origin(Attr.SHORT_DESCRIPTION),
                file.child("metadata").child("short-description"))
            .found(Text.quote(shortDescription) + " and metadata short-description too").fix("keep one of them")
            .report();
      }
      metadata.put("short-description", shortDescription);
    }
    return SkillSpec.builder(name)
        .description(s.description())
        .license(s.license())
        .compatibility(s.compatibility())
        .allowedTools(s.allowedTools())
        .metadata(metadata)
        .instructions(instructions)
        .folder(folder)
        .requires(requires)
        .ui(ui(s.ui(), folder))
        .allowImplicitInvocation(s.allowImplicitInvocation())
        .build();
  }

  private SkillUi ui(SkillInterfacePrism u, String folder) {
    Place agent = Place.of(folder + "/" + FormatFiles.AGENT_FILE);
    AGENT_FIELDS.forEach((field, attr) -> assembly.origins().put(new Place(agent.file(), field), u.origin(attr)));
    Packer assets = assembly.packer();
    String to = folder + "/assets";
    return new SkillUi(u.displayName(), u.shortDescription(), u.defaultPrompt(), u.brandColor(),
        assets.asset(u.iconSmall(), u.origin(SkillInterfacePrism.Attr.ICON_SMALL), to,
            new Place(agent.file(), "interface.icon_small")).orElse(""),
        assets.asset(u.iconLarge(), u.origin(SkillInterfacePrism.Attr.ICON_LARGE), to,
            new Place(agent.file(), "interface.icon_large")).orElse(""));
  }

  private Optional<String> instructions(SkillPrism s, Place skillFile) {
    String inline = s.instructions();
    String file = s.instructionsFile();
    if (inline.isBlank() == file.isEmpty()) {
      boolean neither = inline.isBlank();
      Report.Problem problem = assembly.findings().problem(FindingCode.INSTRUCTIONS,
          (neither ? s.origin() : s.origin(Attr.INSTRUCTIONS_FILE)).labeled(s.title()), skillFile);
      (neither ? problem.found("neither") : problem.found("both").fix("remove one of them")).report();
      return Optional.empty();
    }
    if (file.isEmpty()) {
      return Optional.of(inline);
    }
    Origin origin = s.origin(Attr.INSTRUCTIONS_FILE);
    Optional<byte[]> bytes = assembly.packer().read(file, origin, skillFile, Limits.MAX_TEXT_BYTES);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> text = Text.decodeUtf8(bytes.get());
    if (text.isEmpty() || Text.hasBom(bytes.get())) {
      assembly.findings().problem(FindingCode.BAD_ENCODING, origin, skillFile)
          .found(Text.quote(file) + (text.isEmpty() ? ", which has bytes that are not UTF-8"
              : ", which starts with a byte-order mark"))
          .report();
      return Optional.empty();
    }
    return Optional.of(text.get());
  }
}
