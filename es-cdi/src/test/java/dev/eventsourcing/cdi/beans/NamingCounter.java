package dev.eventsourcing.cdi.beans;

import dev.eventsourcing.cdi.EventSourcingApplication;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Follows the Universe with field and initializer injection, a {@code PostConstruct} method and an intercepted
 * business method; its policy uses what was injected, and notes what it found and on which instance it ran.
 */
@EventSourcingApplication
public class NamingCounter extends ProcessApplication {
  @Inject Naming naming;
  private Naming initialized;
  private volatile boolean constructed;
  private final List<String> named = new CopyOnWriteArrayList<>();
  private final List<Object> processedBy = new CopyOnWriteArrayList<>();

  @Inject
  void initialize(Naming naming) {
    this.initialized = naming;
  }

  @PostConstruct
  void ready() {
    constructed = true;
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    if (event.payload() instanceof World.Created created) {
      // throws, and stops the follower, if a worker processed before the container injected the fields
      String name = naming.of(created.name());
      if (initialized == null || !constructed) {
        throw new IllegalStateException("processed before the initializer and PostConstruct ran");
      }
      named.add(name);
      processedBy.add(this);
      processing.collectEvents(new World(name));
    }
  }

  /** The names of the worlds it made, in order. */
  @Counted
  public List<String> named() {
    return List.copyOf(named);
  }

  /** The instances whose policy processed, each once per world. */
  public List<Object> processedBy() {
    return List.copyOf(processedBy);
  }

  /**
   * The identity hash of the instance itself, behind the container's client proxy (which returns itself from a
   * method that returns {@code this}).
   */
  public int identity() {
    return System.identityHashCode(this);
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(World.class);
  }
}
