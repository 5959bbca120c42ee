package dev.eventsourcing.jpa;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.Tracking;
import dev.eventsourcing.system.ProcessingSettings;
import dev.eventsourcing.system.Projection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A {@link Projection} whose view is JPA entities of the user's, in a persistence unit that also manages {@link
 * ProjectionPosition}: each batch's changes to the entities and the projection's position are committed in one
 * transaction of one {@code EntityManager}. Within a batch, {@link #project} sees the changes of the batch's
 * earlier events, as they are in the same persistence context.
 *
 * <pre>{@code
 * class Balances extends JpaProjection {
 *   Balances(EntityManagerFactory views) {
 *     super("balances", views, 100);
 *   }
 *
 *   protected void project(DomainEvent<?> event, EntityManager view) {
 *     if (event.payload() instanceof Account.Opened) {
 *       view.persist(new Balance(event.originatorId()));
 *     } else if (event.payload() instanceof Account.Deposited deposited) {
 *       view.find(Balance.class, event.originatorId()).add(deposited.cents());
 *     }
 *   }
 *
 *   protected void clear(EntityManager view) {
 *     view.createQuery("delete from Balance").executeUpdate();
 *   }
 * }
 * }</pre>
 *
 * <p>To rebuild the view, {@link #reset()} it and process again.
 */
public abstract class JpaProjection extends Projection {
  private final EntityManagerFactory views;

  /**
   * @param views the persistence unit of the view's entities and of {@link ProjectionPosition}; the caller keeps
   *     it and closes it
   */
  protected JpaProjection(String name, EntityManagerFactory views, int batchSize) {
    super(name, batchSize);
    this.views = views;
  }

  /**
   * @param views the persistence unit of the view's entities and of {@link ProjectionPosition}; the caller keeps
   *     it and closes it
   * @param settings the batch size and retry delays, as {@link Projection#Projection(String, ProcessingSettings)}
   */
  protected JpaProjection(String name, EntityManagerFactory views, ProcessingSettings settings) {
    super(name, settings);
    this.views = views;
  }

  /** Applies one upstream event to the view, through the given entity manager; called in the batch's transaction. */
  protected abstract void project(DomainEvent<?> event, EntityManager view);

  /** Deletes the view's rows; called by {@link #reset()} in its transaction. */
  protected abstract void clear(EntityManager view);

  /** Deletes the view's rows and the projection's positions in one transaction, so processing rebuilds it. */
  public void reset() {
    inTransaction("resetting the view", view -> {
      clear(view);
      view.createQuery("delete from ProjectionPosition p where p.projectionName = :name")
          .setParameter("name", name())
          .executeUpdate();
    });
  }

  @Override
  protected @Nullable Long position(String upstreamName) {
    EntityManager view = views.createEntityManager();
    try {
      ProjectionPosition position =
          view.find(ProjectionPosition.class, new ProjectionPosition.Key(name(), upstreamName));
      return position == null ? null : position.notificationId();
    } catch (RuntimeException e) {
      throw JpaErrors.translate(e, name(), "reading the position in " + upstreamName);
    } finally {
      view.close();
    }
  }

  @Override
  protected void record(List<DomainEvent<?>> events, Tracking last, @Nullable Long previous) {
    inTransaction("projecting notifications up to " + last.notificationId() + " of " + last.applicationName(),
        view -> {
          for (DomainEvent<?> event : events) {
            project(event, view);
          }
          if (previous == null) {
            view.persist(new ProjectionPosition(name(), last.applicationName(), last.notificationId()));
            view.flush();
          } else {
            int moved = view.createQuery("update ProjectionPosition p set p.notificationId = :last"
                    + " where p.projectionName = :name and p.applicationName = :upstream"
                    + " and p.notificationId = :previous")
                .setParameter("last", last.notificationId())
                .setParameter("name", name())
                .setParameter("upstream", last.applicationName())
                .setParameter("previous", previous)
                .executeUpdate();
            if (moved != 1) {
              throw new RecordConflictException("projection " + name() + ": its position in "
                  + last.applicationName() + " is no longer " + previous + ": another process moved it");
            }
          }
        });
  }

  private void inTransaction(String operation, Consumer<EntityManager> work) {
    EntityManager view = views.createEntityManager();
    EntityTransaction transaction = view.getTransaction();
    try {
      transaction.begin();
      work.accept(view);
      transaction.commit();
    } catch (RuntimeException e) {
      if (transaction.isActive()) {
        try {
          transaction.rollback();
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw isPersistenceFailure(e) ? JpaErrors.translate(e, name(), operation) : e;
    } finally {
      view.close();
    }
  }

  /** Whether JPA failed, rather than the view's own code. */
  private static boolean isPersistenceFailure(RuntimeException e) {
    return e instanceof jakarta.persistence.PersistenceException
        || e instanceof dev.eventsourcing.persistence.PersistenceException;
  }
}
