package dev.eventsourcing.jpa.orm;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/** The database of a Hibernate entity manager, kept apart so that nothing else of the store needs Hibernate. */
final class HibernateConnections {
  private HibernateConnections() {}

  static boolean isHibernate(EntityManager entityManager) {
    return entityManager.getDelegate() instanceof Session;
  }

  static String productName(EntityManager entityManager) {
    return entityManager.unwrap(Session.class)
        .doReturningWork(connection -> connection.getMetaData().getDatabaseProductName());
  }
}
