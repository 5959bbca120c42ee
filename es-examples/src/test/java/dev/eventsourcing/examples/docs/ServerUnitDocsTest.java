package dev.eventsourcing.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What docs/persistence-jpa.md says to add to a server's persistence unit is what the example WAR's unit has, which
 * the server tests run on WildFly and Payara 7: every line of the page's {@code persistence.xml} block that
 * configures the unit is in the WAR's {@code META-INF/persistence.xml} (but the data source, which the tests set).
 */
class ServerUnitDocsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @Test
  void thePagesPersistenceUnitLinesAreTheExampleWarsUnit() throws IOException {
    String page = Files.readString(ROOT.resolve("docs/persistence-jpa.md"));
    int section = page.indexOf("## In a server: the deployment's persistence unit");
    assertThat(section).isNotNegative();
    int start = page.indexOf("```xml\n", section) + "```xml\n".length();
    String block = page.substring(start, page.indexOf("```", start));
    List<String> configuring = block.lines().map(String::strip)
        .filter(line -> line.startsWith("<mapping-file>") || line.startsWith("<property "))
        .toList();
    assertThat(configuring).hasSize(3);

    String war = Files.readString(ROOT.resolve("es-examples/src/main/resources/META-INF/persistence.xml"));
    List<String> warLines = war.lines().map(String::strip).toList();
    assertThat(warLines).containsAll(configuring);
    assertThat(block).contains("<persistence-unit name=\"atlas\" transaction-type=\"JTA\">");
    assertThat(warLines).contains("<persistence-unit name=\"atlas\" transaction-type=\"JTA\">");
  }
}
