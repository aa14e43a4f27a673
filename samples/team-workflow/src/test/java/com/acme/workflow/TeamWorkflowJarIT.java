package com.acme.workflow;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The packaged jar, as a teammate or a host receives it. */
class TeamWorkflowJarIT {
  @Test
  void jarHoldsTheSeedBundle() throws Exception {
    Path jar = Path.of(System.getProperty("sample.jar"));
    assertThat(Files.isRegularFile(jar)).isTrue();
    PluginBundle bundle = SeedBundle.only(PluginLoader.load(jar));
    SeedBundle.assertSeed(bundle);
    assertThat(bundle.location())
        .isEqualTo(jar + "!/META-INF/codex-plugins/team-workflow-plugin/");
  }
}
