package dev.eventsourcing.jpa.drivers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.jpa.TestPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JDBC drivers are optional dependencies of es-jpa: a PostgreSQL user's class path has no SQLite driver, and
 * nothing on their path loads one. Run in a JVM whose class path is this one without sqlite-jdbc.
 */
class DriversAreTheUsersTest {
  @TempDir Path dir;

  @Test
  void aPostgresUserNeedsNoSqliteDriverAndASqliteStoreWithoutItSaysWhatToAdd() throws Exception {
    String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("sqlite-jdbc"))
        .collect(Collectors.joining(File.pathSeparator));
    assertThat(classPath).isNotEqualTo(System.getProperty("java.class.path"));
    Map<String, String> settings = TestPostgres.newSchema();
    Path output = dir.resolve("out.txt");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, PostgresWithoutSqlite.class.getName()))
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(settings);
    builder.environment().put("PERSISTENCE_MODULE", "postgres");

    Process process = builder.start();

    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String printed = Files.readString(output);
    assertThat(process.exitValue()).as(printed).isZero();
    assertThat(printed)
        .contains("application Universe: PERSISTENCE_MODULE=sqlite needs its JDBC driver on the class path:"
            + " add the dependency org.xerial:sqlite-jdbc")
        .endsWith("OK\n");
  }
}
