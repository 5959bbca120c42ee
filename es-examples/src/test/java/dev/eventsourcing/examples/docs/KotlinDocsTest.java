package dev.eventsourcing.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Kotlin code of the docs is compiled code: the build compiles docs/kotlin.md's blocks from the page (made into
 * sources by {@code src/build/KotlinDocsSources.java}, with {@code -Werror}), and each {@code kotlin} block of a page
 * is part of a Kotlin source of this module, which the build compiles and whose tests run.
 */
class KotlinDocsTest {
  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ROOT = MODULE.getParent();

  @Test
  void everyKotlinBlockOfTheDocsIsInACompiledSource() throws IOException {
    String sources = kotlinSources();
    List<String> blocks = new ArrayList<>();
    for (Path page : DocsTest.pages()) {
      blocks.addAll(kotlinBlocks(page));
    }
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(4);
    for (String block : blocks) {
      assertThat(sources).as("a Kotlin source of es-examples containing this block of the docs").contains(block);
    }
  }

  @Test
  void everySectionOfTheKotlinPageWasCompiledFromThePage() throws IOException {
    Path generated = MODULE.resolve("target/generated-test-sources/kotlin-docs/docs/kotlin");
    Path compiled = MODULE.resolve("target/test-classes/docs/kotlin");
    List<String> sections;
    try (Stream<Path> files = Files.list(generated)) {
      sections = files.map(dir -> dir.getFileName().toString()).sorted().toList();
    }
    assertThat(sections).as("the sections of docs/kotlin.md with kotlin blocks").hasSizeGreaterThanOrEqualTo(6);
    for (String section : sections) {
      assertThat(generated.resolve(section).resolve("Page.kt")).content().contains("// kotlin.md, line ");
      try (Stream<Path> classes = Files.list(compiled.resolve(section))) {
        assertThat(classes.filter(file -> file.toString().endsWith(".class")))
            .as("the classes compiled from section " + section + " of docs/kotlin.md").isNotEmpty();
      }
    }
  }

  private static List<String> kotlinBlocks(Path page) throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(page)) {
      if (block == null && line.strip().equals("```kotlin")) {
        block = new StringBuilder();
      } else if (block != null && line.strip().equals("```")) {
        blocks.add(block.toString().strip());
        block = null;
      } else if (block != null) {
        block.append(line.stripTrailing()).append('\n');
      }
    }
    return blocks;
  }

  private static String kotlinSources() throws IOException {
    List<Path> roots = List.of(MODULE.resolve("src/main/kotlin"), MODULE.resolve("src/test/kotlin"));
    StringBuilder all = new StringBuilder();
    for (Path root : roots) {
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".kt")).sorted().toList()) {
          all.append(Files.readAllLines(file).stream().map(String::stripTrailing).collect(Collectors.joining("\n")))
              .append('\n');
        }
      }
    }
    return all.toString();
  }
}
