package dev.eventsourcing.application;

import static dev.eventsourcing.persistence.InfrastructureFactory.CIPHER_KEY;
import static dev.eventsourcing.persistence.InfrastructureFactory.CIPHER_TOPIC;
import static dev.eventsourcing.persistence.InfrastructureFactory.COMPRESSOR_TOPIC;
import static dev.eventsourcing.persistence.InfrastructureFactory.IS_SNAPSHOTTING_ENABLED;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Projector;
import dev.eventsourcing.persistence.Concurrently;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.SnapshotStore;
import dev.eventsourcing.persistence.StoredEvent;
import dev.eventsourcing.system.NotificationLogReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of an {@link Application} on a store: saving and getting aggregates, optimistic concurrency, the
 * notification log, snapshots, encryption and compression, and many threads, after the Python library's
 * application tests. A store's test is a subclass that gives the settings selecting the store.
 *
 * <p>Every application a test constructs is a {@link BankAccounts}, named {@code BankAccounts}, with a {@link
 * BankAccount} aggregate.
 */
public abstract class ApplicationTestCase {
  /** The number of threads of the concurrency tests. */
  protected static final int THREADS = 8;

  private final List<Application> applications = new ArrayList<>();
  private @Nullable Map<String, String> settings;

  /**
   * The settings that select and configure the store under test. Called once in each test, when it constructs its
   * first application (so after every {@code @BeforeEach}); all the test's applications are constructed with these
   * settings, plus those the test adds. They must give an empty store.
   */
  protected abstract Map<String, String> environment();

  /**
   * Whether two application objects constructed with the same settings share their stored events: true for a
   * database, false for the in-memory store, where each application object has a store of its own.
   */
  protected abstract boolean isStoreSharedBetweenApplications();

  /**
   * Called after each test once its applications are closed (a subclass's own {@code @AfterEach} methods run
   * before that): for a store that outlives its applications, delete what the test stored.
   */
  protected void cleanUp() {}

  /**
   * The settings that turn on encryption in the test of encrypted state, added to {@link #environment()}: {@link
   * AesCipher} with a new key, unless overridden (by a subclass whose environment configures a cipher already).
   */
  protected Map<String, String> encryption() {
    return Map.of(CIPHER_TOPIC, "dev.eventsourcing.cipher:AesCipher", CIPHER_KEY, AesCipher.createKey(32));
  }

  /** How many times each thread of a concurrency test saves. A subclass for a slow store may lower it. */
  protected int writesPerThread() {
    return 20;
  }

  @AfterEach
  final void closeApplications() {
    try {
      applications.forEach(Application::close);
      applications.clear();
    } finally {
      settings = null;
      cleanUp();
    }
  }

  @Test
  void savesAndGetsAnAggregate() {
    BankAccounts app = bankAccounts(Map.of());
    BankAccount account = new BankAccount("Alice", "alice@example.com");
    account.appendTransaction(new BigDecimal("10.00"));

    assertThat(app.save(account)).containsExactly(1L, 2L);
    assertThat(account.pendingEvents()).isEmpty();

    BankAccount copy = app.repository().get(account.id());
    assertThat(copy).usingRecursiveComparison().isEqualTo(account);
    assertThat(copy.version()).isEqualTo(2);
    assertThat(copy.balance()).isEqualTo(new BigDecimal("10.00"));
    assertThat(app.repository().get(account.id(), BankAccount.class)).usingRecursiveComparison().isEqualTo(account);

    copy.appendTransaction(new BigDecimal("2.50"));
    assertThat(app.save(copy)).containsExactly(3L);
    assertThat(app.getBalance(account.id())).isEqualTo(new BigDecimal("12.50"));
  }

  @Test
  void getsAnAggregateAtAVersion() {
    BankAccounts app = bankAccounts(Map.of());
    BankAccount account = accountWithTransactions(app, "10", "25", "30");

    BankAccount first = app.repository().get(account.id(), 1);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.balance()).isEqualByComparingTo("0");
    assertThat(first.modifiedOn()).isEqualTo(account.createdOn());
    assertThat(app.repository().get(account.id(), 2, BankAccount.class).balance()).isEqualByComparingTo("10");
    assertThat(app.repository().get(account.id(), 3, BankAccount.class).balance()).isEqualByComparingTo("35");
    assertThat(app.repository().get(account.id(), 4, BankAccount.class)).usingRecursiveComparison().isEqualTo(account);
  }

  @Test
  void containsOnlyWhatWasSaved() {
    BankAccounts app = bankAccounts(Map.of());
    BankAccount account = new BankAccount("Alice", "alice@example.com");

    assertThat(app.repository().contains(account.id())).isFalse();
    app.save(account);

    assertThat(app.repository().contains(account.id())).isTrue();
    assertThat(app.repository().contains(UUID.randomUUID())).isFalse();
  }

  @Test
  void aMissingAggregateIsNotFoundByItsId() {
    BankAccounts app = bankAccounts(Map.of());
    app.openAccount("Alice", "alice@example.com");
    UUID missing = UUID.randomUUID();

    assertThatThrownBy(() -> app.repository().get(missing))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> app.repository().get(missing, 1))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessageContaining(missing.toString());
    assertThatThrownBy(() -> app.getAccount(missing))
        .isInstanceOf(AggregateNotFoundException.class)
        .hasMessageContaining(missing.toString());
  }

  @Test
  void savingAStaleCopyConflictsAndWritesNothing() {
    BankAccounts app = bankAccounts(Map.of());
    UUID id = app.openAccount("Alice", "alice@example.com");
    BankAccount copy1 = app.getAccount(id);
    BankAccount copy2 = app.getAccount(id);
    copy1.appendTransaction(new BigDecimal("10"));
    app.save(copy1);
    copy2.appendTransaction(new BigDecimal("99"));

    assertThatThrownBy(() -> app.save(copy2)).isInstanceOf(RecordConflictException.class);

    assertThat(app.getAccount(id)).usingRecursiveComparison().isEqualTo(copy1);
    assertThat(app.log().section("1,10").items()).hasSize(2);
    assertThat(copy2.pendingEvents()).hasSize(1);
  }

  @Test
  void savingSeveralAggregatesIsAtomic() {
    BankAccounts app = bankAccounts(Map.of());
    UUID id = app.openAccount("Alice", "alice@example.com");
    BankAccount stale = app.getAccount(id);
    app.creditAccount(id, new BigDecimal("5"));
    stale.appendTransaction(new BigDecimal("7"));
    BankAccount fresh = new BankAccount("Bob", "bob@example.com");
    fresh.appendTransaction(new BigDecimal("3"));

    assertThatThrownBy(() -> app.save(fresh, stale)).isInstanceOf(RecordConflictException.class);

    assertThat(app.repository().contains(fresh.id())).isFalse();
    assertThat(app.log().section("1,10").items()).hasSize(2);
    assertThat(fresh.pendingEvents()).hasSize(2);
    app.save(fresh);
    assertThat(app.getAccount(fresh.id())).usingRecursiveComparison().isEqualTo(fresh);
    assertThat(app.getBalance(id)).isEqualByComparingTo("5");
  }

  @Test
  void presentsEveryEventInSectionsOfTheNotificationLog() {
    BankAccounts app = bankAccounts(Map.of());
    List<BankAccount> accounts = thirteenEvents(app);
    List<Notification> expected = notificationsOf(accounts);

    Section first = app.log().section("1,10");
    assertThat(first.id()).isEqualTo("1,10");
    assertThat(first.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("state")
        .containsExactlyElementsOf(expected.subList(0, 10));
    assertThat(first.nextId()).isEqualTo("11,20");
    assertThat(app.mapper().toDomainEvent(first.items().get(0)).payload())
        .isEqualTo(new BankAccount.Opened("Alice", "alice@example.com"));

    Section last = app.log().section(first.nextId());
    assertThat(last.id()).isEqualTo("11,13");
    assertThat(last.items()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("state")
        .containsExactlyElementsOf(expected.subList(10, 13));
    assertThat(last.nextId()).isNull();

    Section capped = app.log().section("1,20");
    assertThat(capped.id()).isEqualTo("1,10");
    assertThat(capped.items()).hasSize(10);
    Section middle = app.log().section("2,4");
    assertThat(middle.id()).isEqualTo("2,4");
    assertThat(middle.items()).extracting(Notification::id).containsExactly(2L, 3L, 4L);
    Section beyond = app.log().section("14,20");
    assertThat(beyond.id()).isNull();
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.nextId()).isNull();
  }

  @Test
  void aNotificationLogReaderReadsOnward() {
    BankAccounts app = bankAccounts(Map.of());
    List<Notification> expected = notificationsOf(thirteenEvents(app));

    List<Notification> all = new NotificationLogReader(app.log()).read(1).toList();
    assertThat(all).usingRecursiveFieldByFieldElementComparatorIgnoringFields("state")
        .containsExactlyElementsOf(expected);
    assertThat(new NotificationLogReader(app.log(), 3).read(1)).containsExactlyElementsOf(all);
    assertThat(new NotificationLogReader(app.log()).read(11)).containsExactlyElementsOf(all.subList(10, 13));
    assertThat(new NotificationLogReader(app.log()).read(14)).isEmpty();
    assertThat(all.stream().map(n -> app.mapper().toDomainEvent(n).payload()))
        .filteredOn(BankAccount.Opened.class::isInstance)
        .extracting(payload -> ((BankAccount.Opened) payload).fullName())
        .containsExactly("Alice", "Bob", "Carol");
  }

  @Test
  void getsAnAggregateFromASnapshotAndLaterEvents() {
    BankAccounts app = bankAccounts(Map.of(IS_SNAPSHOTTING_ENABLED, "true"));
    BankAccount account = accountWithTransactions(app, "10", "25", "30");
    UUID id = account.id();

    app.takeSnapshot(id, 2);
    app.takeSnapshot(id);

    assertThat(snapshotVersions(app, id)).containsExactly(2, 4);
    for (int version = 1; version <= 4; version++) {
      assertThat(app.repository().get(id, version, BankAccount.class))
          .as("version %d", version)
          .usingRecursiveComparison()
          .isEqualTo(replay(app, id, version));
    }
    assertThat(app.getAccount(id)).usingRecursiveComparison().isEqualTo(account);
    app.creditAccount(id, new BigDecimal("5"));
    assertThat(app.getAccount(id)).usingRecursiveComparison().isEqualTo(replay(app, id, null));
    assertThat(app.getBalance(id)).isEqualByComparingTo("70");
  }

  @Test
  void snapshotsAutomaticallyAtTheConfiguredInterval() {
    BankAccounts app = open(SnapshottingBankAccounts::new, Map.of());
    BankAccount account = new BankAccount("Alice", "alice@example.com");
    app.save(account);
    account.appendTransaction(BigDecimal.ONE);
    app.save(account);
    account.appendTransaction(BigDecimal.ONE);
    account.appendTransaction(BigDecimal.ONE);
    app.save(account);
    account.appendTransaction(BigDecimal.ONE);
    app.save(account);

    assertThat(snapshotVersions(app, account.id())).containsExactly(2, 4);
    assertThat(app.getAccount(account.id())).usingRecursiveComparison().isEqualTo(account);
    assertThat(app.getAccount(account.id())).usingRecursiveComparison().isEqualTo(replay(app, account.id(), null));
  }

  @Test
  void compressedAndEncryptedStateHidesValuesAndStillLoads() {
    Map<String, String> encrypted = new HashMap<>(encryption());
    encrypted.put(COMPRESSOR_TOPIC, "dev.eventsourcing.compressor:ZlibCompressor");
    encrypted.put(IS_SNAPSHOTTING_ENABLED, "true");
    BankAccounts app = bankAccounts(encrypted);
    BankAccount account = accountWithTransactions(app, "10", "25");
    app.takeSnapshot(account.id());

    List<byte[]> states = new ArrayList<>();
    new NotificationLogReader(app.log()).read(1).forEach(n -> states.add(n.state()));
    snapshots(app).recorder().selectEvents(account.id()).forEach(s -> states.add(s.state()));
    assertThat(states).hasSize(4);
    for (byte[] state : states) {
      assertThat(new String(state, ISO_8859_1)).doesNotContain("Alice").doesNotContain("alice@example.com");
    }
    assertThat(app.getAccount(account.id())).usingRecursiveComparison().isEqualTo(account);
    assertThat(app.repository().get(account.id(), 2, BankAccount.class).balance()).isEqualByComparingTo("10");
  }

  @Test
  void aSecondApplicationWithTheSameSettingsSeesTheStoreIfItIsShared() {
    BankAccounts first = bankAccounts(Map.of());
    UUID id = first.openAccount("Alice", "alice@example.com");
    first.creditAccount(id, new BigDecimal("10"));

    BankAccounts second = bankAccounts(Map.of());

    if (isStoreSharedBetweenApplications()) {
      assertThat(second.getAccount(id)).usingRecursiveComparison().isEqualTo(first.getAccount(id));
      assertThat(second.log().section("1,10").items()).containsExactlyElementsOf(first.log().section("1,10").items());
      second.creditAccount(id, new BigDecimal("5"));
      assertThat(first.getBalance(id)).isEqualByComparingTo("15");
    } else {
      assertThat(second.repository().contains(id)).isFalse();
      assertThat(second.log().section("1,10").items()).isEmpty();
    }
  }

  @Test
  void manyThreadsSaveAndGetTheirOwnAggregates() {
    BankAccounts app = bankAccounts(Map.of());
    int credits = writesPerThread();
    Map<Integer, UUID> accounts = new ConcurrentHashMap<>();

    Concurrently.run(
        THREADS,
        thread -> {
          UUID id = app.openAccount("Owner " + thread, "owner" + thread + "@example.com");
          accounts.put(thread, id);
          for (int i = 1; i <= credits; i++) {
            app.creditAccount(id, BigDecimal.ONE);
            assertThat(app.getAccount(id).version()).isEqualTo(i + 1);
          }
        });

    for (UUID id : accounts.values()) {
      assertThat(app.getAccount(id).balance()).isEqualByComparingTo(String.valueOf(credits));
    }
    List<Notification> log = new NotificationLogReader(app.log()).read(1).toList();
    assertThat(log).hasSize(THREADS * (credits + 1));
    assertThat(log).extracting(Notification::id).isSorted().doesNotHaveDuplicates();
    Map<UUID, List<Integer>> versions =
        log.stream().collect(Collectors.groupingBy(
            Notification::originatorId, Collectors.mapping(Notification::originatorVersion, Collectors.toList())));
    List<Integer> oneToLast = IntStream.rangeClosed(1, credits + 1).boxed().toList();
    assertThat(versions).hasSize(THREADS).allSatisfy((id, list) -> assertThat(list).isEqualTo(oneToLast));
  }

  @Test
  void manyThreadsCreditingOneAccountLoseNoUpdate() {
    BankAccounts app = bankAccounts(Map.of());
    UUID id = app.openAccount("Alice", "alice@example.com");
    int credits = writesPerThread();

    Concurrently.run(
        THREADS,
        thread -> {
          for (int i = 0; i < credits; i++) {
            creditRetryingOnConflict(app, id);
          }
        });

    BankAccount account = app.getAccount(id);
    assertThat(account.balance()).isEqualByComparingTo(String.valueOf(THREADS * credits));
    assertThat(account.version()).isEqualTo(1 + THREADS * credits);
    assertThat(new NotificationLogReader(app.log()).read(1)).hasSize(1 + THREADS * credits);
  }

  private static void creditRetryingOnConflict(BankAccounts app, UUID id) {
    while (true) {
      BankAccount account = app.getAccount(id);
      account.appendTransaction(BigDecimal.ONE);
      try {
        app.save(account);
        return;
      } catch (RecordConflictException e) {
        // another thread saved first: load the account again
      }
    }
  }

  private BankAccounts bankAccounts(Map<String, String> added) {
    return open(BankAccounts::new, added);
  }

  /** An application constructed with the store's settings and the added ones; closed after the test. */
  private <A extends Application> A open(Function<Map<String, String>, A> constructor, Map<String, String> added) {
    if (settings == null) {
      settings = Map.copyOf(environment());
    }
    Map<String, String> merged = new HashMap<>(settings);
    merged.putAll(added);
    A app = constructor.apply(merged);
    applications.add(app);
    return app;
  }

  /** A saved account with one transaction per amount: its version is one more than the number of amounts. */
  private static BankAccount accountWithTransactions(BankAccounts app, String... amounts) {
    BankAccount account = new BankAccount("Alice", "alice@example.com");
    app.save(account);
    for (String amount : amounts) {
      account.appendTransaction(new BigDecimal(amount));
      app.save(account);
    }
    return account;
  }

  /** Three saved accounts with 5, 4 and 4 events: 13 notifications. */
  private static List<BankAccount> thirteenEvents(BankAccounts app) {
    List<BankAccount> accounts = new ArrayList<>();
    for (String name : List.of("Alice", "Bob", "Carol")) {
      BankAccount account = new BankAccount(name, name.toLowerCase() + "@example.com");
      int transactions = accounts.isEmpty() ? 4 : 3;
      for (int i = 1; i <= transactions; i++) {
        account.appendTransaction(new BigDecimal(i));
      }
      app.save(account);
      accounts.add(account);
    }
    return accounts;
  }

  /** The notifications of accounts saved one after the other in a fresh application, without their states. */
  private static List<Notification> notificationsOf(List<BankAccount> accounts) {
    List<Notification> notifications = new ArrayList<>();
    for (BankAccount account : accounts) {
      for (int version = 1; version <= account.version(); version++) {
        String topic = version == 1
            ? "dev.eventsourcing.application:BankAccount.Opened"
            : "dev.eventsourcing.application:BankAccount.TransactionAppended";
        notifications.add(new Notification(notifications.size() + 1L, account.id(), version, topic, new byte[0]));
      }
    }
    return notifications;
  }

  private static SnapshotStore snapshots(Application app) {
    return Objects.requireNonNull(app.snapshots(), "snapshot store");
  }

  private static List<Integer> snapshotVersions(Application app, UUID id) {
    return snapshots(app).recorder().selectEvents(id).stream().map(StoredEvent::originatorVersion).toList();
  }

  /** The account rebuilt from its events alone, without snapshots. */
  @SuppressWarnings("unchecked")
  private static BankAccount replay(Application app, UUID id, @Nullable Integer version) {
    Projector<BankAccount> fromEvents =
        (state, event) -> ((DomainEvent<BankAccount.Event>) event).mutate(state);
    return app.repository().get(id, version, fromEvents);
  }

  /** Snapshots each bank account at every second version; the same name, so the same store, as BankAccounts. */
  private static final class SnapshottingBankAccounts extends BankAccounts {
    SnapshottingBankAccounts(Map<String, String> environment) {
      super(Application.builder(SnapshottingBankAccounts.class).name("BankAccounts").environment(environment)
          .context());
    }

    @Override
    protected Map<Class<? extends Aggregate<?>>, Integer> snapshottingIntervals() {
      return Map.of(BankAccount.class, 2);
    }
  }
}
