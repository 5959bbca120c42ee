package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.TestNamingContextFactory;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.system.EventSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Produces;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.naming.Context;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saved domain events reach the deployment's observers as CDI events, as envelopes and as payloads, synchronous
 * and asynchronous, once committed: after the caller's JTA transaction commits, and never when it rolls back.
 */
class SavedEventsTest {
  @ApplicationScoped
  public static class Observer {
    private final List<World.Created> created = new CopyOnWriteArrayList<>();
    private final List<DomainEvent<?>> envelopes = new CopyOnWriteArrayList<>();
    private final List<World.SomethingHappened> happenedAsync = new CopyOnWriteArrayList<>();

    void onCreated(@Observes World.Created event) {
      created.add(event);
    }

    void onEvent(@Observes DomainEvent<?> event) {
      envelopes.add(event);
    }

    void onHappened(@ObservesAsync World.SomethingHappened event) {
      happenedAsync.add(event);
    }

    // Read through methods: a client proxy's own fields are not the bean's.
    List<World.Created> created() {
      return List.copyOf(created);
    }

    List<DomainEvent<?>> envelopes() {
      return List.copyOf(envelopes);
    }

    List<World.SomethingHappened> happenedAsync() {
      return List.copyOf(happenedAsync);
    }
  }

  @ApplicationScoped
  public static class Config {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "memory"));
    }
  }

  @ApplicationScoped
  public static class SystemConfig {
    @Produces
    EventSourcingConfig config() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "memory"));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }
  }

  /** A transaction manager's registry, as a server binds it, with one transaction whose end the test decides. */
  static final class Transaction {
    int status = Status.STATUS_ACTIVE;
    final List<Synchronization> synchronizations = new CopyOnWriteArrayList<>();

    TransactionSynchronizationRegistry registry() {
      return (TransactionSynchronizationRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {TransactionSynchronizationRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
            case "getTransactionStatus" -> status;
            case "registerInterposedSynchronization" -> synchronizations.add((Synchronization) args[0]);
            default -> throw new UnsupportedOperationException(method.getName());
          });
    }

    void end(int outcome) {
      synchronizations.forEach(Synchronization::beforeCompletion);
      status = Status.STATUS_NO_TRANSACTION;
      synchronizations.forEach(each -> each.afterCompletion(outcome));
      synchronizations.clear();
    }
  }

  @BeforeEach
  void jndi() {
    System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNamingContextFactory.class.getName());
  }

  @AfterEach
  void clear() {
    System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    TestNamingContextFactory.BOUND.clear();
  }

  private static WeldContainer start(Class<?>... beans) {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension()).addBeanClasses(beans)
        .property("org.jboss.weld.construction.relaxed", false).initialize();
  }

  @Test
  void withoutATransactionEachSavedEventIsFiredAsEnvelopeAndPayloadSyncAndAsync() {
    try (WeldContainer container = start(Config.class, Universe.class, Observer.class)) {
      Universe universe = container.select(Universe.class).get();
      Observer observer = container.select(Observer.class).get();

      UUID id = universe.createWorld("Earth");
      universe.makeItSo(id, "dinosaurs");

      assertThat(observer.created()).containsExactly(new World.Created("Earth"));
      assertThat(observer.envelopes()).extracting(DomainEvent::originatorVersion).containsExactly(1, 2);
      assertThat(observer.envelopes()).extracting(DomainEvent::originatorId).containsOnly(id);
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(observer.happenedAsync())
              .containsExactly(new World.SomethingHappened("dinosaurs")));
    }
  }

  @Test
  void inATransactionNothingIsFiredBeforeCommitAndNothingAfterARollback() {
    Transaction transaction = new Transaction();
    TestNamingContextFactory.BOUND.put(AfterCommit.REGISTRY, transaction.registry());
    try (WeldContainer container = start(Config.class, Universe.class, Observer.class)) {
      Universe universe = container.select(Universe.class).get();
      Observer observer = container.select(Observer.class).get();

      universe.createWorld("Earth");
      assertThat(observer.envelopes()).isEmpty();
      transaction.end(Status.STATUS_COMMITTED);
      assertThat(observer.created()).containsExactly(new World.Created("Earth"));

      transaction.status = Status.STATUS_ACTIVE;
      universe.createWorld("Mars");
      transaction.end(Status.STATUS_ROLLEDBACK);
      assertThat(observer.created()).containsExactly(new World.Created("Earth"));
      assertThat(observer.envelopes()).hasSize(1);
    }
  }

  @Test
  void theEventsOfASystemsApplicationsAreFiredToo() {
    try (WeldContainer container = start(SystemConfig.class, Universe.class, WorldCounter.class, Observer.class)) {
      Universe universe = container.select(Universe.class).get();
      Observer observer = container.select(Observer.class).get();

      universe.createWorld("Earth");

      // the Universe's world, then the one its follower saves when it counts it
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(observer.created())
          .containsExactlyInAnyOrder(new World.Created("Earth"), new World.Created("counted Earth")));
    }
  }
}
