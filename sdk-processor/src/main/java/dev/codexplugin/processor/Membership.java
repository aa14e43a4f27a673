package dev.codexplugin.processor;

import dev.codexplugin.processor.Declarations.PartDecl;
import dev.codexplugin.processor.Declarations.PluginDecl;
import dev.codexplugin.runtime.FindingCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decides which {@code @Plugin} each part belongs to. With one {@code @Plugin}, everything belongs to it.
 * With several, a part belongs to the {@code @Plugin} on its own element if there is one, else to the
 * {@code @Plugin} of its nearest enclosing package; no such plugin, or two at the same distance, is an error.
 */
final class Membership {
  private Membership() {}

  static Map<PluginDecl, List<PartDecl>> assign(List<PluginDecl> plugins, List<PartDecl> parts,
      Diagnostics diagnostics) {
    Map<PluginDecl, List<PartDecl>> members = new LinkedHashMap<>();
    plugins.forEach(p -> members.put(p, new ArrayList<>()));
    for (PartDecl part : parts) {
      if (plugins.isEmpty()) {
        fail(diagnostics, part, "none in this compilation", "add @Plugin to package-info.java of package \""
            + part.scope() + "\" or of an enclosing package");
        continue;
      }
      if (plugins.size() == 1) {
        members.get(plugins.get(0)).add(part);
        continue;
      }
      List<PluginDecl> own = own(plugins, part.element());
      if (own.size() == 1) {
        members.get(own.get(0)).add(part);
        continue;
      }
      int best = -1;
      List<PluginDecl> nearest = new ArrayList<>();
      for (PluginDecl plugin : plugins) {
        if (encloses(plugin.scope(), part.scope())) {
          int depth = plugin.scope().length();
          if (depth > best) {
            best = depth;
            nearest.clear();
          }
          if (depth == best) {
            nearest.add(plugin);
          }
        }
      }
      if (nearest.size() == 1) {
        members.get(nearest.get(0)).add(part);
      } else if (nearest.isEmpty()) {
        fail(diagnostics, part, "none in package \"" + part.scope() + "\" or an enclosing package (there are "
            + plugins.size() + ": " + names(plugins) + ")", "move it, or add @Plugin to an enclosing"
            + " package-info.java");
      } else {
        fail(diagnostics, part, nearest.size() + " in package \"" + nearest.get(0).scope() + "\" ("
            + names(nearest) + ")", "keep one @Plugin per package, or put the part on the @Plugin's own type");
      }
    }
    return members;
  }

  /**
   * The {@code @Plugin}s on the part's own element, else on its nearest enclosing type that has one (a tool
   * method belongs to the {@code @Plugin} on its class).
   */
  private static List<PluginDecl> own(List<PluginDecl> plugins, javax.lang.model.element.Element element) {
    for (var e = element; e != null && e.getKind() != javax.lang.model.element.ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      var current = e;
      List<PluginDecl> here = plugins.stream().filter(p -> p.element().equals(current)).toList();
      if (!here.isEmpty()) {
        return here;
      }
    }
    return List.of();
  }

  /** Whether package {@code outer} is {@code inner} or encloses it. */
  static boolean encloses(String outer, String inner) {
    return outer.isEmpty() || inner.equals(outer) || inner.startsWith(outer + ".");
  }

  private static String names(List<PluginDecl> plugins) {
    return plugins.stream()
        .map(p -> p.erroneous() ? "the @Plugin on " + p.element() : "\"" + p.name() + "\"")
        .collect(Collectors.joining(", "));
  }

  private static void fail(Diagnostics diagnostics, PartDecl part, String found, String fix) {
    diagnostics.problem(FindingCode.MEMBERSHIP, part.prism().origin().labeled(part.title())).found(found).fix(fix)
        .report();
  }
}
