package dev.eventsourcing.cdi;

import dev.eventsourcing.domain.DomainEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;
import java.util.List;
import java.util.function.Consumer;

/**
 * Fires an application's saved domain events as CDI events, once they are committed: after the caller's JTA
 * transaction has committed when the save joined one (and never if it rolls back), at once otherwise. Each event is
 * fired twice, as its {@link DomainEvent} envelope and as its payload, to synchronous observers ({@code @Observes})
 * and then to asynchronous ones ({@code @ObservesAsync}). In-process and at most once: an event saved just before
 * the process stops is not fired, and an observer's failure is logged and not retried; a process application is
 * the way to process every event exactly once.
 */
final class SavedEvents implements Consumer<List<DomainEvent<?>>> {
  private static final System.Logger LOGGER = System.getLogger(SavedEvents.class.getName());
  private static final boolean JTA = ContainerSettings.isPresent("jakarta.transaction.TransactionSynchronizationRegistry");
  private static final TypeLiteral<DomainEvent<?>> ENVELOPE = new TypeLiteral<>() {};

  private final BeanManager beans;
  private final String application;

  SavedEvents(BeanManager beans, String application) {
    this.beans = beans;
    this.application = application;
  }

  @Override
  public void accept(List<DomainEvent<?>> saved) {
    if (!JTA || !AfterCommit.defer(() -> fire(saved))) {
      fire(saved);
    }
  }

  private void fire(List<DomainEvent<?>> saved) {
    Event<DomainEvent<?>> envelopes = beans.getEvent().select(ENVELOPE);
    Event<Object> payloads = beans.getEvent();
    for (DomainEvent<?> event : saved) {
      try {
        envelopes.fire(event);
        payloads.fire(event.payload());
      } catch (RuntimeException e) {
        LOGGER.log(System.Logger.Level.WARNING, "an observer of the saved events of application " + application
            + " failed on " + describe(event) + "; the event is saved, and is not fired again", e);
      }
      envelopes.fireAsync(event).exceptionally(failure -> logAsync(event, failure));
      payloads.fireAsync(event.payload()).exceptionally(failure -> logAsync(event, failure));
    }
  }

  private <T> T logAsync(DomainEvent<?> event, Throwable failure) {
    LOGGER.log(System.Logger.Level.WARNING, "an asynchronous observer of the saved events of application "
        + application + " failed on " + describe(event) + "; it is not fired again", failure);
    return null;
  }

  /** Names the event without its state, which may be personal data. */
  private static String describe(DomainEvent<?> event) {
    return event.payload().getClass().getName() + " " + event.originatorId() + " v" + event.originatorVersion();
  }
}
