import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the {@code kotlin} code blocks of Markdown pages into Kotlin sources, which the build compiles with the
 * module's tests (run in generate-test-sources: {@code java KotlinDocsSources.java <output dir> <page>...}; the
 * output directory is emptied first).
 *
 * <p>Each {@code ##} or {@code ###} section of a page is one file, in a package of its own named after the page and the section
 * ({@code docs.<page>.<section>}, letters and digits of the heading, lower case), so sections may define the
 * same names. Every file imports the library's packages ({@code dev.eventsourcing.application}, {@code domain},
 * {@code system}, {@code testing}), {@code java.util.UUID} and JUnit's and AssertJ's assertions; a comment line
 * {@code <!-- kotlin import some.name -->} in a section adds an import to its file, such as another section's
 * package ({@code docs.kotlin.immutablestateandaggregate.*}). Each block is preceded in its file by a comment
 * naming the page and line it comes from, so a compilation error points back to the page.
 */
public final class KotlinDocsSources {
  private static final Pattern FENCE = Pattern.compile("^```\\s*(\\S*)\\s*$");
  private static final Pattern IMPORT = Pattern.compile("^<!--\\s*kotlin import (\\S+)\\s*-->$");
  private static final List<String> IMPORTS = List.of(
      "dev.eventsourcing.application.*", "dev.eventsourcing.domain.*", "dev.eventsourcing.system.*",
      "dev.eventsourcing.testing.*", "java.util.UUID", "org.assertj.core.api.Assertions.assertThat",
      "org.assertj.core.api.Assertions.assertThatThrownBy", "org.junit.jupiter.api.Test");

  private KotlinDocsSources() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: KotlinDocsSources <output dir> <page>...");
    }
    Path output = Path.of(args[0]);
    // The output is this program's alone: what a renamed section left there must not be compiled.
    if (Files.exists(output)) {
      try (Stream<Path> old = Files.walk(output)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
    for (int i = 1; i < args.length; i++) {
      write(Path.of(args[i]), output);
    }
  }

  /** A section's imports and code, as the page has them. */
  private static final class Section {
    final List<String> imports = new ArrayList<>(IMPORTS);
    final StringBuilder code = new StringBuilder();
  }

  private static void write(Path page, Path output) throws IOException {
    String pageName = slug(page.getFileName().toString().replaceFirst("\\.md$", ""));
    Map<String, Section> sections = new LinkedHashMap<>();
    String current = "top";
    StringBuilder block = null;
    List<String> lines = Files.readAllLines(page);
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      Matcher fence = FENCE.matcher(line.strip());
      if (block != null) {
        if (line.strip().equals("```")) {
          sections.computeIfAbsent(current, s -> new Section()).code.append(block).append('\n');
          block = null;
        } else {
          block.append(line).append('\n');
        }
      } else if (line.startsWith("## ") || line.startsWith("### ")) {
        current = slug(line.substring(line.indexOf(' ') + 1));
      } else if (fence.matches() && fence.group(1).equals("kotlin")) {
        block = new StringBuilder("// " + page.getFileName() + ", line " + (n + 2) + "\n");
      } else {
        Matcher imported = IMPORT.matcher(line.strip());
        if (imported.matches()) {
          sections.computeIfAbsent(current, s -> new Section()).imports.add(imported.group(1));
        }
      }
    }
    if (block != null) {
      throw new IllegalStateException(page + " has an unclosed kotlin code block");
    }
    for (Map.Entry<String, Section> entry : sections.entrySet()) {
      Section section = entry.getValue();
      if (section.code.length() == 0) {
        continue;
      }
      String packageName = "docs." + pageName + "." + entry.getKey();
      StringBuilder source = new StringBuilder("// Generated from ").append(page.getFileName())
          .append(" by KotlinDocsSources: edit the page, not this file.\npackage ").append(packageName).append("\n\n");
      for (String name : section.imports) {
        source.append("import ").append(name).append('\n');
      }
      source.append('\n').append(section.code);
      Path file = output.resolve(packageName.replace('.', '/')).resolve("Page.kt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
    }
  }

  private static String slug(String heading) {
    String slug = heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (slug.isEmpty() || Character.isDigit(slug.charAt(0))) {
      slug = "s" + slug;
    }
    return slug;
  }
}
