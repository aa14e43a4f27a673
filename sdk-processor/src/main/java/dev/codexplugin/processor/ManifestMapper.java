package dev.codexplugin.processor;

import dev.codexplugin.processor.PluginInterfacePrism.Attr;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.PluginAuthor;
import dev.codexplugin.runtime.PluginManifest;
import dev.codexplugin.runtime.PluginUi;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code @Plugin}, its {@code @Author} and {@code @PluginInterface} to the manifest, with the assets it names. */
final class ManifestMapper {
  private static final Place MANIFEST = Place.of(FormatFiles.MANIFEST);
  /** The fields of {@code interface} named after another attribute. */
  private static final Map<String, Attr> RENAMED = Map.of("websiteURL", Attr.WEBSITE_URL,
      "privacyPolicyURL", Attr.PRIVACY_POLICY_URL, "termsOfServiceURL", Attr.TERMS_OF_SERVICE_URL,
      "defaultPrompt", Attr.DEFAULT_PROMPTS);

  private final Assembly assembly;

  ManifestMapper(Assembly assembly) {
    this.assembly = assembly;
  }

  PluginManifest map() {
    PluginPrism p = assembly.prism();
    Origins origins = assembly.origins();
    for (PluginPrism.Attr attr : List.of(PluginPrism.Attr.NAME, PluginPrism.Attr.VERSION,
        PluginPrism.Attr.DESCRIPTION, PluginPrism.Attr.HOMEPAGE, PluginPrism.Attr.REPOSITORY,
        PluginPrism.Attr.LICENSE)) {
      origins.put(MANIFEST.child(attr.javaName()), p.origin(attr));
    }
    String version = version(p);
    AuthorPrism a = p.author();
    Optional<PluginAuthor> author = Optional.empty();
    if (a.isPresent()) {
      author = Optional.of(new PluginAuthor(a.name(), a.email(), a.url()));
      origins.put(MANIFEST.child("author").child("name"), a.origin(AuthorPrism.Attr.NAME));
      origins.put(MANIFEST.child("author").child("url"), a.origin(AuthorPrism.Attr.URL));
    }
    return PluginManifest.builder(p.name())
        .version(version)
        .description(p.description())
        .author(author)
        .homepage(p.homepage())
        .repository(p.repository())
        .license(p.license())
        .keywords(p.keywords())
        .ui(ui(p.ui()))
        .build();
  }

  /** The version written to the manifest: {@code @Plugin(version)}, else the processor option. */
  private String version(PluginPrism p) {
    String version = p.version();
    String option = assembly.optionVersion();
    Origin origin = p.origin(PluginPrism.Attr.VERSION);
    if (!version.isEmpty() && !option.isEmpty() && !version.equals(option)) {
      assembly.findings().problem(FindingCode.VERSION_MISMATCH, origin)
          .found(Text.quote(version) + ", and the project version is " + Text.quote(option)).report();
    }
    if (!version.isEmpty()) {
      return version;
    }
    if (option.isEmpty()) {
      assembly.findings().problem(FindingCode.MISSING, origin, MANIFEST.child("version"))
          .found("neither @Plugin(version) nor -A" + Options.VERSION)
          .fix("set @Plugin(version = \"1.0.0\") or pass -A" + Options.VERSION + "=${project.version} to javac"
              + " (Maven: compilerArgs)")
          .report();
    } else {
      assembly.origins().put(MANIFEST.child("version"), p.origin().labeled("-A" + Options.VERSION
          + " (the version of " + p.title() + ")"));
    }
    return option;
  }

  private PluginUi ui(PluginInterfacePrism u) {
    Origins origins = assembly.origins();
    Packer assets = assembly.packer();
    Place ui = MANIFEST.child("interface");
    for (Attr attr : Attr.values()) {
      origins.put(ui.child(attr.javaName()), u.origin(attr));
    }
    RENAMED.forEach((field, attr) -> origins.put(ui.child(field), u.origin(attr)));
    List<String> prompts = u.defaultPrompts();
    for (int i = 0; i < prompts.size(); i++) {
      origins.put(ui.child("defaultPrompt").index(i), u.origin(Attr.DEFAULT_PROMPTS, i));
    }
    List<String> screenshots = new ArrayList<>();
    List<String> shots = u.screenshots();
    for (int i = 0; i < shots.size(); i++) {
      Place field = ui.child("screenshots").index(i);
      origins.put(field, u.origin(Attr.SCREENSHOTS, i));
      assets.asset(shots.get(i), u.origin(Attr.SCREENSHOTS, i), "assets", field).ifPresent(screenshots::add);
    }
    return PluginUi.builder()
        .displayName(u.displayName())
        .shortDescription(u.shortDescription())
        .longDescription(u.longDescription())
        .developerName(u.developerName())
        .category(u.category())
        .capabilities(u.capabilities())
        .websiteUrl(u.websiteUrl())
        .privacyPolicyUrl(u.privacyPolicyUrl())
        .termsOfServiceUrl(u.termsOfServiceUrl())
        .defaultPrompts(prompts)
        .brandColor(u.brandColor())
        .composerIcon(assets.asset(u.composerIcon(), u.origin(Attr.COMPOSER_ICON), "assets",
            ui.child("composerIcon")).orElse(""))
        .logo(assets.asset(u.logo(), u.origin(Attr.LOGO), "assets", ui.child("logo")).orElse(""))
        .logoDark(assets.asset(u.logoDark(), u.origin(Attr.LOGO_DARK), "assets", ui.child("logoDark")).orElse(""))
        .screenshots(screenshots)
        .build();
  }
}
