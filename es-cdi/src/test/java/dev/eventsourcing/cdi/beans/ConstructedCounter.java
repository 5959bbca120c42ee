package dev.eventsourcing.cdi.beans;

import dev.eventsourcing.application.ApplicationContext;
import dev.eventsourcing.cdi.EventSourcingApplication;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Follows the Universe, constructed by the container with its context and a bean injected into its constructor. */
@EventSourcingApplication
public class ConstructedCounter extends ProcessApplication {
  private final Naming naming;
  private final List<String> named = new CopyOnWriteArrayList<>();

  /** For the container's client proxy, which opens nothing. */
  protected ConstructedCounter() {
    this.naming = null;
  }

  @Inject
  public ConstructedCounter(ApplicationContext context, Naming naming) {
    super(context);
    this.naming = naming;
  }

  @Override
  protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
    if (event.payload() instanceof World.Created created) {
      String name = naming.of(created.name());
      named.add(name);
      processing.collectEvents(new World(name));
    }
  }

  /** The names of the worlds it made, in order. */
  public List<String> named() {
    return List.copyOf(named);
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(World.class);
  }
}
