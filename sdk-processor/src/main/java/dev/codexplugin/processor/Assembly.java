package dev.codexplugin.processor;

import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import dev.codexplugin.runtime.format.Limits;
import dev.codexplugin.runtime.format.Place;
import dev.codexplugin.runtime.format.Report;
import dev.codexplugin.runtime.format.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the mappers of one {@code @Plugin} share: the plugin, the {@link Findings} with their origins, and the
 * {@link Packer} of the files it packages; plus the two pieces several part kinds need, {@code key=value}
 * entries and existing config files.
 */
final class Assembly {
  /** Reads the parts of an existing config file, as {@code ConfigReader} does. */
  @FunctionalInterface
  interface ConfigRead<T> {
    List<T> read(byte[] bytes, String file, Report report);
  }

  private final PluginDecl plugin;
  private final String optionVersion;
  private final Findings findings;
  private final Packer packer;

  Assembly(PluginDecl plugin, String optionVersion, Findings findings, Packer packer) {
    this.plugin = plugin;
    this.optionVersion = optionVersion;
    this.findings = findings;
    this.packer = packer;
  }

  PluginPrism prism() {
    return plugin.prism();
  }

  /** The version the processor option gives, or empty. */
  String optionVersion() {
    return optionVersion;
  }

  Findings findings() {
    return findings;
  }

  Origins origins() {
    return findings.origins();
  }

  Packer packer() {
    return packer;
  }

  /**
   * The {@code key=value} entries of array attribute {@code attribute}, each malformed or repeated one reported
   * on its own value, each entry's field ({@code field.key}) mapped to it.
   */
  <A extends Enum<A> & Prism.Attribute> Map<String, String> entries(Prism<A> prism, A attribute, List<String> values,
      Place field) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < values.size(); i++) {
      String entry = values.get(i);
      int eq = entry.indexOf('=');
      Origin origin = prism.origin(attribute, i);
      if (eq <= 0 || entry.substring(0, eq).isBlank()) {
        findings.problem(FindingCode.BAD_ENTRY, origin, field).value(entry).report();
        continue;
      }
      String key = entry.substring(0, eq).trim();
      if (out.containsKey(key)) {
        findings.problem(FindingCode.DUPLICATE, origin, field).found("the key " + Text.quote(key) + " twice")
            .fix("keep one entry for it").report();
        continue;
      }
      out.put(key, entry.substring(eq + 1));
      origins().put(field.child(key), origin.labeled(origin.label() + " " + key));
    }
    return out;
  }

  /**
   * The parts of the existing file that {@code @Plugin} attribute {@code attribute} names ({@code value}), read
   * as bundle file {@code file}: every finding inside it is reported on the attribute, with the file's field in
   * the message. A file that is missing, or has an error, leaves the plugin's parts incomplete.
   */
  <T> List<T> configFile(PluginPrism.Attr attribute, String value, String file, ConfigRead<T> read,
      Function<T, String> field) {
    if (value.isEmpty()) {
      return List.of();
    }
    Origin origin = prism().origin(attribute);
    Optional<byte[]> bytes = packer.read(value, origin, Place.of(file), Limits.MAX_TEXT_BYTES);
    if (bytes.isEmpty()) {
      findings.configIncomplete();
      return List.of();
    }
    Origin inside = origin.labeled(origin.label() + " " + Text.quote(value)).forFiles(file);
    origins().put(Place.of(file), inside);
    Report report = findings.report();
    int errors = report.errors().size();
    List<T> parts = read.read(bytes.get(), file, report);
    if (report.errors().size() > errors) {
      findings.configIncomplete();
    }
    parts.forEach(part -> origins().put(new Place(file, field.apply(part)), inside));
    return parts;
  }
}
