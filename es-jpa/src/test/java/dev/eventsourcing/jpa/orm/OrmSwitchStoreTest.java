package dev.eventsourcing.jpa.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.BankAccount;
import dev.eventsourcing.application.BankAccounts;
import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyConflictException;
import dev.eventsourcing.persistence.DataKeyRecorder;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.ProcessRecorder;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.persistence.Tracking;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One database, two stores: what the jpa store writes, the JDBC store of the same database reads and continues, and
 * the other way round, on PostgreSQL and SQLite: aggregates, snapshots, notification ids, tracking records and data
 * keys.
 */
class OrmSwitchStoreTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}, then {1}, then {0} again")
  @CsvSource({"jpa, postgres", "postgres, jpa", "jpa, sqlite", "sqlite, jpa"})
  void aStoreContinuesWhatTheOtherWrote(String first, String second) {
    Map<String, String> settings = new HashMap<>(
        first.equals("sqlite") || second.equals("sqlite")
            ? OrmDatabases.sqliteFile(dir.resolve("switch.db"))
            : OrmDatabases.postgresSchema());
    settings.put("IS_SNAPSHOTTING_ENABLED", "true");
    settings.put("CIPHER_KEY", AesCipher.createKey(32));

    UUID alice;
    UUID bob;
    try (BankAccounts bank = bank(settings, first)) {
      alice = bank.openAccount("Alice", "alice@example.com");
      bank.creditAccount(alice, new BigDecimal("10.00"));
      bank.takeSnapshot(alice);
      bob = bank.openAccount("Bob", "bob@example.com");
    }

    try (BankAccounts bank = bank(settings, second)) {
      assertThat(bank.snapshots().recorder().selectEvents(alice)).extracting(StoredEvent::originatorVersion)
          .containsExactly(2);
      assertThat(bank.snapshots().latest(alice, null)).isInstanceOf(BankAccount.class);
      assertThat(bank.getBalance(alice)).isEqualByComparingTo("10.00");
      bank.creditAccount(alice, new BigDecimal("5.00"));
      bank.creditAccount(bob, new BigDecimal("1.00"));

      List<Notification> log = bank.recorder().selectNotifications(1, 10);
      assertThat(log).extracting(Notification::id).containsExactly(1L, 2L, 3L, 4L, 5L);
      assertThat(log).extracting(Notification::originatorId).containsExactly(alice, alice, bob, alice, bob);
      assertThat(log).extracting(Notification::originatorVersion).containsExactly(1, 2, 1, 3, 2);
      assertThat(bank.recorder().maxNotificationId()).isEqualTo(5L);
      StoredEvent secondVersion = bank.recorder().selectEvents(alice).get(1);
      assertThatThrownBy(() -> bank.recorder().insertEvents(List.of(secondVersion)))
          .isInstanceOf(RecordConflictException.class);
    }

    try (BankAccounts bank = bank(settings, first)) {
      assertThat(bank.getBalance(alice)).isEqualByComparingTo("15.00");
      assertThat(bank.getBalance(bob)).isEqualByComparingTo("1.00");
      assertThat(bank.getAccount(alice).version()).isEqualTo(3);
      bank.creditAccount(alice, new BigDecimal("1.00"));
      assertThat(bank.recorder().maxNotificationId()).isEqualTo(6L);
    }
  }

  @ParameterizedTest(name = "{0}, then {1}")
  @CsvSource({"jpa, postgres", "postgres, jpa", "jpa, sqlite", "sqlite, jpa"})
  void trackingRecordsAndDataKeysCarryOver(String first, String second) {
    Map<String, String> settings = OrmDatabases.perSubject(
        first.equals("sqlite") || second.equals("sqlite")
            ? OrmDatabases.sqliteFile(dir.resolve("switch.db"))
            : OrmDatabases.postgresSchema());
    UUID subject = UUID.randomUUID();
    UUID erased = UUID.randomUUID();
    DataKey key = new DataKey(subject, "master-1", new byte[] {1, 2, 3});
    StoredEvent event = new StoredEvent(UUID.randomUUID(), 1, "topic", new byte[] {4});

    try (InfrastructureFactory factory = factory(settings, first)) {
      ProcessRecorder recorder = factory.processRecorder();
      recorder.insertEvents(List.of(event), List.of(key), new Tracking("Upstream", 7));
      recorder.dataKeys().orElseThrow().eraseDataKey(erased);
    }

    try (InfrastructureFactory factory = factory(settings, second)) {
      ProcessRecorder recorder = factory.processRecorder();
      DataKeyRecorder keys = recorder.dataKeys().orElseThrow();
      assertThat(recorder.maxTrackingId("Upstream")).isEqualTo(7L);
      assertThat(recorder.hasTrackingId("Upstream", 7)).isTrue();
      assertThatThrownBy(() -> recorder.insertEvents(List.of(), new Tracking("Upstream", 7)))
          .isInstanceOf(RecordConflictException.class);
      assertThat(keys.selectDataKey(subject)).isEqualTo(key);
      assertThat(keys.selectDataKey(erased)).isEqualTo(DataKey.erased(erased));
      assertThatThrownBy(() -> recorder.insertEvents(List.of(), List.of(new DataKey(erased, "master-1", new byte[1])),
          new Tracking("Upstream", 8))).isInstanceOf(DataKeyConflictException.class);
      assertThat(recorder.selectNotifications(1, 10)).extracting(Notification::storedEvent).containsExactly(event);
    }
  }

  private static BankAccounts bank(Map<String, String> settings, String store) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("PERSISTENCE_MODULE", store);
    return new BankAccounts(environment);
  }

  private static InfrastructureFactory factory(Map<String, String> settings, String store) {
    Map<String, String> environment = new HashMap<>(settings);
    environment.put("PERSISTENCE_MODULE", store);
    return InfrastructureFactory.construct(new Environment("Switch", environment));
  }
}
