package dev.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.system.ProcessApplication;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers of es-api point one way: no compiled class of a package (Java or Kotlin) names, anywhere in its
 * constant pool (which holds every class, field, method and signature it refers to), a class of a package of the
 * library that the package may not depend on. The allowed directions:
 *
 * <pre>
 * domain  <-  persistence  <-  cipher, compressor, memory  (implementations of persistence's interfaces)
 *                   ^
 *                   +--------  application  <-  system
 * </pre>
 *
 * <p>That is, {@code domain} depends on nothing else of the library; {@code persistence} on {@code domain} only,
 * finding ciphers, compressors and stores by their topic or as services; the implementations and {@code
 * application} on both; {@code system} on those and {@code application}. A package that is not listed fails the
 * test, so a new package gets its place here.
 */
class LayeringTest {
  private static final Pattern LIBRARY_CLASS = Pattern.compile("dev/eventsourcing/([a-z0-9_/]+)/[A-Za-z0-9_$]+");

  /** What each package of es-api may reference besides itself. */
  private static final Map<String, Set<String>> ALLOWED = Map.of(
      "domain", Set.of(),
      "persistence", Set.of("domain"),
      "cipher", Set.of("domain", "persistence"),
      "compressor", Set.of("domain", "persistence"),
      "memory", Set.of("domain", "persistence"),
      "application", Set.of("domain", "persistence"),
      "system", Set.of("domain", "persistence", "application"));

  @Test
  void theDomainPackageReferencesNoOtherPackageOfTheLibrary() throws IOException {
    List<Path> classes = classFiles(Aggregate.class);

    assertThat(classes).extracting(p -> p.getFileName().toString())
        .contains("Aggregate.class", "DecodableTypes.class", "AggregateType.class", "Projector.class");
    assertThat(foreignReferences(classes, "domain")).isEmpty();
  }

  @Test
  void everyPackageReferencesOnlyTheLayersItMayDependOn() throws IOException {
    Path library = libraryRoot(Aggregate.class);
    Set<String> packages;
    try (Stream<Path> dirs = Files.list(library)) {
      packages = dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(packages).as("the packages of es-api, each with its allowed dependencies here")
        .isEqualTo(new TreeSet<>(ALLOWED.keySet()));

    Map<String, Set<String>> forbidden = new TreeMap<>();
    for (String layer : packages) {
      Set<String> found = new TreeSet<>();
      for (String reference : foreignReferences(classFiles(library.resolve(layer)), layer)) {
        Matcher matcher = LIBRARY_CLASS.matcher(reference.substring(reference.indexOf(": ") + 2));
        if (matcher.matches() && !ALLOWED.get(layer).contains(matcher.group(1))) {
          found.add(reference);
        }
      }
      if (!found.isEmpty()) {
        forbidden.put(layer, found);
      }
    }
    assertThat(forbidden).as("references against the direction of the layers").isEmpty();
  }

  @Test
  void theScanFindsTheReferencesOfALayerThatHasThem() throws IOException {
    assertThat(foreignReferences(classFiles(Mapper.class), "persistence"))
        .anyMatch(reference -> reference.contains("dev/eventsourcing/domain/Aggregate"));
    assertThat(foreignReferences(classFiles(AesCipher.class), "cipher"))
        .anyMatch(reference -> reference.contains("dev/eventsourcing/persistence/Cipher"));
    assertThat(foreignReferences(classFiles(ProcessApplication.class), "system"))
        .anyMatch(reference -> reference.contains("dev/eventsourcing/application/Application"));
  }

  /** The directory of the compiled classes of {@code dev.eventsourcing}, from which {@code type} was loaded. */
  private static Path libraryRoot(Class<?> type) throws IOException {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve("dev/eventsourcing");
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  /** The compiled classes of the package of {@code type}, nested and Kotlin file classes included. */
  private static List<Path> classFiles(Class<?> type) throws IOException {
    return classFiles(libraryRoot(type).resolve(type.getPackageName().substring("dev.eventsourcing.".length())));
  }

  private static List<Path> classFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
  }

  /** "File: reference" for each reference to a class of another package of the library than {@code layer}. */
  private static Set<String> foreignReferences(List<Path> classes, String layer) throws IOException {
    Set<String> found = new TreeSet<>();
    for (Path file : classes) {
      try (InputStream in = Files.newInputStream(file)) {
        for (String constant : utf8Constants(new DataInputStream(in))) {
          Matcher matcher = LIBRARY_CLASS.matcher(constant);
          while (matcher.find()) {
            if (!matcher.group(1).equals(layer)) {
              found.add(file.getFileName() + ": " + matcher.group());
            }
          }
        }
      }
    }
    return found;
  }

  /** The UTF-8 entries of a class file's constant pool (JVMS 4.4). */
  private static List<String> utf8Constants(DataInputStream in) throws IOException {
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    List<String> strings = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> strings.add(in.readUTF());
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    return strings;
  }
}
