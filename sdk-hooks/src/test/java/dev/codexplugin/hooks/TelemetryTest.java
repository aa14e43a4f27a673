package dev.codexplugin.hooks;

import static com.google.common.truth.Truth.assertThat;

import com.acme.policy.PolicyPluginHooks;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Spans of hook runs with the OpenTelemetry SDK's in-memory exporter (the extension registers it as
 * {@code GlobalOpenTelemetry}), and no OpenTelemetry at all when its API is not on the class path.
 */
class TelemetryTest {
  @RegisterExtension
  static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private static final PolicyPluginHooks HOOKS = new PolicyPluginHooks();

  @Test
  void aDecidedRunIsOneSpanWithThePluginEventHandlerToolAndDecision() {
    HookRunner.run(HOOKS, Inputs.codexBump("{\"version\":\"1.4.2\",\"level\":\"MAJOR\"}"), Inputs.CODEX_ENV,
        "PolicyHandlers.checkBump");

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(1);
    SpanData span = spans.get(0);
    assertThat(span.getName()).isEqualTo("hook PreToolUse");
    assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("dev.codexplugin.hooks");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("codexplugin.plugin"))).isEqualTo("policy-plugin");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("codexplugin.hook.event"))).isEqualTo("PreToolUse");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("codexplugin.hook.handler")))
        .isEqualTo("PolicyHandlers.checkBump");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("codexplugin.hook.host"))).isEqualTo("codex");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("codexplugin.hook.outcome"))).isEqualTo("ok");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("codexplugin.hook.decision"))).isEqualTo("deny");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo(Inputs.CODEX_BUMP);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(span.hasEnded()).isTrue();
  }

  @Test
  void aFailedRunIsAnErrorSpanWithTheException() {
    HookRunner.run(HOOKS, Inputs.codexBump("{}"), Inputs.CODEX_ENV, "PolicyHandlers.throwing");

    SpanData span = OTEL.getSpans().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getStatus().getDescription()).isEqualTo("the policy file is missing");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type")))
        .isEqualTo("java.lang.IllegalStateException");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("codexplugin.hook.decision"))).isEqualTo("deny");
    assertThat(span.getEvents().get(0).getName()).isEqualTo("exception");
  }

  @Test
  void aHookProcessLooksForTheApiOnlyWhenAnOtelVariableConfiguresIt() {
    assertThat(HookRunner.configuresTelemetry(Inputs.CODEX_ENV)).isFalse();
    assertThat(HookRunner.configuresTelemetry(java.util.Map.of("OTEL_TRACES_EXPORTER", "otlp"))).isTrue();
    assertThat(HookRunner.configuresTelemetry(java.util.Map.of("OTEL_SERVICE_NAME", "release-tools"))).isTrue();
  }

  @Test
  void withoutTheApiOnTheClassPathThereIsNoTelemetry() throws Exception {
    // a loader that sees the hook classes but not OpenTelemetry (nor the parent's copy of it)
    URL classes = Path.of("target/classes").toUri().toURL();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, ClassLoader.getPlatformClassLoader())) {
      assertThat(Telemetry.detect(loader)).isSameInstanceAs(Telemetry.NONE);
    }
    assertThat(Telemetry.detect(TelemetryTest.class.getClassLoader())).isInstanceOf(OpenTelemetrySpans.class);
  }
}
