package dev.codexplugin.processor;

import dev.codexplugin.runtime.HookSpec;
import dev.codexplugin.runtime.format.FormatFiles;
import dev.codexplugin.runtime.format.Place;
import java.util.Optional;

/**
 * The hooks of a plugin: each {@code @Hook}, in declaration order, then each {@code @HookHandler}, in id order,
 * running the plugin's generated launcher.
 */
final class HookMapper {
  private final Assembly assembly;

  HookMapper(Assembly assembly) {
    this.assembly = assembly;
  }

  /** Hook {@code index} of the plugin. */
  HookSpec hook(HookPrism h, int index) {
    String event = h.event().jsonName();
    Place p = Place.of(FormatFiles.HOOKS_FILE).child("hooks").child(event).index(index);
    Origins origins = assembly.origins();
    origins.put(p, h.origin().labeled(h.label() + " " + event));
    origins.put(p.child("matcher"), h.origin(HookPrism.Attr.MATCHER));
    origins.put(p.child("command"), h.origin(HookPrism.Attr.COMMAND));
    origins.put(p.child("timeout"), h.origin(HookPrism.Attr.TIMEOUT_SEC));
    int timeout = h.timeoutSec();
    return new HookSpec(event, h.matcher(), h.command(), timeout == 0 ? Optional.empty() : Optional.of(timeout),
        h.statusMessage());
  }

  /**
   * The entry of Java handler {@code handler}, hook {@code index} of the plugin: its launcher and id as the command
   * ({@link HookCode#command}), the timeout always written.
   */
  HookSpec handler(HookRound.Handler handler, String launcher, int index) {
    HookHandlerPrism h = handler.prism();
    String event = h.event().jsonName();
    Place p = Place.of(FormatFiles.HOOKS_FILE).child("hooks").child(event).index(index);
    Origins origins = assembly.origins();
    origins.put(p, h.origin().labeled(h.title()));
    origins.put(p.child("matcher"), h.origin(HookHandlerPrism.Attr.MATCHER));
    origins.put(p.child("command"), h.origin().labeled(h.title()));
    origins.put(p.child("timeout"), h.origin(HookHandlerPrism.Attr.TIMEOUT_SEC));
    return new HookSpec(event, h.matcher(), HookCode.command(launcher, handler.id()), Optional.of(h.timeoutSec()),
        h.statusMessage());
  }
}
