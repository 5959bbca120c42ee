package dev.eventsourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.persistence.Mapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain layer depends on nothing else of the library: no compiled class of {@code dev.eventsourcing.domain}
 * (Java or Kotlin) names a class of another {@code dev.eventsourcing} package anywhere in its constant pool, which
 * holds every class, field, method and signature it refers to.
 */
class LayeringTest {
  private static final Pattern LIBRARY_CLASS = Pattern.compile("dev/eventsourcing/([a-z0-9_/]+)/[A-Za-z0-9_$]+");

  @Test
  void theDomainPackageReferencesNoOtherPackageOfTheLibrary() throws IOException {
    List<Path> classes = classFiles(Aggregate.class);

    assertThat(classes).extracting(p -> p.getFileName().toString())
        .contains("Aggregate.class", "DecodableTypes.class", "AggregateType.class", "Projector.class");
    assertThat(foreignReferences(classes, "domain")).isEmpty();
  }

  @Test
  void theScanFindsTheReferencesOfALayerThatHasThem() throws IOException {
    assertThat(foreignReferences(classFiles(Mapper.class), "persistence"))
        .anyMatch(reference -> reference.contains("dev/eventsourcing/domain/Aggregate"))
        .anyMatch(reference -> reference.contains("dev/eventsourcing/cipher/"));
  }

  /** The compiled classes of the package of {@code type}, nested and Kotlin file classes included. */
  private static List<Path> classFiles(Class<?> type) throws IOException {
    Path root;
    try {
      root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    Path dir = root.resolve(type.getPackageName().replace('.', '/'));
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
