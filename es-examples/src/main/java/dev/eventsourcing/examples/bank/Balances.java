package dev.eventsourcing.examples.bank;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.jpa.JpaProjection;
import dev.eventsourcing.jpa.ProjectionPosition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.jspecify.annotations.Nullable;

/**
 * The balance of every account, kept from the bank's events in the table {@code balances}: each batch of events
 * and the projection's position are committed together, so every event counts once.
 */
public class Balances extends JpaProjection {
  public Balances(EntityManagerFactory views) {
    super("balances", views, 100);
  }

  /**
   * The persistence unit of the view, in the given database; it creates the view's tables if they are missing.
   * Hibernate does not log the SQL errors it throws: a conflict with another projector is a normal outcome.
   */
  public static EntityManagerFactory persistenceUnit(DataSource dataSource) {
    HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("bank-views")
        .managedClasses(Balance.class, ProjectionPosition.class);
    Map.<String, Object>of(
            AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource,
            AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "update",
            // Two projectors of one view may insert the same row; the loser's conflict is expected, not an error.
            AvailableSettings.LOG_JDBC_ERRORS, false)
        .forEach(configuration::property);
    return configuration.createEntityManagerFactory();
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
