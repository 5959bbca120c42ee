package dev.eventsourcing.persistence;

import static dev.eventsourcing.persistence.InfrastructureFactory.CIPHER_KEY;
import static dev.eventsourcing.persistence.InfrastructureFactory.CIPHER_MODE;
import static dev.eventsourcing.persistence.InfrastructureFactory.CIPHER_TOPIC;
import static dev.eventsourcing.persistence.InfrastructureFactory.COMPRESSOR_TOPIC;
import static dev.eventsourcing.persistence.InfrastructureFactory.DATA_KEY_CACHE_SIZE;
import static dev.eventsourcing.persistence.InfrastructureFactory.INFRASTRUCTURE_FACTORY;
import static dev.eventsourcing.persistence.InfrastructureFactory.IS_SNAPSHOTTING_ENABLED;
import static dev.eventsourcing.persistence.InfrastructureFactory.PERSISTENCE_MODULE;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.eventsourcing.application.BankAccount;
import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.EventSourcingException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract of a store's {@link InfrastructureFactory} as {@link InfrastructureFactory#construct} builds it from
 * settings, after the Python library's {@code InfrastructureFactoryTestCase}. A store's test is a subclass that
 * gives the settings selecting the store.
 *
 * <p>The factories are built for the application named {@value #APPLICATION_NAME} (and, in one test, {@code App1}
 * and {@code App2}). The tests don't assume an empty store.
 */
public abstract class InfrastructureFactoryTestCase {
  private static final DecodableTypes BANK_ACCOUNTS = DecodableTypes.of(BankAccount.class);

  protected static final String APPLICATION_NAME = "FactoryContract";
  private static final String PREFIX = "FACTORYCONTRACT_";
  private static final String ZLIB = "dev.eventsourcing.compressor:ZlibCompressor";
  private static final String AES = "dev.eventsourcing.cipher:AesCipher";

  /**
   * The settings that select and configure the store, without an application-name prefix. They must name the store
   * with {@code PERSISTENCE_MODULE} (or {@code INFRASTRUCTURE_FACTORY}), even if it is the default.
   */
  protected abstract Map<String, String> environment();

  /** The class of the factory the settings select. */
  protected abstract Class<? extends InfrastructureFactory> expectedFactoryClass();

  /**
   * Settings of the store's own that are not valid, each with a bad value (none by default): each fails construction
   * and {@link InfrastructureFactory#check}, as the settings every store reads do.
   */
  protected Map<String, String> badStoreSettings() {
    return Map.of();
  }

  /** A setting that is not valid: {@code named} is the key the failure names, with the settings that make it bad. */
  private record BadSetting(String named, Map<String, String> settings) {}

  private static final Set<String> SECRETS = Set.of(CIPHER_KEY, MasterKeys.CIPHER_OTHER_KEYS, "POSTGRES_PASSWORD");

  private List<BadSetting> badSettings() {
    String key32 = AesCipher.createKey(32);
    List<BadSetting> bad = new ArrayList<>(List.of(
        new BadSetting(IS_SNAPSHOTTING_ENABLED, Map.of(IS_SNAPSHOTTING_ENABLED, "maybe")),
        new BadSetting(DATA_KEY_CACHE_SIZE, Map.of(DATA_KEY_CACHE_SIZE, "-1")),
        new BadSetting(CIPHER_MODE, Map.of(CIPHER_MODE, "sideways")),
        new BadSetting(CIPHER_KEY, Map.of(CIPHER_KEY, "not base64 at all!")),
        new BadSetting(CIPHER_KEY, Map.of(CIPHER_TOPIC, AES,
            CIPHER_KEY, Base64.getEncoder().encodeToString("twelve bytes".getBytes(ISO_8859_1)))),
        new BadSetting(CIPHER_KEY, Map.of(CIPHER_MODE, "per-subject", CIPHER_KEY, AesCipher.createKey(16))),
        new BadSetting(MasterKeys.CIPHER_OTHER_KEYS, Map.of(CIPHER_MODE, "per-subject", CIPHER_KEY, key32,
            MasterKeys.CIPHER_OTHER_KEYS, AesCipher.createKey(24))),
        new BadSetting(CIPHER_TOPIC, Map.of(CIPHER_MODE, "per-subject", CIPHER_KEY, key32, CIPHER_TOPIC, AES)),
        new BadSetting(COMPRESSOR_TOPIC, Map.of(COMPRESSOR_TOPIC, "java.lang.String"))));
    badStoreSettings().forEach((key, value) -> bad.add(new BadSetting(key, Map.of(key, value))));
    return bad;
  }

  @TestFactory
  Stream<DynamicTest> aBadSettingWithThePrefixFailsConstructionAndCheckAlikeNamingTheApplicationAndThePrefixedKey() {
    return badSettings().stream()
        .map(bad -> DynamicTest.dynamicTest(bad.named() + " " + bad.settings().keySet(), () -> assertFailsAlike(bad)));
  }

  private void assertFailsAlike(BadSetting bad) {
    Map<String, String> merged = new HashMap<>(environment());
    bad.settings().forEach((key, value) -> merged.put(PREFIX + key, value));
    Environment environment = new Environment(APPLICATION_NAME, merged);

    Throwable constructing = catchThrowable(() -> InfrastructureFactory.construct(environment).close());
    Throwable checking = catchThrowable(() -> InfrastructureFactory.check(environment));

    assertThat(constructing)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("application " + APPLICATION_NAME + ": ")
        .hasMessageContaining(PREFIX + bad.named());
    bad.settings().forEach((key, value) -> {
      if (SECRETS.contains(key)) {
        assertThat(constructing).hasMessageNotContaining(value);
      }
    });
    assertThat(checking).isInstanceOf(ConfigurationException.class).hasMessage(constructing.getMessage());
  }

  @Test
  void constructsTheFactoryOfTheStoreWithWorkingRecorders() {
    Environment environment = new Environment(APPLICATION_NAME, environment());
    try (InfrastructureFactory factory = InfrastructureFactory.construct(environment)) {
      assertThat(factory).isInstanceOf(expectedFactoryClass());
      assertThat(factory.environment()).isSameAs(environment);
      assertThat(factory.isSnapshottingEnabled()).isFalse();
      assertRecordersWork(factory);
    }
  }

  @Test
  void findsTheStoreFromAThreadWhoseContextClassLoaderDoesNotSeeTheLibrary() {
    // As on a container's deployment thread (Payara's, for one): the store is found through the library's loader.
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try (InfrastructureFactory factory =
        InfrastructureFactory.construct(new Environment(APPLICATION_NAME, environment()))) {
      assertThat(factory).isInstanceOf(expectedFactoryClass());
    } finally {
      thread.setContextClassLoader(context);
    }
  }

  @Test
  void keepsTheRecordersOfEachPurposeApart() {
    try (InfrastructureFactory factory = construct(Map.of())) {
      AggregateRecorder snapshots = factory.aggregateRecorder("snapshots");
      ApplicationRecorder events = factory.applicationRecorder();
      UUID id = UUID.randomUUID();
      StoredEvent event = new StoredEvent(id, 1, "topic", new byte[] {1});

      snapshots.insertEvents(List.of(event));

      assertThat(events.selectEvents(id)).isEmpty();
      events.insertEvents(List.of(event));
      assertThat(snapshots.selectEvents(id)).containsExactly(event);
    }
  }

  @Test
  void settingsPrefixedWithTheApplicationNameTakePrecedence() {
    Map<String, String> settings = new HashMap<>();
    environment().forEach((key, value) -> settings.put(PREFIX + key, value));
    settings.put(PERSISTENCE_MODULE, "no-such-store");
    settings.put(IS_SNAPSHOTTING_ENABLED, "not-a-boolean");
    settings.put(PREFIX + IS_SNAPSHOTTING_ENABLED, "true");
    settings.put(CIPHER_KEY, Base64.getEncoder().encodeToString(new byte[5]));
    settings.put(PREFIX + CIPHER_KEY, AesCipher.createKey(32));

    try (InfrastructureFactory factory = InfrastructureFactory.construct(new Environment(APPLICATION_NAME, settings))) {
      assertThat(factory).isInstanceOf(expectedFactoryClass());
      assertThat(factory.isSnapshottingEnabled()).isTrue();
      assertHidesAndRestores(factory.mapper(BANK_ACCOUNTS, new JacksonTranscoder()), factory);
      assertRecordersWork(factory);
    }
  }

  @Test
  void eachApplicationUsesItsOwnCipherKey() {
    Map<String, String> settings = new HashMap<>(environment());
    settings.put("APP1_" + CIPHER_KEY, AesCipher.createKey(32));
    settings.put("APP2_" + CIPHER_KEY, AesCipher.createKey(32));

    try (InfrastructureFactory app1 = InfrastructureFactory.construct(new Environment("App1", settings));
        InfrastructureFactory app2 = InfrastructureFactory.construct(new Environment("App2", settings))) {
      DomainEvent<BankAccount.Event> event = opened();
      Mapper own = app1.mapper(BANK_ACCOUNTS, new JacksonTranscoder());
      Mapper other = app2.mapper(BANK_ACCOUNTS, new JacksonTranscoder());
      StoredEvent stored = own.toStoredEvent(event);

      assertThat(own.toDomainEvent(stored).payload()).isEqualTo(event.payload());
      assertThatThrownBy(() -> other.toDomainEvent(stored)).isInstanceOf(CipherException.class);
    }
  }

  @ParameterizedTest(name = "IS_SNAPSHOTTING_ENABLED={0}: {1}")
  @CsvSource({"true, true", "y, true", "1, true", "false, false", "no, false", "'', false"})
  void readsWhetherSnapshottingIsEnabled(String value, boolean enabled) {
    try (InfrastructureFactory factory = construct(Map.of(IS_SNAPSHOTTING_ENABLED, value))) {
      assertThat(factory.isSnapshottingEnabled()).isEqualTo(enabled);
    }
  }

  @Test
  void aMapperWithoutCipherStoresPlainState() {
    try (InfrastructureFactory factory = construct(Map.of())) {
      StoredEvent stored = factory.mapper(BANK_ACCOUNTS, new JacksonTranscoder()).toStoredEvent(opened());

      assertThat(new String(stored.state(), ISO_8859_1)).contains("Alice Liddell");
    }
  }

  @Test
  void aMapperWithCompressorAndCipherHidesTheStateAndRestoresIt() {
    Map<String, String> settings =
        Map.of(COMPRESSOR_TOPIC, ZLIB, CIPHER_TOPIC, AES, CIPHER_KEY, AesCipher.createKey(32));
    try (InfrastructureFactory factory = construct(settings)) {
      assertHidesAndRestores(factory.mapper(BANK_ACCOUNTS, new JacksonTranscoder()), factory);
    }
  }

  @Test
  void aCipherKeyAloneSelectsAes() {
    try (InfrastructureFactory factory = construct(Map.of(CIPHER_KEY, AesCipher.createKey(16)))) {
      assertHidesAndRestores(factory.mapper(BANK_ACCOUNTS, new JacksonTranscoder()), factory);
    }
  }

  @Test
  void anUnknownPersistenceModuleFailsNamingIt() {
    Map<String, String> settings = new HashMap<>(environment());
    settings.remove(INFRASTRUCTURE_FACTORY);
    settings.put(PERSISTENCE_MODULE, "no-such-store");

    assertThatThrownBy(() -> InfrastructureFactory.construct(new Environment(APPLICATION_NAME, settings)))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining(PERSISTENCE_MODULE)
        .hasMessageContaining("no-such-store");
  }

  @Test
  void aRoundTripCheckSettingThatIsNotABooleanFailsNamingTheKey() {
    Map<String, String> settings = new HashMap<>(environment());
    settings.put(InfrastructureFactory.PAYLOAD_ROUND_TRIP_CHECK, "sometimes");

    assertConstructionFails(settings).hasMessageContaining(InfrastructureFactory.PAYLOAD_ROUND_TRIP_CHECK);
    assertThatThrownBy(() -> InfrastructureFactory.check(new Environment(APPLICATION_NAME, settings)))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining(InfrastructureFactory.PAYLOAD_ROUND_TRIP_CHECK);
  }

  @Test
  void aCipherTopicWithoutKeyFailsNamingTheKey() {
    assertConstructionFails(Map.of(CIPHER_TOPIC, AES)).hasMessageContaining(CIPHER_KEY);
  }

  @Test
  void aCipherKeyOfTheWrongLengthFailsNamingTheKeyButNotItsValue() {
    String key = Base64.getEncoder().encodeToString("twelve bytes".getBytes(ISO_8859_1));

    assertConstructionFails(Map.of(CIPHER_TOPIC, AES, CIPHER_KEY, key))
        .hasMessageContaining(CIPHER_KEY)
        .hasMessageNotContaining(key);
  }

  @Test
  void aCipherKeyThatIsNotBase64FailsNamingTheKeyButNotItsValue() {
    String key = "not base64 at all!";

    assertConstructionFails(Map.of(CIPHER_KEY, key)).hasMessageContaining(CIPHER_KEY).hasMessageNotContaining(key);
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
    "COMPRESSOR_TOPIC, java.lang.String",
    "COMPRESSOR_TOPIC, dev.eventsourcing.cipher:AesCipher",
    "COMPRESSOR_TOPIC, dev.example:NoSuchCompressor",
    "CIPHER_TOPIC, dev.eventsourcing.compressor:ZlibCompressor",
    "CIPHER_TOPIC, dev.example:NoSuchCipher"
  })
  void aTopicNamingNoClassOfTheRightKindFailsNamingTheKey(String key, String topic) {
    assertConstructionFails(Map.of(key, topic, CIPHER_KEY, AesCipher.createKey(32)))
        .hasMessageContaining(key)
        .hasMessageContaining(topic);
  }

  /** A factory for {@link #environment()} with some settings added or replaced. */
  private InfrastructureFactory construct(Map<String, String> settings) {
    Map<String, String> merged = new HashMap<>(environment());
    merged.putAll(settings);
    return InfrastructureFactory.construct(new Environment(APPLICATION_NAME, merged));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertConstructionFails(Map<String, String> settings) {
    return assertThatThrownBy(() -> construct(settings).close()).isInstanceOf(EventSourcingException.class);
  }

  private static void assertRecordersWork(InfrastructureFactory factory) {
    UUID id = UUID.randomUUID();
    StoredEvent first = new StoredEvent(id, 1, "topic", new byte[] {1});
    StoredEvent second = new StoredEvent(id, 2, "topic", new byte[] {2});

    AggregateRecorder snapshots = factory.aggregateRecorder("snapshots");
    snapshots.insertEvents(List.of(first));
    assertThat(snapshots.selectEvents(id)).containsExactly(first);

    ApplicationRecorder events = factory.applicationRecorder();
    List<Long> ids = events.insertEvents(List.of(first, second));
    assertThat(ids).hasSize(2);
    assertThat(events.maxNotificationId()).isEqualTo(ids.get(1));
    assertThat(events.selectNotifications(ids.get(0), 10)).extracting(Notification::storedEvent)
        .containsExactly(first, second);

    ProcessRecorder process = factory.processRecorder();
    String upstream = "upstream_" + UUID.randomUUID().toString().replace("-", "");
    assertThat(process.maxTrackingId(upstream)).isNull();
    UUID produced = UUID.randomUUID();
    process.insertEvents(List.of(new StoredEvent(produced, 1, "topic", new byte[0])), new Tracking(upstream, 1));
    assertThat(process.maxTrackingId(upstream)).isEqualTo(1L);
    assertThat(process.selectEvents(produced)).hasSize(1);
  }

  /** Stores an event through the mapper and the factory's recorder; its state is unreadable but restores. */
  private static void assertHidesAndRestores(Mapper mapper, InfrastructureFactory factory) {
    DomainEvent<BankAccount.Event> event = opened();
    StoredEvent stored = mapper.toStoredEvent(event);
    String bytes = new String(stored.state(), ISO_8859_1);
    assertThat(bytes).doesNotContain("Alice Liddell").doesNotContain("alice@example.com");

    ApplicationRecorder recorder = factory.applicationRecorder();
    recorder.insertEvents(List.of(stored));
    DomainEvent<?> restored = mapper.toDomainEvent(recorder.selectEvents(event.originatorId()).get(0));

    assertThat(restored.payload()).isEqualTo(event.payload());
    assertThat(restored.timestamp()).isEqualTo(event.timestamp());
    assertThat(restored.originatorType()).isEqualTo(BankAccount.class);
  }

  private static DomainEvent<BankAccount.Event> opened() {
    return new BankAccount("Alice Liddell", "alice@example.com").collectEvents().get(0);
  }
}
