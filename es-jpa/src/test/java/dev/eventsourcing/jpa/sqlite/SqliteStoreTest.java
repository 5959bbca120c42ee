package dev.eventsourcing.jpa.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sqlite.SQLiteDataSource;

/** What is particular to SQLite: its DDL, WAL, in-memory databases, writers. */
class SqliteStoreTest {
  @TempDir Path dir;

  private String file() {
    return dir.resolve("store.db").toString();
  }

  private SqliteInfrastructureFactory factory(String dbname) {
    return new SqliteInfrastructureFactory(new Environment("Store", Map.of("SQLITE_DBNAME", dbname)));
  }

  private static StoredEvent event(UUID id, int version) {
    return new StoredEvent(id, version, "topic", new byte[] {(byte) version});
  }

  @ParameterizedTest
  @ValueSource(strings = {"file", ":memory:"})
  void aDuplicateVersionIsARecordConflictAndKeepsNothingOfItsBatch(String kind) {
    try (SqliteInfrastructureFactory factory = factory(kind.equals("file") ? file() : kind)) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      UUID id = UUID.randomUUID();
      UUID other = UUID.randomUUID();
      recorder.insertEvents(List.of(event(id, 1)));

      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(other, 1), event(id, 1))))
          .isInstanceOf(RecordConflictException.class)
          .hasMessageContaining("application Store");
      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(other, 1), event(other, 1))))
          .isInstanceOf(RecordConflictException.class);
      assertThatThrownBy(() -> factory.aggregateRecorder("snapshots").insertEvents(List.of(event(id, 1), event(id, 1))))
          .isInstanceOf(RecordConflictException.class);

      assertThat(recorder.selectEvents(other)).isEmpty();
      assertThat(recorder.maxNotificationId()).isEqualTo(1L);
      assertThat(recorder.insertEvents(List.of(event(other, 1)))).containsExactly(2L);
    }
  }

  @Test
  void aFileDatabaseIsInWalModeAndKeepsItsEvents() throws SQLException {
    UUID id = UUID.randomUUID();
    try (SqliteInfrastructureFactory factory = factory(file())) {
      factory.applicationRecorder().insertEvents(List.of(event(id, 1), event(id, 2)));
    }
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file());
        ResultSet mode = connection.createStatement().executeQuery("PRAGMA journal_mode")) {
      mode.next();
      assertThat(mode.getString(1)).isEqualTo("wal");
    }
    try (SqliteInfrastructureFactory factory = factory(file())) {
      assertThat(factory.applicationRecorder().selectEvents(id)).containsExactly(event(id, 1), event(id, 2));
    }
  }

  @Test
  void eachInMemoryStoreIsItsOwnDatabase() {
    UUID id = UUID.randomUUID();
    try (SqliteInfrastructureFactory first = factory(":memory:");
        SqliteInfrastructureFactory second = factory(":memory:")) {
      ApplicationRecorder recorder = first.applicationRecorder();
      recorder.insertEvents(List.of(event(id, 1)));
      assertThat(second.applicationRecorder().selectEvents(id)).isEmpty();
      assertThat(recorder.selectEvents(id)).containsExactly(event(id, 1));
    }
  }

  @Test
  void writersOfTwoStoresOnOneFileAreSerialisedByTheDatabase() throws Exception {
    try (SqliteInfrastructureFactory first = factory(file()); SqliteInfrastructureFactory second = factory(file())) {
      List<ApplicationRecorder> recorders = List.of(first.applicationRecorder(), second.applicationRecorder());
      ConcurrentLinkedQueue<List<Long>> returned = new ConcurrentLinkedQueue<>();
      ExecutorService threads = Executors.newFixedThreadPool(4);
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        ApplicationRecorder recorder = recorders.get(w % 2);
        writers.add(threads.submit(() -> {
          for (int t = 0; t < 40; t++) {
            UUID id = UUID.randomUUID();
            returned.add(recorder.insertEvents(List.of(event(id, 1), event(id, 2), event(id, 3))));
          }
          return null;
        }));
      }
      for (Future<?> writer : writers) {
        writer.get();
      }
      threads.shutdown();

      List<Long> all = new ArrayList<>();
      for (List<Long> ids : returned) {
        assertThat(ids).containsExactly(ids.get(0), ids.get(0) + 1, ids.get(0) + 2);
        all.addAll(ids);
      }
      all.sort(null);
      List<Long> expected = new ArrayList<>();
      for (long i = 1; i <= 4 * 40 * 3; i++) {
        expected.add(i);
      }
      assertThat(all).isEqualTo(expected);
      assertThat(recorders.get(1).selectNotifications(1, 1000)).hasSize(expected.size());
    }
  }

  @Test
  void theModuleIsFoundByName() {
    Environment environment =
        new Environment("Store", Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", ":memory:"));
    try (InfrastructureFactory factory = InfrastructureFactory.construct(environment)) {
      assertThat(factory).isInstanceOf(SqliteInfrastructureFactory.class);
    }
  }

  @Test
  void aMissingOrBadSettingFailsAtConstructionNamingTheKey() {
    assertThatThrownBy(() -> new SqliteInfrastructureFactory(new Environment("Store", Map.of())))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("SQLITE_DBNAME");
    assertThatThrownBy(() -> new SqliteInfrastructureFactory(
            new Environment("Store", Map.of("SQLITE_DBNAME", ":memory:", "SQLITE_LOCK_TIMEOUT", "soon"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("SQLITE_LOCK_TIMEOUT");
    assertThatThrownBy(() -> new SqliteInfrastructureFactory(
            new Environment("Store", Map.of("SQLITE_DBNAME", ":memory:", "CREATE_TABLE", "maybe"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("CREATE_TABLE");
    assertThatThrownBy(() -> new SqliteInfrastructureFactory(
            new Environment("Bad-Name; DROP TABLE x", Map.of("SQLITE_DBNAME", ":memory:"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Bad-Name; DROP TABLE x");
  }

  @Test
  void withoutCreateTableNoTableIsCreated() {
    Environment environment =
        new Environment("Store", Map.of("SQLITE_DBNAME", file(), "CREATE_TABLE", "false"));
    try (SqliteInfrastructureFactory factory = new SqliteInfrastructureFactory(environment)) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(UUID.randomUUID(), 1))))
          .isInstanceOf(ProgrammingException.class)
          .hasMessageContaining("store_events");
    }
  }

  @Test
  void theEventsOfATransactionAreSentInOneJdbcBatch() {
    SQLiteDataSource database = new SQLiteDataSource();
    database.setUrl("jdbc:sqlite:" + file());
    StatementCounter counter = new StatementCounter(database);
    UUID id = UUID.randomUUID();
    List<StoredEvent> events = new ArrayList<>();
    for (int version = 1; version <= 250; version++) {
      events.add(event(id, version));
    }
    try (SqliteInfrastructureFactory factory =
        new SqliteInfrastructureFactory(new Environment("Store", Map.of()), counter)) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      counter.reset();

      recorder.insertEvents(events);

      assertThat(counter.batchedInserts()).containsExactly(250);
      assertThat(counter.singleInserts()).isZero();
      assertThat(recorder.selectEvents(id)).containsExactlyElementsOf(events);
    }
  }

  @Test
  void theDatabaseIsCheckedWithTheOtherSettingsAndNeededOnlyForTheStoresOwnPool() {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file());
    Environment withoutDatabase = new Environment("Store", Map.of("PERSISTENCE_MODULE", "sqlite"));
    InfrastructureFactory.check(withoutDatabase);
    InfrastructureFactory.construct(withoutDatabase, dataSource).close();
    assertThatThrownBy(() -> InfrastructureFactory.construct(withoutDatabase))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("application Store: SQLITE_DBNAME is not set");

    Environment spaced = new Environment("Store", Map.of("PERSISTENCE_MODULE", "sqlite",
        "STORE_SQLITE_DBNAME", " " + file()));
    assertThatThrownBy(() -> InfrastructureFactory.check(spaced))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("application Store: STORE_SQLITE_DBNAME starts or ends with whitespace");
    assertThatThrownBy(() -> InfrastructureFactory.construct(spaced, dataSource).close())
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("application Store: STORE_SQLITE_DBNAME starts or ends with whitespace");
  }

  @Test
  void aDataSourceGivenInCodeIsUsedAndLeftOpen() throws SQLException {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file());
    UUID id = UUID.randomUUID();
    try (SqliteInfrastructureFactory factory =
        new SqliteInfrastructureFactory(new Environment("Store", Map.of()), dataSource)) {
      factory.applicationRecorder().insertEvents(List.of(event(id, 1)));
    }
    try (Connection connection = dataSource.getConnection();
        ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM store_events")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void anUnknownTransactionTypeIsRefused() {
    Map<String, String> settings = Map.of("SQLITE_DBNAME", file().toString(), "TRANSACTION_TYPE", "XA");
    assertThatThrownBy(() -> new SqliteInfrastructureFactory(new Environment("Store", settings)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("TRANSACTION_TYPE='XA' is not a transaction type: use JTA or RESOURCE_LOCAL");
  }

  @Test
  void anApplicationIsBuiltOnADataSourceWithoutAConstructorOfItsOwn() throws SQLException {
    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + file());
    try (Universe universe =
        Application.builder(Universe.class).setting("PERSISTENCE_MODULE", "sqlite").dataSource(dataSource).build()) {
      universe.createWorld("Earth");
    }
    try (Connection connection = dataSource.getConnection();
        ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM universe_events")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aConflictIsThrownAndNotAlsoLogged() {
    Logger root = Logger.getLogger("");
    List<LogRecord> warnings = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
          warnings.add(record);
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    root.addHandler(capture);
    try (SqliteInfrastructureFactory factory = factory(file())) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      UUID id = UUID.randomUUID();
      recorder.insertEvents(List.of(event(id, 1)));

      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(id, 1))))
          .isInstanceOf(RecordConflictException.class)
          .hasMessageContaining("UNIQUE constraint failed");
    } finally {
      root.removeHandler(capture);
    }
    assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
  }
}
