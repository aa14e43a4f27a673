package com.acme.workflow;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.runtime.PluginBundle;
import dev.codexplugin.runtime.PluginLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bundle the processor wrote for this project, read back the two ways a host can before packaging. */
class TeamWorkflowTest {
  @Test
  void classPathHoldsTheSeedBundle() throws Exception {
    List<PluginBundle> bundles = PluginLoader.load(TeamWorkflowTest.class.getClassLoader()).stream()
        .filter(b -> b.name().equals("team-workflow-plugin"))
        .toList();
    SeedBundle.assertSeed(SeedBundle.only(bundles));
  }

  @Test
  void classesFolderHoldsTheSeedBundle() throws Exception {
    Path classes = Path.of(TeamWorkflowTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolveSibling("classes");
    PluginBundle bundle = SeedBundle.only(PluginLoader.load(classes));
    SeedBundle.assertSeed(bundle);
    assertThat(bundle.location()).endsWith("META-INF/codex-plugins/team-workflow-plugin");
  }
}
