package dev.eventsourcing.examples.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Markdown page's {@code java} code blocks, turned into one Java program: import lines are gathered, blocks of
 * declarations (classes, records, interfaces, enums) become static members of the program's class, and blocks of
 * statements run in order, sharing their variables, in its {@code main} method (run with assertions enabled, so
 * a page can check what it shows with {@code assert}). So a page reads as a story whose
 * code runs top to bottom.
 */
final class MarkdownPage {
  private static final Pattern FENCE = Pattern.compile("^```\\s*(\\S*)\\s*$");
  private static final Pattern DECLARATION = Pattern.compile(
      "^(@\\w+.*|((public|protected|private|static|final|abstract|sealed|non-sealed)\\s+)*"
          + "(class|record|interface|enum|@interface)\\s.*)");
  private static final Pattern TOP_LEVEL_CLASS =
      Pattern.compile("^((?:public\\s+|final\\s+|abstract\\s+|sealed\\s+|non-sealed\\s+)*)class\\s");

  final Path path;
  final String className;
  final List<String> blocks;

  private MarkdownPage(Path path, String className, List<String> blocks) {
    this.path = path;
    this.className = className;
    this.blocks = blocks;
  }

  static MarkdownPage read(Path path) throws IOException {
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(path)) {
      var fence = FENCE.matcher(line.strip());
      if (block == null && fence.matches() && fence.group(1).equals("java")) {
        block = new StringBuilder();
      } else if (block != null && line.strip().equals("```")) {
        blocks.add(block.toString());
        block = null;
      } else if (block != null) {
        block.append(line).append('\n');
      }
    }
    if (block != null) {
      throw new IllegalStateException(path + " has an unclosed java code block");
    }
    return new MarkdownPage(path, classNameOf(path), blocks);
  }

  /** The program's source: package {@code docs}, a class named after the page. */
  String program() {
    Set<String> imports = new LinkedHashSet<>();
    StringBuilder members = new StringBuilder();
    StringBuilder statements = new StringBuilder();
    for (String block : blocks) {
      StringBuilder code = new StringBuilder();
      for (String line : block.split("\n", -1)) {
        if (line.startsWith("import ")) {
          imports.add(line.strip());
        } else {
          code.append(line).append('\n');
        }
      }
      String body = code.toString().strip();
      if (body.isEmpty()) {
        continue;
      }
      if (DECLARATION.matcher(firstCodeLine(body)).matches()) {
        for (String line : body.split("\n", -1)) {
          var topLevelClass = TOP_LEVEL_CLASS.matcher(line);
          members.append("  ").append(topLevelClass.find() ? topLevelClass.replaceFirst("$1static class ") : line)
              .append('\n');
        }
        members.append('\n');
      } else {
        statements.append(indent(body));
      }
    }
    return "package docs;\n\n" + String.join("\n", imports) + "\n\n"
        + "public class " + className + " {\n" + members
        + "  public static void main(String[] args) throws Exception {\n" + statements + "  }\n}\n";
  }

  private static String indent(String body) {
    StringBuilder indented = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      indented.append("    ").append(line).append('\n');
    }
    return indented.toString();
  }

  private static String firstCodeLine(String body) {
    for (String line : body.split("\n")) {
      String stripped = line.strip();
      if (!stripped.isEmpty() && !stripped.startsWith("//") && !stripped.startsWith("/*")
          && !stripped.startsWith("*")) {
        return stripped;
      }
    }
    return "";
  }

  private static String classNameOf(Path path) {
    String file = path.getFileName().toString().replaceFirst("\\.md$", "");
    StringBuilder name = new StringBuilder();
    for (String part : file.split("[^A-Za-z0-9]+")) {
      if (!part.isEmpty()) {
        name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    String parent = path.getParent() == null ? "" : path.getParent().getFileName().toString();
    return (parent.equals("decisions") ? "Decision" : "") + (Character.isDigit(name.charAt(0)) ? "Page" : "") + name;
  }
}
