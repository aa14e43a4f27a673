package dev.codexplugin.testing;

import static com.google.common.truth.Truth.assertThat;

import dev.codexplugin.testing.RepositoryServer.Exchange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository server filled by a real {@code mvn deploy} and read back by Maven's own resolver. */
class MavenDeployTest {
  private static final String GROUP_PATH = "com/acme/deploytest/greeting";

  @TempDir Path dir;
  private RepositoryServer repo;
  private Path settings;

  @BeforeEach
  void start() throws IOException {
    repo = RepositoryServer.builder(dir.resolve("repo")).user("deployer", "deploy-secret").start();
    settings = MavenSettings.create().server("team", repo.credentials()).write(dir.resolve("settings.xml"));
  }

  @AfterEach
  void stop() {
    repo.close();
  }

  @Test
  void deployWritesArtifactsChecksumsAndMetadataAndMavenResolvesThemBack() throws Exception {
    Maven maven = Maven.wrapper(Reactor.root(), dir.resolve("publisher-m2")).settings(settings);

    deploy(maven, "1.0.0");
    deploy(maven, "1.1.0");
    deploy(maven, "1.2.0-SNAPSHOT");

    Path root = repo.root();
    Path jar = root.resolve(GROUP_PATH + "/1.1.0/greeting-1.1.0.jar");
    assertThat(Files.isRegularFile(jar)).isTrue();
    assertThat(Files.readString(root.resolve(GROUP_PATH + "/1.1.0/greeting-1.1.0.jar.sha1")).trim())
        .isEqualTo(RepositoryServer.hex("SHA-1", Files.readAllBytes(jar)));
    assertThat(Files.readString(root.resolve(GROUP_PATH + "/1.1.0/greeting-1.1.0.jar.md5")).trim())
        .isEqualTo(RepositoryServer.hex("MD5", Files.readAllBytes(jar)));
    assertThat(Files.isRegularFile(root.resolve(GROUP_PATH + "/1.1.0/greeting-1.1.0.pom.sha1"))).isTrue();

    String metadata = Files.readString(root.resolve(GROUP_PATH + "/maven-metadata.xml"));
    assertThat(metadata).contains("<version>1.0.0</version>");
    assertThat(metadata).contains("<version>1.1.0</version>");
    assertThat(metadata).contains("<release>1.1.0</release>");
    assertThat(metadata).contains("<version>1.2.0-SNAPSHOT</version>");
    assertThat(Files.readString(root.resolve(GROUP_PATH + "/maven-metadata.xml.sha1")).trim())
        .isEqualTo(RepositoryServer.hex("SHA-1", Files.readAllBytes(root.resolve(GROUP_PATH + "/maven-metadata.xml"))));

    // A snapshot is deployed with a timestamp and its own metadata, as a repository manager stores it.
    String snapshotMetadata = Files.readString(root.resolve(GROUP_PATH + "/1.2.0-SNAPSHOT/maven-metadata.xml"));
    assertThat(snapshotMetadata).contains("<buildNumber>1</buildNumber>");
    try (Stream<Path> files = Files.list(root.resolve(GROUP_PATH + "/1.2.0-SNAPSHOT"))) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList())
          .hasSize(1);
    }

    // Every upload was a PUT by the deployer, answered 201.
    List<Exchange> puts = repo.requests().stream().filter(e -> e.method().equals("PUT")).toList();
    assertThat(puts).isNotEmpty();
    assertThat(puts.stream().map(Exchange::status).distinct().toList()).containsExactly(201);
    assertThat(puts.stream().map(Exchange::user).distinct().toList()).containsExactly("deployer");

    // Maven's resolver reads back what was deployed, into a fresh local repository, after the 401 challenge.
    repo.clearRequests();
    Maven reader = Maven.wrapper(Reactor.root(), dir.resolve("reader-m2")).settings(settings);
    for (String version : List.of("1.1.0", "1.2.0-SNAPSHOT")) {
      reader.runOrFail(dir, "org.apache.maven.plugins:maven-dependency-plugin:3.9.0:get",
          "-Dartifact=com.acme.deploytest:greeting:" + version, "-Dtransitive=false",
          "-DremoteRepositories=team::default::" + repo.url());
    }
    assertThat(Files.readAllBytes(dir.resolve("reader-m2/" + GROUP_PATH + "/1.1.0/greeting-1.1.0.jar")))
        .isEqualTo(Files.readAllBytes(jar));
    assertThat(Files.isRegularFile(dir.resolve("reader-m2/" + GROUP_PATH + "/1.2.0-SNAPSHOT/greeting-1.2.0-SNAPSHOT.jar")))
        .isTrue();
    assertThat(repo.requests()).contains(new Exchange("GET", GROUP_PATH + "/1.1.0/greeting-1.1.0.jar", "deployer", 200));
  }

  @Test
  void deployWithWrongCredentialsFailsAndWritesNothing() throws Exception {
    Path wrong = MavenSettings.create().server("team", new Credentials("deployer", "wrong"))
        .write(dir.resolve("wrong-settings.xml"));
    Maven maven = Maven.wrapper(Reactor.root(), dir.resolve("publisher-m2")).settings(wrong);
    Path project = project("1.0.0");

    Maven.Result result = maven.run(project, "deploy", "-DaltDeploymentRepository=team::" + repo.url());

    assertThat(result.exitCode()).isNotEqualTo(0);
    assertThat(result.output()).contains("401");
    try (Stream<Path> files = Files.walk(repo.root())) {
      assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  private void deploy(Maven maven, String version) throws Exception {
    maven.runOrFail(project(version), "deploy", "-DaltDeploymentRepository=team::" + repo.url());
  }

  /** A one-class jar project with the plugin versions the SDK's own build uses (so they are in ~/.m2). */
  private Path project(String version) throws IOException {
    Path project = dir.resolve("greeting-" + version);
    Path source = project.resolve("src/main/java/com/acme/Greeting.java");
    Files.createDirectories(source.getParent());
    Files.writeString(source, "package com.acme;\n\npublic final class Greeting {\n"
        + "  public static String hello() {\n    return \"hello " + version + "\";\n  }\n}\n");
    Files.writeString(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.acme.deploytest</groupId>
          <artifactId>greeting</artifactId>
          <version>%s</version>
          <properties>
            <maven.compiler.release>17</maven.compiler.release>
            <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
            <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
          </properties>
          <build>
            <plugins>
              <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
              <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
              <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.5</version></plugin>
              <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
              <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.4</version></plugin>
              <plugin><artifactId>maven-deploy-plugin</artifactId><version>3.1.4</version></plugin>
            </plugins>
          </build>
        </project>
        """.formatted(version));
    return project;
  }
}
