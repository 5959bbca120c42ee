package dev.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.memory.MemoryInfrastructureFactory;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Applications made from an explicit context: checked before construction, opened after it. */
class ApplicationContextTest {
  /** Declares its types, snapshotting intervals and log section size with fields, set after Application's constructor. */
  static class Accounts extends Application {
    private final DecodableTypes declared = DecodableTypes.of(BankAccount.class);
    private final Map<Class<? extends Aggregate<?>>, Integer> intervals = Map.of(BankAccount.class, 2);
    private final int sectionSize = 3;

    Accounts() {}

    Accounts(Map<String, String> environment) {
      super(environment);
    }

    /** As a container with constructor injection would construct it. */
    Accounts(ApplicationContext context) {
      super(context);
    }

    UUID open(String name) {
      BankAccount account = new BankAccount(name, name + "@example.com");
      account.appendTransaction(BigDecimal.TEN);
      save(account);
      return account.id();
    }

    @Override
    protected DecodableTypes types() {
      return declared;
    }

    @Override
    protected Map<Class<? extends Aggregate<?>>, Integer> snapshottingIntervals() {
      return intervals;
    }

    @Override
    protected int logSectionSize() {
      return sectionSize;
    }
  }

  /** Waits in its constructor until another is being constructed, so the two constructions overlap. */
  static class Overlapping extends Application {
    static final CyclicBarrier BOTH = new CyclicBarrier(2);

    Overlapping() {
      try {
        BOTH.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new AssertionError("the other construction did not overlap this one", e);
      }
    }
  }

  /** Uses itself in its constructor, before a builder could give it its context. */
  static class Eager extends Application {
    Eager() {
      log();
    }
  }

  /** Overrides the name it is given. */
  static class Renamed extends Application {
    @Override
    public String name() {
      return "Other";
    }
  }

  @Test
  void overridesThatReadTheSubclassesFieldsWorkWithEveryConstructor() {
    for (Accounts accounts : List.of(new Accounts(), new Accounts(Map.of()),
        Application.builder(Accounts.class).build(), new Accounts(Application.builder(Accounts.class).context()))) {
      try (accounts) {
        UUID id = accounts.open("Alice");
        assertThat(accounts.repository().get(id, BankAccount.class).balance()).isEqualByComparingTo(BigDecimal.TEN);
        assertThat(accounts.snapshots()).isNotNull();
        assertThat(accounts.snapshots().latest(id, null)).isNotNull(); // version 2: the interval's field was read
        accounts.open("Bob");
        accounts.open("Carol");
        assertThat(accounts.log().section("1,10").items()).hasSize(3); // the section size's field was read
      }
    }
  }

  @Test
  void aContextMadeByHandIsCheckedBeforeTheConstructorAndOpenedOnFirstUse() {
    AtomicInteger opened = new AtomicInteger();
    ApplicationContext context = Application.builder(Accounts.class)
        .name("Ledger")
        .setting("IS_SNAPSHOTTING_ENABLED", "true")
        .factory(environment -> {
          opened.incrementAndGet();
          return new MemoryInfrastructureFactory(environment);
        })
        .context();
    assertThat(context.name()).isEqualTo("Ledger");
    assertThat(context.environment().get("IS_SNAPSHOTTING_ENABLED")).isEqualTo("true");
    try (Accounts accounts = new Accounts(context)) {
      assertThat(accounts.name()).isEqualTo("Ledger");
      assertThat(opened).hasValue(0);
      UUID id = accounts.open("Alice");
      assertThat(opened).hasValue(1);
      assertThat(accounts.repository().get(id, BankAccount.class).fullName()).isEqualTo("Alice");
      assertThat(accounts.environment()).isSameAs(context.environment());
    }
    assertThat(opened).hasValue(1);
  }

  @Test
  void aBadSettingFailsWhenTheContextIsMadeBeforeAnyConstructorRuns() {
    assertThatThrownBy(() -> Application.builder(Overlapping.class).setting("CIPHER_KEY", "not base64!").context())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Overlapping: CIPHER_KEY")
        .hasMessageNotContaining("not base64!");
    assertThatThrownBy(() -> ApplicationContext.of(Accounts.class, Map.of("PERSISTENCE_MODULE", "nosuchstore")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PERSISTENCE_MODULE='nosuchstore' names no store");
  }

  @Test
  void twoBuildersOnTwoThreadsConstructAtOnceEachWithItsOwnSettings() throws Exception {
    ApplicationBuilder<Overlapping> first = Application.builder(Overlapping.class).name("First")
        .setting("IS_SNAPSHOTTING_ENABLED", "true");
    ApplicationBuilder<Overlapping> second = Application.builder(Overlapping.class).name("Second")
        .setting("IS_SNAPSHOTTING_ENABLED", "false");
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<Overlapping> one = threads.submit(first::build);
      Future<Overlapping> two = threads.submit(second::build);
      try (Overlapping a = one.get(20, TimeUnit.SECONDS); Overlapping b = two.get(20, TimeUnit.SECONDS)) {
        assertThat(a.name()).isEqualTo("First");
        assertThat(a.environment().get("IS_SNAPSHOTTING_ENABLED")).isEqualTo("true");
        assertThat(a.snapshots()).isNotNull();
        assertThat(b.name()).isEqualTo("Second");
        assertThat(b.environment().get("IS_SNAPSHOTTING_ENABLED")).isEqualTo("false");
        assertThat(b.snapshots()).isNull();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aBuilderGivesItsSettingsToAnApplicationConstructedOnAnotherThread() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    try (Accounts accounts = Application.builder(Accounts.class).name("Elsewhere")
        .construct(() -> {
          try {
            return thread.submit(() -> new Accounts()).get(20, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        })) {
      assertThat(accounts.name()).isEqualTo("Elsewhere");
      assertThat(accounts.repository().get(accounts.open("Alice"), BankAccount.class).fullName()).isEqualTo("Alice");
    } finally {
      thread.shutdownNow();
    }
  }

  @Test
  void anApplicationUsedByItsOwnConstructorCantTakeItsBuildersContext() {
    assertThatThrownBy(() -> Application.builder(Eager.class).setting("IS_SNAPSHOTTING_ENABLED", "true").build())
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining("application Eager of class " + Eager.class.getName() + " was used")
        .hasMessageContaining("give it a constructor taking an ApplicationContext");
  }

  @Test
  void anOverriddenNameThatDiffersFromTheContextsFailsOnFirstUse() {
    try (Renamed renamed = new Renamed()) {
      assertThatThrownBy(renamed::repository)
          .isInstanceOf(ConfigurationException.class)
          .hasMessageContaining("overrides name() to return Other, but its settings and tables are named Renamed")
          .hasMessageContaining("Application.builder(...).name(\"Other\")");
    }
  }

  @Test
  void aStoreGivenToTheConstructorIsClosedEvenIfNeverUsed() {
    AtomicInteger closed = new AtomicInteger();
    dev.eventsourcing.persistence.Environment environment =
        new dev.eventsourcing.persistence.Environment("Given", Map.of());
    InfrastructureFactory factory = new ApplicationBuilderTest.CountingFactory(environment, closed);
    new Application(environment, factory) {}.close();
    assertThat(closed).hasValue(1);
  }
}
