package dev.codexplugin.processor;

import dev.codexplugin.runtime.AppSpec;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.ConfigReader;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Place;
import java.util.List;

/** The apps of a plugin: those of {@code @Plugin(appConfig)} and each {@code @App}. */
final class AppMapper {
  private static final Place APPS = Place.of(FormatFiles.APP_FILE).child("apps");

  private final Assembly assembly;

  AppMapper(Assembly assembly) {
    this.assembly = assembly;
  }

  /** The apps of {@code @Plugin(appConfig)}. */
  List<AppSpec> configApps() {
    return assembly.configFile(PluginPrism.Attr.APP_CONFIG, assembly.prism().appConfig(), FormatFiles.APP_FILE,
        ConfigReader::apps, a -> APPS.child(a.key()).field());
  }

  AppSpec app(AppPrism a) {
    Place p = APPS.child(a.key());
    Origins origins = assembly.origins();
    origins.put(p, a.origin().labeled(a.title()));
    origins.put(FindingCode.BAD_KEY, p, a.origin(AppPrism.Attr.KEY));
    origins.put(FindingCode.DUPLICATE, p, a.origin(AppPrism.Attr.KEY));
    origins.put(p.child("id"), a.origin(AppPrism.Attr.ID));
    origins.put(p.child("baseUrl"), a.origin(AppPrism.Attr.BASE_URL));
    return new AppSpec(a.key(), a.id(), a.category(), a.type(), a.baseUrl());
  }
}
