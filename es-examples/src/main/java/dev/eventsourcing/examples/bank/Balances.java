package dev.eventsourcing.examples.bank;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.JpaProjection;
import dev.eventsourcing.jpa.ProjectionPosition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The balance of every account, kept from the bank's events in the table {@code balances}: each batch of events
 * and the projection's position are committed together, so every event counts once. The view is plain JPA, in a
 * persistence unit of {@link Balance} and {@link ProjectionPosition} on any provider.
 */
public class Balances extends JpaProjection {
  public Balances(EntityManagerFactory views) {
    super("balances", views, 100);
  }

  /** The balance of an account as the view has it, or {@code null} if the view has not seen it opened. */
  public static @Nullable Balance find(EntityManagerFactory views, UUID accountId) {
    EntityManager view = views.createEntityManager();
    try {
      return view.find(Balance.class, accountId);
    } finally {
      view.close();
    }
  }

  @Override
  protected void project(DomainEvent<?> event, EntityManager view) {
    if (event.payload() instanceof Account.Opened opened) {
      view.persist(new Balance(event.originatorId(), opened.owner()));
    } else if (event.payload() instanceof Account.Deposited deposited) {
      view.find(Balance.class, event.originatorId()).add(deposited.cents());
    } else if (event.payload() instanceof Account.Withdrawn withdrawn) {
      view.find(Balance.class, event.originatorId()).add(-withdrawn.cents());
    }
  }

  @Override
  protected void clear(EntityManager view) {
    view.createQuery("delete from Balance").executeUpdate();
  }
}
