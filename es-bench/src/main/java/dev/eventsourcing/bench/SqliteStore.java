package dev.eventsourcing.bench;

import dev.eventsourcing.bench.jdbc.JdbcWorlds;
import dev.eventsourcing.bench.jdbc.SqliteJdbcWorlds;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * SQLite files in a directory of their own: a new file for each measurement, deleted when it is cleared. The
 * library runs the sqlite store, or the jpa store on the same tables ({@link #jpa}).
 */
public final class SqliteStore implements Store {
  private final Path directory;
  private final boolean jpa;
  private int files;

  /** Keeps its files in {@code directory}, which it creates, empties and, when closed, deletes. */
  public SqliteStore(Path directory) {
    this(directory, false);
  }

  /** The jpa store on files in {@code directory}, as {@link #SqliteStore(Path)}. */
  public static SqliteStore jpa(Path directory) {
    return new SqliteStore(directory, true);
  }

  private SqliteStore(Path directory, boolean jpa) {
    this.directory = directory;
    this.jpa = jpa;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("can't create " + directory, e);
    }
    deleteFiles();
  }

  @Override
  public StoreKind kind() {
    return jpa ? StoreKind.JPA_SQLITE : StoreKind.SQLITE;
  }

  @Override
  public String description() {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery("SELECT sqlite_version()")) {
      results.next();
      return (jpa ? "the jpa store (Hibernate " + org.hibernate.Version.getVersionString() + ") on " : "")
          + "SQLite " + results.getString(1) + " (sqlite-jdbc), a file in WAL mode with synchronous=FULL";
    } catch (SQLException e) {
      throw new IllegalStateException("can't ask SQLite for its version", e);
    }
  }

  @Override
  public Worlds library(Features features) {
    Map<String, String> environment = features.libraryEnvironment();
    environment.put(InfrastructureFactory.PERSISTENCE_MODULE, kind().persistenceModule());
    Path file = nextFile("library");
    if (jpa) {
      environment.put("JPA_JDBC_URL", "jdbc:sqlite:" + file);
    } else {
      environment.put("SQLITE_DBNAME", file.toString());
    }
    return new LibraryWorlds(environment);
  }

  @Override
  public Worlds baseline(Features features) {
    return new SqliteJdbcWorlds(JdbcWorlds.Discipline.LIBRARY, nextFile("jdbc"), features.codec(),
        features.snapshots());
  }

  @Override
  public Worlds physicalLimit(Features features) {
    return new SqliteJdbcWorlds(JdbcWorlds.Discipline.LIMIT, nextFile("limit"), features.codec(),
        features.snapshots());
  }

  @Override
  public void close() {
    deleteFiles();
    try {
      Files.deleteIfExists(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("can't delete " + directory, e);
    }
  }

  @Override
  public void clear() {
    deleteFiles();
  }

  private Path nextFile(String owner) {
    return directory.resolve(owner + "-" + ++files + ".db").toAbsolutePath();
  }

  private void deleteFiles() {
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        if (!path.equals(directory)) {
          Files.delete(path);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("can't empty " + directory, e);
    }
  }
}
