package dev.eventsourcing.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles and runs the Java code of the README and of every page under {@code docs/}, each page as one program
 * (see {@link MarkdownPage}) in its own JVM, so documented code can't rot.
 */
class DocsTest {
  private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

  @TempDir Path work;

  static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @Test
  void theReadmeAndTheDocsHaveCodeToRun() throws IOException {
    assertThat(MarkdownPage.read(ROOT.resolve("README.md")).blocks).isNotEmpty();
    long pagesWithCode = 0;
    for (Path page : pages()) {
      if (!MarkdownPage.read(page).blocks.isEmpty()) {
        pagesWithCode++;
      }
    }
    assertThat(pagesWithCode).isGreaterThanOrEqualTo(5);
  }

  @TestFactory
  Stream<DynamicTest> everyPagesCodeCompilesAndRuns() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path path : pages()) {
      MarkdownPage page = MarkdownPage.read(path);
      if (!page.blocks.isEmpty()) {
        tests.add(DynamicTest.dynamicTest(ROOT.relativize(path).toString(), () -> compileAndRun(page)));
      }
    }
    return tests.stream();
  }

  private void compileAndRun(MarkdownPage page) throws Exception {
    Path dir = Files.createDirectories(work.resolve(page.className));
    Path source = Files.createDirectories(dir.resolve("src/docs")).resolve(page.className + ".java");
    Files.writeString(source, page.program());
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classPath = System.getProperty("java.class.path");

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled = compiler.getTask(diagnostics, null, null,
            List.of("--release", "17", "-proc:none", "-classpath", classPath, "-d", classes.toString()),
            null, compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source))
        .call();
    assertThat(compiled)
        .as("%s does not compile:%n%s%nGenerated program:%n%s", page.path, diagnostics, numbered(page.program()))
        .isTrue();

    Path output = dir.resolve("output.txt");
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-ea",
        "-cp", classes + File.pathSeparator + classPath, "docs." + page.className)
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().putAll(environmentFor(page));
    Process process = builder.start();
    boolean finished = process.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      process.destroyForcibly();
    }
    assertThat(finished && process.exitValue() == 0)
        .as("%s failed:%n%s%nGenerated program:%n%s", page.path, Files.readString(output), numbered(page.program()))
        .isTrue();
  }

  /** What a page's programs find in the process environment: nothing inherited that could change its store. */
  private static Map<String, String> environmentFor(MarkdownPage page) {
    Map<String, String> environment = new HashMap<>();
    environment.put("PERSISTENCE_MODULE", "memory");
    return environment;
  }

  private static String numbered(String program) {
    StringBuilder numbered = new StringBuilder();
    String[] lines = program.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      numbered.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return numbered.toString();
  }
}
