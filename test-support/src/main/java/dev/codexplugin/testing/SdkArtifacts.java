package dev.codexplugin.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The SDK's own artifacts as this build made them: the parent POM and every {@code sdk-*} module of the root
 * POM, with the jars in their {@code target/} folders (and an attached {@code -all} jar where there is one, the
 * CLI's). A test deploys them into its repository with {@code maven-deploy-plugin:deploy-file}, so that a
 * project built against {@code 0.1.0-SNAPSHOT} gets this build's SDK and never an install in {@code ~/.m2}.
 */
public final class SdkArtifacts {
  /** The SDK's group id. */
  public static final String GROUP_ID = "dev.codexplugin";

  private final Path root;
  private final String version;
  private final List<Module> modules;

  private SdkArtifacts(Path root, String version, List<Module> modules) {
    this.root = root;
    this.version = version;
    this.modules = List.copyOf(modules);
  }

  /**
   * The artifacts of the SDK at {@code root}.
   *
   * @throws IllegalStateException if a module has not been packaged, naming the jar and the command that makes it
   */
  public static SdkArtifacts ofReactor(Path root) throws IOException {
    Element project = parse(root.resolve("pom.xml")).getDocumentElement();
    String version = child(project, "version").orElseThrow(
        () -> new IllegalStateException(root.resolve("pom.xml") + " declares no <version>"));
    List<Module> modules = new ArrayList<>();
    Element list = firstElement(project, "modules");
    NodeList names = list == null ? null : list.getElementsByTagName("module");
    for (int i = 0; names != null && i < names.getLength(); i++) {
      String name = names.item(i).getTextContent().trim();
      if (!name.startsWith("sdk-")) {
        continue;
      }
      Path target = root.resolve(name).resolve("target");
      Path jar = target.resolve(name + "-" + version + ".jar");
      if (!Files.isRegularFile(jar)) {
        throw new IllegalStateException("the SDK module " + name + " is not packaged: " + jar + " is missing; run"
            + " ./mvnw -B package -DskipTests -pl " + name + " -am first (the tests deploy this build's jars)");
      }
      Path all = target.resolve(name + "-" + version + "-all.jar");
      modules.add(new Module(name, root.resolve(name).resolve("pom.xml"), jar,
          Files.isRegularFile(all) ? Optional.of(all) : Optional.empty()));
    }
    if (modules.isEmpty()) {
      throw new IllegalStateException(root.resolve("pom.xml") + " lists no sdk-* module");
    }
    return new SdkArtifacts(root, version, modules);
  }

  /** The SDK version, such as {@code 0.1.0-SNAPSHOT}. */
  public String version() {
    return version;
  }

  /** The modules, in the order of the root POM. */
  public List<Module> modules() {
    return modules;
  }

  /**
   * Deploys the parent POM and every module, with {@code maven-deploy-plugin:deploy-file} in one Maven run, to
   * {@code url}; {@code maven}'s settings must hold the server {@code repositoryId}.
   *
   * @param workDir a folder for the generated POM that runs the deployments
   */
  public void deploy(Maven maven, String repositoryId, URI url, Path workDir) throws IOException, InterruptedException {
    StringBuilder executions = new StringBuilder();
    executions.append(execution("codexplugin-parent", root.resolve("pom.xml"), root.resolve("pom.xml"), null));
    for (Module module : modules) {
      executions.append(execution(module.artifactId(), module.jar(), module.pom(), module.allJar().orElse(null)));
    }
    String pom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Deploys the SDK's artifacts from this build into a test repository: one deploy-file each. -->
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>dev.codexplugin.testing</groupId>
          <artifactId>sdk-deployment</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <properties>
            <repository.id>%s</repository.id>
            <repository.url>%s</repository.url>
          </properties>
          <build>
            <plugins>
              <plugin>
                <artifactId>maven-deploy-plugin</artifactId>
                <version>3.1.4</version>
                <executions>
        %s        </executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(repositoryId, url, executions);
    Files.createDirectories(workDir);
    Files.writeString(workDir.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
    maven.runOrFail(workDir, "validate");
  }

  private static String execution(String id, Path file, Path pom, Path all) {
    StringBuilder xml = new StringBuilder();
    xml.append("          <execution>\n")
        .append("            <id>").append(id).append("</id>\n")
        .append("            <phase>validate</phase>\n")
        .append("            <goals><goal>deploy-file</goal></goals>\n")
        .append("            <configuration>\n")
        .append("              <file>").append(file.toAbsolutePath()).append("</file>\n")
        .append("              <pomFile>").append(pom.toAbsolutePath()).append("</pomFile>\n")
        .append("              <repositoryId>${repository.id}</repositoryId>\n")
        .append("              <url>${repository.url}</url>\n");
    if (all != null) {
      xml.append("              <files>").append(all.toAbsolutePath()).append("</files>\n")
          .append("              <classifiers>all</classifiers>\n")
          .append("              <types>jar</types>\n");
    }
    return xml.append("            </configuration>\n").append("          </execution>\n").toString();
  }

  /**
   * One SDK module.
   *
   * @param artifactId its artifact id (the folder name)
   * @param pom its {@code pom.xml}
   * @param jar its main jar
   * @param allJar its attached runnable jar with every dependency (classifier {@code all}), if it has one
   */
  public record Module(String artifactId, Path pom, Path jar, Optional<Path> allJar) {}

  private static Document parse(Path file) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static Element firstElement(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  private static Optional<String> child(Element parent, String name) {
    return Optional.ofNullable(firstElement(parent, name)).map(e -> e.getTextContent().trim());
  }
}
