package dev.codexplugin.hooks;

import java.util.List;

/**
 * A plugin's hook handlers, as its generated launcher {@code <PluginName>Hooks} implements it: a list of the
 * methods and a {@code switch} that calls one directly, binding its inputs (no reflection). The launcher's
 * {@code main} hands itself to {@link HookRunner#main}.
 *
 * <pre>{@code
 * public HookDecision call(int index, HookInput input) throws Exception {
 *   switch (index) {
 *     case 0: {
 *       PreToolUse event = (PreToolUse) input;
 *       JsonObject arguments = event.toolInput();
 *       return new ReleasePolicy().checkBump(event, new ReleasePolicy.BumpArguments(
 *           arguments.string("version"), arguments.enumValue("level", BumpLevel.class)));
 *     }
 *     case 1:
 *       return ReleasePolicy.ticketContext((UserPromptSubmit) input);
 *     default:
 *       throw new IllegalArgumentException("no hook handler " + index);
 *   }
 * }
 * }</pre>
 */
public interface HookDispatcher {
  /** The plugin's name, for the log line. */
  String plugin();

  /** Every handler, in a stable order; {@link HookMethod#index()} is the position. */
  List<HookMethod> methods();

  /**
   * Calls handler {@code index} with {@code input}, whose type is that of the handler's event. A {@code void}
   * handler returns {@link HookDecision#none()}.
   *
   * @throws Exception whatever the handler throws, or a {@link HookInputException} when the tool's input does not
   *     bind to the handler's record
   */
  HookDecision call(int index, HookInput input) throws Exception;
}
