package dev.codexplugin.hooks;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A decision without the text its host needs cannot be made: both hosts ignore a deny or block without one. */
class DecisionsTest {
  @Test
  void denyAskBlockAndContextNeedText() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> PreToolUseDecision.deny(" ")))
        .hasMessageThat().isEqualTo("the reason of a PreToolUse deny must not be empty: the host shows it to the"
            + " model and the user");
    assertThrows(IllegalArgumentException.class, () -> PreToolUseDecision.ask(""));
    assertThrows(IllegalArgumentException.class, () -> PreToolUseDecision.deny(null));
    assertThrows(IllegalArgumentException.class, () -> new PreToolUseDecision(PreToolUseDecision.Kind.PROCEED, "x"));
    assertThrows(IllegalArgumentException.class, () -> new PreToolUseDecision(null, "x"));
    assertThrows(IllegalArgumentException.class, () -> PermissionDecision.deny(""));
    assertThrows(IllegalArgumentException.class, () -> BlockOrContextDecision.block(""));
    assertThrows(IllegalArgumentException.class, () -> BlockOrContextDecision.addContext(null));
    assertThrows(IllegalArgumentException.class, () -> ContextDecision.addContext(""));
    assertThrows(IllegalArgumentException.class, () -> StopDecision.block("\n"));
  }

  @Test
  void labelsNameWhatWasDecided() {
    assertThat(PreToolUseDecision.proceed().label()).isEqualTo("proceed");
    assertThat(PreToolUseDecision.allow().label()).isEqualTo("allow");
    assertThat(PreToolUseDecision.deny("no").label()).isEqualTo("deny");
    assertThat(PreToolUseDecision.ask("sure?").label()).isEqualTo("ask");
    assertThat(PermissionDecision.allow().label()).isEqualTo("allow");
    assertThat(BlockOrContextDecision.addContext("c").label()).isEqualTo("context");
    assertThat(ContextDecision.proceed().label()).isEqualTo("proceed");
    assertThat(StopDecision.block("go on").label()).isEqualTo("block");
    assertThat(HookDecision.none().label()).isEqualTo("proceed");
    assertThat(PreToolUseDecision.allow(null).reason()).isEmpty();
  }
}
