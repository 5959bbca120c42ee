package dev.eventsourcing.application;

import static dev.eventsourcing.persistence.InfrastructureFactory.CIPHER_KEY;
import static dev.eventsourcing.persistence.InfrastructureFactory.CIPHER_MODE;
import static dev.eventsourcing.persistence.InfrastructureFactory.COMPRESSOR_TOPIC;
import static dev.eventsourcing.persistence.InfrastructureFactory.IS_SNAPSHOTTING_ENABLED;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.ErasedEvent;
import dev.eventsourcing.domain.Projector;
import dev.eventsourcing.persistence.CipherException;
import dev.eventsourcing.persistence.Concurrently;
import dev.eventsourcing.persistence.DataErasedException;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyRecorder;
import dev.eventsourcing.persistence.MasterKeyException;
import dev.eventsourcing.persistence.MasterKeys;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.NotificationLogReader;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of per-subject encryption ({@code CIPHER_MODE=per-subject}) on a store: a key per data subject,
 * forgetting a subject, the notification log after that, rotating the master key, a wrong master key, and
 * concurrent first saves of one subject. A store's test is a subclass that gives the settings selecting the store;
 * application objects constructed with the same settings must share the store (as the in-memory store does
 * through {@code SharedMemoryInfrastructureFactory}).
 */
public abstract class PersonalDataTestCase {
  private static final int THREADS = 8;

  private final List<Application> applications = new ArrayList<>();
  private @Nullable Map<String, String> settings;
  private final String masterKey = AesCipher.createKey(32);

  /** The settings that select a shared, empty store; called once per test. */
  protected abstract Map<String, String> environment();

  /** Called after each test once its applications are closed: delete what the test stored, if it outlives them. */
  protected void cleanUp() {}

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
  void everyAggregateHasAKeyOfItsOwnUnlessItNamesItsSubject() {
    BankAccounts app = bankAccounts(Map.of(IS_SNAPSHOTTING_ENABLED, "true"));
    BankAccount alice = new BankAccount("Alice", "alice@example.com");
    BankAccount bob = new BankAccount("Bob", "bob@example.com");
    UUID carol = UUID.randomUUID();
    Customer shop = new Customer(carol, "Carol", "1 High Street");
    Customer club = new Customer(carol, "Carol", "1 High Street");
    app.save(alice, bob, shop);
    app.save(club);
    app.takeSnapshot(shop.id());

    DataKeyRecorder keys = keys(app);
    assertThat(keys.selectDataKey(alice.id())).isNotNull();
    assertThat(keys.selectDataKey(bob.id())).isNotNull();
    assertThat(keys.selectDataKey(carol)).isNotNull();
    assertThat(keys.selectDataKey(shop.id())).isNull();
    assertThat(keys.selectDataKey(club.id())).isNull();
    assertThat(keys.selectDataKey(alice.id())).isNotEqualTo(keys.selectDataKey(bob.id()));

    for (byte[] state : states(app, shop.id())) {
      assertThat(new String(state, ISO_8859_1)).doesNotContain("Alice", "Bob", "Carol", "High Street");
    }
    BankAccounts other = bankAccounts(Map.of(IS_SNAPSHOTTING_ENABLED, "true"));
    assertThat(other.getAccount(bob.id())).usingRecursiveComparison().isEqualTo(bob);
    assertThat(other.repository().get(shop.id(), Customer.class).fullName()).isEqualTo("Carol");
    assertThat(other.repository().get(club.id(), Customer.class).address()).isEqualTo("1 High Street");
  }

  @Test
  void forgettingASubjectErasesItsAggregatesAndKeepsTheLog() {
    BankAccounts app = bankAccounts(Map.of(IS_SNAPSHOTTING_ENABLED, "true", COMPRESSOR_TOPIC,
        "dev.eventsourcing.compressor:ZlibCompressor"));
    UUID carol = UUID.randomUUID();
    Customer shop = new Customer(carol, "Carol", "1 High Street");
    shop.move("2 Low Road");
    Customer club = new Customer(carol, "Carol", "1 High Street");
    BankAccount alice = new BankAccount("Alice", "alice@example.com");
    app.save(shop, club, alice);
    app.takeSnapshot(club.id());
    List<DomainEvent<?>> before = decodedLog(app);
    List<Notification> notificationsBefore = app.recorder().selectNotifications(1, 100);

    app.forget(carol);

    for (UUID erased : List.of(shop.id(), club.id())) {
      assertThatThrownBy(() -> app.repository().get(erased))
          .isInstanceOf(AggregateErasedException.class)
          .isNotInstanceOf(CipherException.class)
          .hasMessageContaining(erased.toString())
          .satisfies(e -> assertThat(((AggregateErasedException) e).aggregateId()).isEqualTo(erased));
    }
    Projector<Object> anything = (state, event) -> event;
    assertThatThrownBy(() -> app.repository().get(shop.id(), null, anything))
        .isInstanceOf(AggregateErasedException.class);
    assertThat(app.repository().contains(shop.id())).isTrue();
    assertThat(app.getAccount(alice.id())).usingRecursiveComparison().isEqualTo(alice);
    assertThat(keys(app).selectDataKey(carol)).isEqualTo(DataKey.erased(carol));

    List<Notification> notificationsAfter = app.recorder().selectNotifications(1, 100);
    assertThat(notificationsAfter).isEqualTo(notificationsBefore);
    List<DomainEvent<?>> after = decodedLog(app);
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      DomainEvent<?> was = before.get(i);
      DomainEvent<?> is = after.get(i);
      assertThat(is.originatorId()).isEqualTo(was.originatorId());
      assertThat(is.originatorVersion()).isEqualTo(was.originatorVersion());
      assertThat(is.timestamp()).isEqualTo(was.timestamp());
      assertThat(is.topic()).isEqualTo(was.topic());
      if (was.originatorId().equals(alice.id())) {
        assertThat(is.payload()).isEqualTo(was.payload());
      } else {
        assertThat(is.payload()).isEqualTo(new ErasedEvent(carol, was.topic()));
      }
    }

    BankAccounts restarted = bankAccounts(Map.of(IS_SNAPSHOTTING_ENABLED, "true", COMPRESSOR_TOPIC,
        "dev.eventsourcing.compressor:ZlibCompressor"));
    assertThatThrownBy(() -> restarted.repository().get(club.id())).isInstanceOf(AggregateErasedException.class);
    assertThat(restarted.getAccount(alice.id())).usingRecursiveComparison().isEqualTo(alice);
  }

  @Test
  void nothingMoreIsSavedForAForgottenSubject() {
    BankAccounts app = bankAccounts(Map.of());
    UUID carol = UUID.randomUUID();
    Customer shop = new Customer(carol, "Carol", "1 High Street");
    app.save(shop);
    UUID never = UUID.randomUUID();
    app.forget(carol);
    app.forget(carol);
    app.forget(never);

    shop.move("2 Low Road");
    assertThatThrownBy(() -> app.save(shop))
        .isInstanceOf(DataErasedException.class)
        .hasMessageContaining(carol.toString());
    assertThatThrownBy(() -> app.save(new Customer(carol, "Carol", "3 New Street")))
        .isInstanceOf(DataErasedException.class);
    assertThatThrownBy(() -> bankAccounts(Map.of()).save(new Customer(never, "Dan", "4 Old Street")))
        .isInstanceOf(DataErasedException.class);
    assertThat(app.recorder().maxNotificationId()).isEqualTo(1L);
  }

  @Test
  void aProcessApplicationSeesErasedEventsAndGoesOn() {
    BankAccounts app = bankAccounts(Map.of());
    UUID carol = UUID.randomUUID();
    Customer shop = new Customer(carol, "Carol", "1 High Street");
    BankAccount alice = new BankAccount("Alice", "alice@example.com");
    app.save(shop, alice);
    app.forget(carol);

    Auditor auditor = open(Auditor::new, Map.of());
    auditor.follow(app);
    assertThat(auditor.pullAndProcess(app.name())).isEqualTo(2);

    assertThat(auditor.seen).containsExactly(
        new ErasedEvent(carol, "dev.eventsourcing.application:Customer.Registered"),
        new BankAccount.Opened("Alice", "alice@example.com"));
  }

  @Test
  void rotatesTheMasterKeyInResumableBatchesWithoutRewritingEvents() {
    String newKey = AesCipher.createKey(32);
    BankAccounts old = bankAccounts(Map.of());
    List<UUID> accounts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      accounts.add(old.openAccount("Holder " + i, "holder" + i + "@example.com"));
    }
    Map<String, String> rotating = Map.of(CIPHER_KEY, newKey, MasterKeys.CIPHER_OTHER_KEYS, masterKey);
    BankAccounts prepared = bankAccounts(Map.of(MasterKeys.CIPHER_OTHER_KEYS, newKey));
    BankAccounts first = bankAccounts(rotating);
    accounts.add(first.openAccount("Holder 5", "holder5@example.com"));
    List<Notification> stored = old.recorder().selectNotifications(1, 100);
    for (BankAccounts during : List.of(prepared, first)) {
      assertThat(during.getAccount(accounts.get(0)).fullName()).isEqualTo("Holder 0");
      assertThat(during.getAccount(accounts.get(5)).fullName()).isEqualTo("Holder 5");
    }

    assertThat(first.rewrapDataKeys(2)).isEqualTo(2);
    first.close();
    BankAccounts second = bankAccounts(rotating);
    assertThat(second.getAccount(accounts.get(0)).fullName()).isEqualTo("Holder 0");
    assertThat(second.rewrapDataKeys(2)).isEqualTo(2);
    assertThat(second.rewrapDataKeys(2)).isEqualTo(1);
    assertThat(second.rewrapDataKeys(2)).isZero();

    assertThat(second.recorder().selectNotifications(1, 100)).isEqualTo(stored);
    BankAccounts rotated = bankAccounts(Map.of(CIPHER_KEY, newKey));
    for (int i = 0; i < accounts.size(); i++) {
      assertThat(rotated.getAccount(accounts.get(i)).fullName()).isEqualTo("Holder " + i);
    }
    BankAccounts stale = bankAccounts(Map.of());
    assertThatThrownBy(() -> stale.getAccount(accounts.get(0)))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining("CIPHER_KEY")
        .hasMessageNotContaining(masterKey)
        .hasMessageNotContaining(newKey);
  }

  @Test
  void aWrongMasterKeyIsAClearErrorAndNotAnErasure() {
    BankAccounts app = bankAccounts(Map.of());
    UUID id = app.openAccount("Alice", "alice@example.com");
    String wrongKey = AesCipher.createKey(32);

    BankAccounts wrong = bankAccounts(Map.of(CIPHER_KEY, wrongKey));
    assertThatThrownBy(() -> wrong.getAccount(id))
        .isInstanceOf(MasterKeyException.class)
        .hasMessageContaining(id.toString())
        .hasMessageContaining(MasterKeys.CIPHER_OTHER_KEYS)
        .hasMessageNotContaining(wrongKey)
        .hasMessageNotContaining(masterKey);
    Notification notification = wrong.recorder().selectNotifications(1, 1).get(0);
    assertThatThrownBy(() -> wrong.mapper().toDomainEvent(notification)).isInstanceOf(MasterKeyException.class);
  }

  @Test
  void concurrentFirstSavesOfOneSubjectShareOneKey() {
    UUID carol = UUID.randomUUID();
    List<BankAccounts> apps = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      apps.add(bankAccounts(Map.of()));
    }
    List<UUID> saved = new CopyOnWriteArrayList<>();
    Concurrently.run(THREADS, thread -> {
      Customer customer = new Customer(carol, "Carol", "Street " + thread);
      apps.get(thread).save(customer);
      saved.add(customer.id());
    });

    BankAccounts reader = bankAccounts(Map.of());
    assertThat(saved).hasSize(THREADS);
    for (UUID id : saved) {
      assertThat(reader.repository().get(id, Customer.class).fullName()).isEqualTo("Carol");
    }
    assertThat(keys(reader).selectDataKey(carol)).isNotNull();
    assertThat(keys(reader).selectDataKeysNotWrappedBy("none", 100))
        .extracting(DataKey::subjectId)
        .containsOnlyOnce(carol);
    assertThat(reader.recorder().maxNotificationId()).isEqualTo((long) THREADS);
  }

  /** Records the payloads of the upstream events it is given. */
  static final class Auditor extends ProcessApplication {
    final List<Object> seen = new CopyOnWriteArrayList<>();

    Auditor(Map<String, String> environment) {
      super(environment);
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
      seen.add(event.payload());
    }
  }

  private BankAccounts bankAccounts(Map<String, String> added) {
    return open(BankAccounts::new, added);
  }

  private <A extends Application> A open(Function<Map<String, String>, A> constructor, Map<String, String> added) {
    if (settings == null) {
      settings = Map.copyOf(environment());
    }
    Map<String, String> merged = new HashMap<>(settings);
    merged.put(CIPHER_MODE, "per-subject");
    merged.put(CIPHER_KEY, masterKey);
    merged.putAll(added);
    A app = constructor.apply(merged);
    applications.add(app);
    return app;
  }

  private static DataKeyRecorder keys(Application app) {
    return app.recorder().dataKeys().orElseThrow();
  }

  private static List<DomainEvent<?>> decodedLog(Application app) {
    List<DomainEvent<?>> events = new ArrayList<>();
    new NotificationLogReader(app.log()).read(1).forEach(n -> events.add(app.mapper().toDomainEvent(n)));
    return events;
  }

  private static List<byte[]> states(Application app, UUID snapshotted) {
    List<byte[]> states = new ArrayList<>();
    new NotificationLogReader(app.log()).read(1).forEach(n -> states.add(n.state()));
    Objects.requireNonNull(app.snapshots()).recorder().selectEvents(snapshotted)
        .forEach(s -> states.add(s.state()));
    return states;
  }
}
