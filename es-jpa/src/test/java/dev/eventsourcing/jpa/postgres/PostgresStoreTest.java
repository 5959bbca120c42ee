package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.jpa.TestNamingContextFactory;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What is particular to PostgreSQL: the schema, the events table's lock and its timeout, settings, data sources. */
class PostgresStoreTest {
  private final Map<String, String> settings = TestPostgres.newSchema();

  private PostgresInfrastructureFactory factory(Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.putAll(extra);
    return new PostgresInfrastructureFactory(new Environment("Store", environment));
  }

  private static StoredEvent event(UUID id, int version) {
    return new StoredEvent(id, version, "topic", new byte[] {(byte) version});
  }

  @Test
  void theTablesHaveTheDocumentedSchema() throws SQLException {
    try (PostgresInfrastructureFactory factory = factory(Map.of())) {
      factory.processRecorder();
      factory.aggregateRecorder("snapshots");
    }
    List<String> columns = new ArrayList<>();
    try (Connection connection = TestPostgres.dataSource(settings).getConnection();
        Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(
            "SELECT table_name || '.' || column_name || ' ' || data_type FROM information_schema.columns"
                + " WHERE table_schema = '" + settings.get("POSTGRES_SCHEMA") + "'"
                + " ORDER BY table_name, ordinal_position")) {
      while (results.next()) {
        columns.add(results.getString(1));
      }
    }
    assertThat(columns).containsExactly(
        "store_events.originator_id uuid",
        "store_events.originator_version integer",
        "store_events.topic text",
        "store_events.state bytea",
        "store_events.notification_id bigint",
        "store_snapshots.originator_id uuid",
        "store_snapshots.originator_version integer",
        "store_snapshots.topic text",
        "store_snapshots.state bytea",
        "store_tracking.application_name text",
        "store_tracking.notification_id bigint");
  }

  @Test
  void aConflictAtTheEndOfALargeBatchKeepsNothingOfTheTransaction() {
    try (PostgresInfrastructureFactory factory = factory(Map.of())) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      UUID id = UUID.randomUUID();
      recorder.insertEvents(List.of(event(id, 250)));
      List<StoredEvent> events = new ArrayList<>();
      for (int version = 1; version <= 250; version++) {
        events.add(event(id, version));
      }

      assertThatThrownBy(() -> recorder.insertEvents(events))
          .isInstanceOf(RecordConflictException.class)
          .hasMessageContaining("application Store")
          .hasMessageContaining(id.toString());
      assertThat(recorder.selectEvents(id)).containsExactly(event(id, 250));
      assertThat(recorder.maxNotificationId()).isEqualTo(1L);
    }
  }

  @Test
  void aWriterWaitingLongerThanTheLockTimeoutFailsWhileReadersGoOn() throws SQLException {
    try (PostgresInfrastructureFactory factory = factory(Map.of("POSTGRES_LOCK_TIMEOUT", "1"))) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      UUID id = UUID.randomUUID();
      recorder.insertEvents(List.of(event(id, 1)));
      try (Connection other = TestPostgres.dataSource(settings).getConnection()) {
        other.setAutoCommit(false);
        other.createStatement().execute("LOCK TABLE store_events IN EXCLUSIVE MODE");

        assertThat(recorder.selectNotifications(1, 10)).hasSize(1);
        assertThat(recorder.selectEvents(id)).hasSize(1);
        assertThatThrownBy(() -> recorder.insertEvents(List.of(event(id, 2))))
            .isInstanceOf(OperationalException.class)
            .hasMessageContaining("application Store")
            .hasMessageContaining("55P03");
        other.rollback();
      }
      assertThat(recorder.insertEvents(List.of(event(id, 2)))).containsExactly(2L);
    }
  }

  @Test
  void factoriesCreatingTheSameTablesAtOnceAllSucceed() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(4);
    List<Future<?>> constructions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      constructions.add(threads.submit(() -> {
        try (PostgresInfrastructureFactory factory = factory(Map.of())) {
          factory.processRecorder();
        }
        return null;
      }));
    }
    for (Future<?> construction : constructions) {
      construction.get();
    }
    threads.shutdown();
  }

  @Test
  void theSettingsAndABadSettingNeverShowThePassword() {
    String password = "correct horse battery staple";
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("POSTGRES_PASSWORD", password);
    environment.put("STORE_POSTGRES_PORT", "0");

    assertThatThrownBy(() -> new PostgresInfrastructureFactory(new Environment("Store", environment)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Store: STORE_POSTGRES_PORT=0 is out of range")
        .hasMessageNotContaining(password);
    environment.remove("STORE_POSTGRES_PORT");
    Environment valid = new Environment("Store", environment);
    PostgresSettings parsed = PostgresSettings.parse(valid);
    assertThat(parsed.connection(valid).password()).isEqualTo(password);
    assertThat(parsed.toString()).contains(settings.get("POSTGRES_DBNAME")).doesNotContain(password);
    assertThat(parsed.connection(valid).toString()).contains(settings.get("POSTGRES_DBNAME")).doesNotContain(password);
  }

  @Test
  void theModuleIsFoundByName() {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("PERSISTENCE_MODULE", "postgres");
    try (InfrastructureFactory factory = InfrastructureFactory.construct(new Environment("Store", environment))) {
      assertThat(factory).isInstanceOf(PostgresInfrastructureFactory.class);
    }
  }

  @Test
  void aMissingOrBadSettingFailsAtConstructionNamingTheKey() {
    for (String key : List.of("POSTGRES_DBNAME", "POSTGRES_USER")) {
      Map<String, String> without = new HashMap<>(settings);
      without.remove(key);
      assertThatThrownBy(() -> new PostgresInfrastructureFactory(new Environment("Store", without)))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(key);
    }
    for (Map.Entry<String, String> bad : Map.of(
        "POSTGRES_PORT", "five",
        "POSTGRES_POOL_SIZE", "0",
        "POSTGRES_CONNECT_TIMEOUT", "-1",
        "POSTGRES_LOCK_TIMEOUT", "1s",
        "POSTGRES_SCHEMA", "public; DROP TABLE x",
        "CREATE_TABLE", "sometimes").entrySet()) {
      assertThatThrownBy(() -> factory(Map.of(bad.getKey(), bad.getValue())))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining(bad.getKey());
    }
  }

  @Test
  void anUnreachableServerFailsConstructionWithATransientErrorNamingTheApplication() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    assertThatThrownBy(() -> factory(Map.of("POSTGRES_PORT", String.valueOf(closedPort),
            "POSTGRES_CONNECT_TIMEOUT", "1")))
        .isInstanceOf(OperationalException.class)
        .hasMessageContaining("application Store");
  }

  @Test
  void withoutCreateTableNoTableIsCreated() throws SQLException {
    try (Connection connection = TestPostgres.dataSource(settings).getConnection()) {
      connection.createStatement().execute("CREATE SCHEMA " + settings.get("POSTGRES_SCHEMA"));
    }
    try (PostgresInfrastructureFactory factory = factory(Map.of("CREATE_TABLE", "false"))) {
      ApplicationRecorder recorder = factory.applicationRecorder();
      assertThatThrownBy(() -> recorder.insertEvents(List.of(event(UUID.randomUUID(), 1))))
          .isInstanceOf(ProgrammingException.class)
          .hasMessageContaining("42P01");
    }
  }

  @Test
  void theConnectionSettingsAreCheckedWithTheOthersAndNeededOnlyForTheStoresOwnPool() {
    DataSource dataSource = TestPostgres.dataSource(settings);
    Map<String, String> schemaOnly = Map.of("PERSISTENCE_MODULE", "postgres",
        "POSTGRES_SCHEMA", settings.get("POSTGRES_SCHEMA"), "POSTGRES_USER", "eventsourcing");
    Environment withoutDatabase = new Environment("Store", schemaOnly);
    InfrastructureFactory.check(withoutDatabase);
    InfrastructureFactory.construct(withoutDatabase, dataSource).close();
    assertThatThrownBy(() -> InfrastructureFactory.construct(withoutDatabase))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("application Store: POSTGRES_DBNAME is not set, and is needed for connecting");

    Map<String, String> spacedSettings = new HashMap<>(schemaOnly);
    spacedSettings.put("STORE_POSTGRES_DBNAME", "orders ");
    Environment spaced = new Environment("Store", spacedSettings);
    List<ThrowingCallable> uses = List.of(() -> InfrastructureFactory.check(spaced),
        () -> InfrastructureFactory.construct(spaced).close(),
        () -> InfrastructureFactory.construct(spaced, dataSource).close());
    for (ThrowingCallable use : uses) {
      assertThatThrownBy(use)
          .isInstanceOf(ConfigurationException.class)
          .hasMessage("application Store: STORE_POSTGRES_DBNAME starts or ends with whitespace");
    }
  }

  @Test
  void aDataSourceGivenInCodeIsUsedAndLeftOpen() throws SQLException {
    DataSource dataSource = TestPostgres.dataSource(settings);
    Map<String, String> schemaOnly = Map.of("POSTGRES_SCHEMA", settings.get("POSTGRES_SCHEMA"));
    UUID id = UUID.randomUUID();
    try (PostgresInfrastructureFactory factory =
        new PostgresInfrastructureFactory(new Environment("Store", schemaOnly), dataSource)) {
      factory.applicationRecorder().insertEvents(List.of(event(id, 1)));
    }
    try (Connection connection = dataSource.getConnection();
        ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM store_events")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void anApplicationIsBuiltOnADataSourceWithoutAConstructorOfItsOwn() throws SQLException {
    DataSource dataSource = TestPostgres.dataSource(settings);
    try (Universe universe = Application.builder(Universe.class)
        .setting("PERSISTENCE_MODULE", "postgres")
        .setting("POSTGRES_SCHEMA", settings.get("POSTGRES_SCHEMA"))
        .dataSource(dataSource)
        .build()) {
      universe.createWorld("Earth");
    }
    try (Connection connection = dataSource.getConnection();
        ResultSet count = connection.createStatement().executeQuery("SELECT count(*) FROM universe_events")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void aDataSourceIsLookedUpByItsJndiName() {
    String property = "java.naming.factory.initial";
    String previous = System.getProperty(property);
    System.setProperty(property, TestNamingContextFactory.class.getName());
    TestNamingContextFactory.BOUND.put("java:comp/env/jdbc/events", TestPostgres.dataSource(settings));
    try {
      Map<String, String> environment = Map.of(
          "DATASOURCE_JNDI_NAME", "java:comp/env/jdbc/events",
          "POSTGRES_SCHEMA", settings.get("POSTGRES_SCHEMA"));
      UUID id = UUID.randomUUID();
      try (PostgresInfrastructureFactory factory =
          new PostgresInfrastructureFactory(new Environment("Store", environment))) {
        assertThat(factory.applicationRecorder().insertEvents(List.of(event(id, 1)))).hasSize(1);
      }

      assertThatThrownBy(() -> new PostgresInfrastructureFactory(
              new Environment("Store", Map.of("DATASOURCE_JNDI_NAME", "java:comp/env/jdbc/missing"))))
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("DATASOURCE_JNDI_NAME")
          .hasMessageContaining("java:comp/env/jdbc/missing");
    } finally {
      TestNamingContextFactory.BOUND.clear();
      if (previous == null) {
        System.clearProperty(property);
      } else {
        System.setProperty(property, previous);
      }
    }
  }
}
