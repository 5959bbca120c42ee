package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.domain.Topic;
import dev.eventsourcing.domain.Upcaster;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * Stored data written by earlier versions of classes (as raw JSON, exactly as those versions stored it) is read
 * into the current classes through their upcasters.
 */
class VersioningTest {
  /** Version 3 of an account. Its snapshot state is at version 2. */
  @Topic(version = 2)
  static final class Account extends Aggregate<Account.Event> {
    sealed interface Event permits Opened, Deposited {}

    /** v1: {owner}; v2 added currency (EUR for old accounts); v3 renamed owner to holder. */
    @Topic(version = 3)
    record Opened(String holder, String currency) implements Event {
      @Upcaster(from = 1)
      static void addCurrency(ObjectNode state) {
        state.put("currency", "EUR");
      }

      @Upcaster(from = 2)
      static void renameOwner(ObjectNode state) {
        state.set("holder", state.remove("owner"));
      }
    }

    record Deposited(long cents) implements Event {}

    private String holder = "";
    private String currency = "";
    private long balanceCents;

    private Account() {}

    Account(String holder, String currency) {
      trigger(new Opened(holder, currency));
    }

    void deposit(long cents) {
      trigger(new Deposited(cents));
    }

    /** Snapshot state v1 kept the balance in whole units as "balance". */
    @Upcaster(from = 1)
    static void balanceInCents(ObjectNode state) {
      state.put("balanceCents", state.remove("balance").asLong() * 100);
    }

    @Override
    protected void apply(Event event) {
      if (event instanceof Opened opened) {
        holder = opened.holder();
        currency = opened.currency();
      } else if (event instanceof Deposited deposited) {
        balanceCents += deposited.cents();
      } else {
        throw new IllegalArgumentException("unexpected event " + event);
      }
    }
  }

  static final class Bank extends Application {
    Bank(Map<String, String> environment) {
      super(environment);
    }

    @Override
    protected DecodableTypes types() {
      return DecodableTypes.of(Account.class);
    }
  }

  @Topic(version = 2)
  record MissingUpcaster(String value) {}

  @Topic(version = 2)
  record WrongUpcaster(String value) {
    @Upcaster(from = 1)
    static String notVoid(ObjectNode state) {
      return "";
    }
  }

  private static final String OPENED = "dev.eventsourcing.persistence:VersioningTest.Account.Opened";
  private static final String DEPOSITED = "dev.eventsourcing.persistence:VersioningTest.Account.Deposited";
  private static final String ACCOUNT = "dev.eventsourcing.persistence:VersioningTest.Account";

  private static byte[] json(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eventsStoredAtEveryEarlierVersionAreReadIntoTheCurrentClass() {
    try (Bank bank = new Bank(Map.of())) {
      UUID v1 = UUID.randomUUID();
      UUID v2 = UUID.randomUUID();
      bank.recorder().insertEvents(List.of(
          new StoredEvent(v1, 1, OPENED, json(
              "{\"timestamp\":1000000,\"originator_topic\":\"" + ACCOUNT + "\",\"payload\":{\"owner\":\"Ada\"}}")),
          new StoredEvent(v1, 2, DEPOSITED, json("{\"timestamp\":2000000,\"payload\":{\"cents\":250}}")),
          new StoredEvent(v2, 1, OPENED, json("{\"timestamp\":1000000,\"originator_topic\":\"" + ACCOUNT
              + "\",\"class_version\":2,\"payload\":{\"owner\":\"Bob\",\"currency\":\"GBP\"}}"))));

      Account ada = bank.repository().get(v1);
      Account bob = bank.repository().get(v2);

      assertThat(ada.holder).isEqualTo("Ada");
      assertThat(ada.currency).isEqualTo("EUR");
      assertThat(ada.balanceCents).isEqualTo(250);
      assertThat(ada.createdOn()).hasToString("1970-01-01T00:00:01Z");
      assertThat(bob.holder).isEqualTo("Bob");
      assertThat(bob.currency).isEqualTo("GBP");
    }
  }

  @Test
  void newEventsAreStoredWithTheirClassVersion() {
    try (Bank bank = new Bank(Map.of())) {
      Account account = new Account("Cy", "USD");
      account.deposit(5);
      bank.save(account);

      List<Notification> stored = bank.recorder().selectNotifications(1, 10);

      assertThat(new String(stored.get(0).state(), StandardCharsets.UTF_8)).contains("\"class_version\":3");
      assertThat(new String(stored.get(1).state(), StandardCharsets.UTF_8)).doesNotContain("class_version");
      Account loaded = bank.repository().get(account.id());
      assertThat(loaded.holder).isEqualTo("Cy");
    }
  }

  @Test
  void snapshotsStoredAtAnEarlierVersionAreUpcastToo() {
    try (Bank bank = new Bank(Map.of("IS_SNAPSHOTTING_ENABLED", "true"))) {
      Account account = new Account("Di", "EUR");
      account.deposit(100);
      account.deposit(200);
      bank.save(account);
      AggregateRecorder snapshots = snapshotRecorder(bank);
      // What version 1 of Account stored as a snapshot at version 2 (balance in whole units, and wrongly so,
      // to prove the snapshot was used rather than a replay).
      snapshots.insertEvents(List.of(new StoredEvent(account.id(), 2, ACCOUNT, json(
          "{\"timestamp\":2000000,\"created_on\":1000000,"
              + "\"payload\":{\"holder\":\"Di\",\"currency\":\"EUR\",\"balance\":7}}"))));

      Account loaded = bank.repository().get(account.id());

      assertThat(loaded.version()).isEqualTo(3);
      assertThat(loaded.balanceCents).isEqualTo(700 + 200);
      assertThat(loaded.createdOn()).hasToString("1970-01-01T00:00:01Z");
    }
  }

  @Test
  void snapshotsOfTheCurrentVersionAreStoredWithTheirClassVersion() {
    try (Bank bank = new Bank(Map.of("IS_SNAPSHOTTING_ENABLED", "true"))) {
      Account account = new Account("Ed", "EUR");
      account.deposit(100);
      bank.save(account);

      bank.takeSnapshot(account.id());

      StoredEvent snapshot = snapshotRecorder(bank).selectEvents(account.id()).get(0);
      assertThat(new String(snapshot.state(), StandardCharsets.UTF_8))
          .contains("\"class_version\":2")
          .contains("\"balanceCents\":100");
      Account loaded = bank.repository().get(account.id());
      assertThat(loaded.balanceCents).isEqualTo(100);
    }
  }

  @Test
  void dataFromANewerVersionThanTheClassIsRefused() {
    try (Bank bank = new Bank(Map.of())) {
      UUID id = UUID.randomUUID();
      bank.recorder().insertEvents(List.of(new StoredEvent(id, 1, OPENED, json("{\"timestamp\":1,\"originator_topic\":\""
          + ACCOUNT + "\",\"class_version\":4,\"payload\":{\"holder\":\"Fay\",\"currency\":\"EUR\"}}"))));

      assertThatThrownBy(() -> bank.repository().get(id))
          .isInstanceOf(DataException.class)
          .hasMessageContaining(id.toString())
          .hasMessageContaining("version 4");
    }
  }

  @Test
  void aVersionedClassMustDeclareValidUpcastersForEveryEarlierVersion() {
    JacksonTranscoder transcoder = new JacksonTranscoder();
    byte[] v1 = json("{\"timestamp\":1,\"payload\":{\"value\":\"x\"}}");

    assertThatThrownBy(() -> transcoder.decode(v1, MissingUpcaster.class))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining("@Upcaster(from = 1)");
    assertThatThrownBy(() -> transcoder.decode(v1, WrongUpcaster.class))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining("static void method taking one ObjectNode");
  }

  private static AggregateRecorder snapshotRecorder(Bank bank) {
    return Objects.requireNonNull(bank.snapshots()).recorder();
  }
}
