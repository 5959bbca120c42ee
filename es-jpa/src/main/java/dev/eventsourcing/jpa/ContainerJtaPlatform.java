package dev.eventsourcing.jpa;

import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.List;
import org.hibernate.engine.jndi.JndiException;
import org.hibernate.engine.transaction.jta.platform.internal.AbstractJtaPlatform;
import org.hibernate.engine.transaction.jta.platform.internal.JtaSynchronizationStrategy;
import org.hibernate.engine.transaction.jta.platform.internal.SynchronizationRegistryBasedSynchronizationStrategy;

/**
 * Hibernate's access to a Jakarta EE server's transactions, through the JNDI names of the platform ({@code
 * java:comp/UserTransaction}, {@code java:comp/TransactionSynchronizationRegistry}) and the transaction manager's
 * name in WildFly, GlassFish and Payara, or TomEE.
 */
final class ContainerJtaPlatform extends AbstractJtaPlatform {
  static final String SYNCHRONIZATION_REGISTRY = "java:comp/TransactionSynchronizationRegistry";
  private static final List<String> TRANSACTION_MANAGERS = List.of(
      "java:jboss/TransactionManager", "java:/TransactionManager", "java:appserver/TransactionManager",
      "java:comp/TransactionManager");

  @Override
  protected TransactionManager locateTransactionManager() {
    for (String name : TRANSACTION_MANAGERS) {
      try {
        if (jndiService().locate(name) instanceof TransactionManager manager) {
          return manager;
        }
      } catch (JndiException e) {
        // try the next server's name
      }
    }
    throw new JndiException("no JTA TransactionManager under " + TRANSACTION_MANAGERS, null);
  }

  @Override
  protected UserTransaction locateUserTransaction() {
    return (UserTransaction) jndiService().locate("java:comp/UserTransaction");
  }

  @Override
  protected JtaSynchronizationStrategy getSynchronizationStrategy() {
    return new SynchronizationRegistryBasedSynchronizationStrategy(
        () -> (TransactionSynchronizationRegistry) jndiService().locate(SYNCHRONIZATION_REGISTRY));
  }
}
