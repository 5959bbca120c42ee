package dev.eventsourcing.jpa.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entities use JPA 3.1 features only, so EclipseLink 4 and servers of Jakarta EE 10 can map them: their sources
 * compile against the JPA 3.1 API alone (which Maven copies to {@code target/jpa-3.1}), with none of Hibernate.
 */
class JpaEntitiesOnJpa31Test {
  private static final Path ENTITIES = Path.of("src/main/java/dev/eventsourcing/jpa/entity");
  private static final Path JPA_31 = Path.of("target/jpa-3.1/jakarta.persistence-api-3.1.jar");

  @TempDir Path classes;

  @Test
  void theEntitiesCompileAgainstTheJpa31Api() throws IOException {
    List<File> sources = new ArrayList<>();
    try (Stream<Path> files = Files.list(ENTITIES)) {
      files.filter(file -> file.toString().endsWith(".java")).map(Path::toFile).forEach(sources::add);
    }
    assertThat(sources).hasSizeGreaterThanOrEqualTo(8);
    assertThat(JPA_31).exists();
    List<String> classPath = new ArrayList<>(List.of(JPA_31.toString()));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      // es-api and JSpecify, and nothing that has the JPA API or Hibernate in it.
      if (entry.contains("es-api") || entry.contains("jspecify")) {
        classPath.add(entry);
      }
    }

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      boolean compiled = compiler.getTask(diagnostics, files, null,
              List.of("--release", "17", "-proc:none", "-classpath", String.join(File.pathSeparator, classPath),
                  "-d", classes.toString()),
              null, files.getJavaFileObjectsFromFiles(sources))
          .call();
      assertThat(compiled).as("the entities on the JPA 3.1 API:%n%s", diagnostics).isTrue();
    }
  }
}
