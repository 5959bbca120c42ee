package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.JpaErrors;
import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.WriterQueue;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.NotificationCounter;
import dev.eventsourcing.persistence.PersistenceException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import jakarta.persistence.EntityExistsException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One application's tables in one persistence unit, and the transactions on them: what the recorders of the JPA
 * store share. The unit ({@link OrmUnit}) gives the entity managers and runs each write in one transaction,
 * committed whole or rolled back whole; every failure leaves as a persistence exception naming the application.
 */
final class OrmStore implements AutoCloseable {
  private static final String SELECT_MAX_NOTIFICATION = "SELECT MAX(e.notificationId) FROM " + EventRecord.ENTITY
      + " e";

  private static final int DDL_ATTEMPTS = 3;

  private final String applicationName;
  private final TableNames tables;
  private final Database database;
  private final OrmUnit unit;
  private final List<AutoCloseable> resources;
  private final WriterQueue writers;
  private final @Nullable String lockEvents;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** A store on a persistence unit of its own, in resource-local transactions. */
  OrmStore(String applicationName, TableNames tables, Database database, EntityManagerFactory entityManagers,
      List<? extends AutoCloseable> resources) {
    this(applicationName, tables, database, new LocalUnit(entityManagers), resources);
  }

  /** @param resources what the store closes after the unit, such as its pool */
  OrmStore(String applicationName, TableNames tables, Database database, OrmUnit unit,
      List<? extends AutoCloseable> resources) {
    this.applicationName = applicationName;
    this.tables = tables;
    this.database = database;
    this.unit = unit;
    this.resources = List.copyOf(resources);
    // Writers of this process wait here, holding no connection, rather than in the database's lock; not in JTA
    // transactions, where the lock outlasts the write (see WriterQueue).
    this.writers = unit.joinsCallersTransactions() ? WriterQueue.none(applicationName)
        : new WriterQueue(applicationName, -1, "");
    this.lockEvents = database.countsInARow() ? null : database.lockEvents(tables);
  }

  String applicationName() {
    return applicationName;
  }

  Database database() {
    return database;
  }

  /** Runs reads outside a transaction of the store's (in the caller's JTA transaction, if the unit joins one). */
  <T> T read(String operation, Function<EntityManager, T> work) {
    try {
      return unit.read(work);
    } catch (Exception e) {
      throw translate(e, operation);
    }
  }

  /**
   * Runs {@code work} in one transaction, flushed and committed if it returns, rolled back if anything fails. Work
   * that writes events starts with {@link #lockEvents}.
   */
  <T> T writeEvents(String operation, Function<EntityManager, T> work) {
    return writers.inTurn(operation, () -> inTransaction(operation, work));
  }

  /**
   * Runs {@code work} as {@link #writeEvents}; it writes no events, and takes no turn unless the database has one
   * writer.
   */
  <T> T write(String operation, Function<EntityManager, T> work) {
    return database.isSingleWriter() ? writeEvents(operation, work) : inTransaction(operation, work);
  }

  private <T> T inTransaction(String operation, Function<EntityManager, T> work) {
    try {
      return unit.inTransaction(work);
    } catch (Exception e) {
      throw translate(e, operation);
    }
  }

  /**
   * Keeps the other writers of events out until the transaction ends, and returns the highest notification id
   * recorded (0 if none). The events of the transaction get the ids after it, so ids are gap-free, contiguous per
   * transaction and in commit order: no reader can see id N before every id below N is committed. Where the
   * database has no table lock the store takes, the counter row is read with {@code PESSIMISTIC_WRITE}, and its
   * count is the highest id.
   */
  long lockEvents(EntityManager entityManager) {
    if (lockEvents == null) {
      return counter(entityManager, LockModeType.PESSIMISTIC_WRITE).notificationId();
    }
    entityManager.createNativeQuery(lockEvents).executeUpdate();
    Long highest = maxNotificationId(entityManager);
    return highest == null ? 0 : highest;
  }

  /** After {@link #lockEvents}, in its transaction: the ids up to {@code highestId} are assigned. */
  void assigned(EntityManager entityManager, long highestId) {
    if (lockEvents == null) {
      counter(entityManager, LockModeType.NONE).advanceTo(highestId);
    }
  }

  private NotificationCounter counter(EntityManager entityManager, LockModeType lock) {
    NotificationCounter counter = entityManager.find(NotificationCounter.class, NotificationCounter.ID, lock);
    if (counter == null) {
      throw new ProgrammingException("application " + applicationName + ": the counter row of "
          + tables.counter() + " is not there: its tables are created by the store (CREATE_TABLE=true), with it");
    }
    return counter;
  }

  /** The highest notification id recorded, or {@code null} if none. */
  @Nullable Long maxNotificationId(EntityManager entityManager) {
    return entityManager.createQuery(SELECT_MAX_NOTIFICATION, Long.class).getSingleResult();
  }

  /**
   * Creates the tables, each if it does not exist, with the DDL of the JDBC stores (or of {@link CounterTables}), in
   * one transaction. A failure is retried twice, for a creator of the same tables at the same time can make one
   * (MariaDB's DDL deadlocks with it, H2's {@code CREATE INDEX IF NOT EXISTS} finds its index half made); the
   * statements change nothing where the tables are there.
   */
  void createTables(String... logicalTables) {
    List<String> statements = new ArrayList<>();
    for (String table : logicalTables) {
      statements.addAll(database.createStatements(tables, table));
    }
    String operation = "creating tables " + String.join(", ", logicalTables);
    Function<EntityManager, Void> create = entityManager -> {
      for (String statement : statements) {
        // PostgreSQL's DDL begins with a SELECT that takes an advisory lock.
        if (statement.toUpperCase(Locale.ROOT).startsWith("SELECT")) {
          entityManager.createNativeQuery(statement).getResultList();
        } else {
          entityManager.createNativeQuery(statement).executeUpdate();
        }
      }
      return null;
    };
    for (int attempt = 1; ; attempt++) {
      try {
        if (database.isSingleWriter()) {
          writers.inTurn(operation, () -> inNewTransaction(operation, create));
        } else {
          inNewTransaction(operation, create);
        }
        return;
      } catch (PersistenceException e) {
        if (attempt == DDL_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private <T> T inNewTransaction(String operation, Function<EntityManager, T> work) {
    try {
      return unit.inNewTransaction(work);
    } catch (Exception e) {
      throw translate(e, operation);
    }
  }

  /**
   * After a data key was erased, outside a transaction: removes what copies of the erased record the database
   * keeps outside its tables and can remove at once. SQLite's write-ahead log is emptied into the file.
   */
  void removeErasedCopies() {
    if (database == Database.SQLITE) {
      read("removing copies of an erased data key", entityManager ->
          entityManager.createNativeQuery("PRAGMA wal_checkpoint(TRUNCATE)").getResultList());
    }
  }

  /**
   * The persistence exception of a failure. A provider that finds two entities of one key in the same persistence
   * context (one batch holding an event twice) throws {@link EntityExistsException} before any statement runs: a
   * conflict, as a unique violation of the database is.
   */
  private RuntimeException translate(Exception failure, String operation) {
    if (failure instanceof EntityExistsException && !hasSqlCause(failure)) {
      return new RecordConflictException("application " + applicationName + ": " + operation + " failed: "
          + failure.getMessage(), failure);
    }
    return JpaErrors.translate(failure, applicationName, operation, database.driverErrors());
  }

  private static boolean hasSqlCause(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLException) {
        return true;
      }
    }
    return false;
  }

  /** Closes the unit and then what the store owns, all of them even if one fails. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    RuntimeException failure = null;
    List<AutoCloseable> all = new ArrayList<>();
    all.add(unit);
    all.addAll(resources);
    for (AutoCloseable resource : all) {
      try {
        resource.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = JpaErrors.translate(e, applicationName, "closing the store", database.driverErrors());
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
