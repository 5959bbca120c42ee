package dev.eventsourcing.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The API of a module, checked against the baseline committed with it: every public type of the module's API
 * packages, with its public and protected constructors, methods and fields, one line each, sorted. A change to the
 * API fails the build until the baseline is updated with it, so every change to the API is seen in review:
 * {@code mvn -pl <module> -am test -Dtest=<the module's test> -Dsurefire.failIfNoSpecifiedTests=false
 * -Dapi.baseline.update=true} rewrites the file, and the diff goes in the commit (with a line in CHANGELOG.md).
 *
 * <p>Every package of the module is either API or internal: a new package fails the test until it is given its
 * place. A module's test is a subclass naming its packages and its baseline file.
 */
public abstract class ApiBaselineTestCase {
  private static final String UPDATE = "api.baseline.update";

  /** A class of the module, to find its compiled classes. */
  protected abstract Class<?> moduleClass();

  /** The packages whose public types are the module's API. */
  protected abstract Set<String> apiPackages();

  /** The module's other packages, which users do not use. */
  protected Set<String> internalPackages() {
    return Set.of();
  }

  /** The committed baseline, relative to the module's directory. */
  protected Path baseline() {
    return Path.of("api-baseline.txt");
  }

  @Test
  void everyPackageIsApiOrInternal() throws IOException {
    Set<String> declared = new TreeSet<>(apiPackages());
    declared.addAll(internalPackages());
    assertThat(packages()).as("the module's packages, each declared API or internal").isEqualTo(declared);
  }

  @Test
  void theApiIsTheBaseline() throws IOException {
    List<String> api = api();
    Path file = baseline();
    if (Boolean.getBoolean(UPDATE)) {
      Files.write(file, api, StandardCharsets.UTF_8);
    }
    List<String> committed = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    List<String> added = new ArrayList<>(api);
    added.removeAll(committed);
    List<String> removed = new ArrayList<>(committed);
    removed.removeAll(api);
    assertThat(added.isEmpty() && removed.isEmpty())
        .as("the API differs from %s: added %s, removed %s; if that is meant, run the test with -D%s=true and"
            + " commit the file", file.toAbsolutePath(), added, removed, UPDATE)
        .isTrue();
  }

  @Test
  void theApiListsTheMembersOfEachType() throws IOException {
    assertThat(api()).isNotEmpty().allMatch(line -> apiPackages().stream()
        .anyMatch(p -> line.contains(" " + p + ".") || line.contains("(" + p + ".")));
    assertThat(lines(ApiBaselineTestCase.class)).contains(
        "public abstract class dev.eventsourcing.api.ApiBaselineTestCase",
        "  protected abstract java.util.Set<java.lang.String> dev.eventsourcing.api.ApiBaselineTestCase.apiPackages()")
        .noneMatch(line -> line.contains("UPDATE") || line.contains("lines("));
  }

  /** The API, as the baseline holds it. */
  private List<String> api() throws IOException {
    List<String> api = new ArrayList<>();
    for (String name : classNames()) {
      Class<?> type;
      try {
        type = Class.forName(name, false, moduleClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IOException(e);
      }
      if (isVisible(type)) {
        api.addAll(lines(type));
      }
    }
    return api;
  }

  /** A type's line, then its members' lines, sorted. */
  private static List<String> lines(Class<?> type) {
    Set<String> members = new TreeSet<>();
    for (Constructor<?> constructor : type.getDeclaredConstructors()) {
      if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()) {
        members.add("  " + constructor.toGenericString());
      }
    }
    for (Method method : type.getDeclaredMethods()) {
      if (isVisible(method.getModifiers()) && !method.isSynthetic() && !method.isBridge()) {
        members.add("  " + method.toGenericString());
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
        members.add("  " + field.toGenericString());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(declaration(type));
    lines.addAll(members);
    return lines;
  }

  private static String declaration(Class<?> type) {
    StringBuilder line = new StringBuilder(type.toGenericString());
    if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
        && !type.isRecord()) {
      line.append(" extends ").append(type.getGenericSuperclass().getTypeName());
    }
    String interfaces = Arrays.stream(type.getGenericInterfaces()).map(t -> t.getTypeName())
        .collect(Collectors.joining(", "));
    if (!interfaces.isEmpty()) {
      line.append(type.isInterface() ? " extends " : " implements ").append(interfaces);
    }
    return line.toString();
  }

  /** Public, and nested only in public types: a user can name it. */
  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isLocalClass() || t.isSynthetic()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isVisible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  /** The classes of the API packages, sorted by name. */
  private List<String> classNames() throws IOException {
    Path root = root();
    List<String> names = new ArrayList<>();
    for (String packageName : new TreeSet<>(apiPackages())) {
      Path dir = root.resolve(packageName.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        files.map(p -> p.getFileName().toString())
            .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
            .map(f -> packageName + "." + f.substring(0, f.length() - ".class".length()))
            .sorted()
            .forEach(names::add);
      }
    }
    return names;
  }

  /** The packages that hold classes in the module's compiled classes. */
  private Set<String> packages() throws IOException {
    Path root = root();
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().equals("module-info.class"))
          .map(p -> root.relativize(p.getParent()).toString().replace('/', '.'))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private Path root() throws IOException {
    try {
      return Path.of(moduleClass().getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }
}
