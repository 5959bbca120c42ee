package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.DatabaseException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.InterfaceException;
import dev.eventsourcing.persistence.InternalException;
import dev.eventsourcing.persistence.NotSupportedException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.PersistenceException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Translates what JDBC, the pool and a server's transactions throw into the persistence exceptions, the one place
 * where this happens. The cause chain is walked (a transaction manager wraps the driver's exception, and a failed
 * batch holds it as its next exception) to the first {@link SQLException} whose SQLState, or the driver's own code
 * as the store's {@link DriverErrors} reads it, says what happened:
 *
 * <ul>
 *   <li>a unique or primary key violation (SQLState 23505): {@link RecordConflictException}; other class 23 states:
 *       {@link IntegrityException};
 *   <li>connection failures (class 08, 57P01 to 57P03, a pool's timeout), lock timeouts (55P03), serialization
 *       failures and deadlocks (class 40), insufficient resources (class 53): {@link OperationalException}, which is
 *       safe to retry;
 *   <li>class 42 (syntax, no such table, privileges), 3D and 3F (no such database or schema), 28 (failed
 *       authorization): {@link ProgrammingException};
 *   <li>class 22: {@link DataException}.
 * </ul>
 *
 * <p>Nothing here depends on a driver: a store whose driver reports without SQLState (SQLite's), or with one that says
 * too little (MariaDB's 23000 of every integrity failure), gives its {@link DriverErrors}, read first, and a PostgreSQL user's class path needs no other database's driver.
 *
 * <p>Messages name the application and the operation, and carry the driver's message, never a password or a
 * record's state.
 */
public final class JpaErrors {
  private static final int MAX_NEXT_EXCEPTIONS = 16;

  private JpaErrors() {}

  /**
   * The persistence exception for a failure of an operation of an application's store.
   *
   * @param operation what was attempted, such as {@code inserting 2 events (first: <id> v1)}
   */
  public static PersistenceException translate(Throwable failure, String application, String operation) {
    return translate(failure, application, operation, DriverErrors.NONE);
  }

  /**
   * The persistence exception for a failure of an operation of an application's store, whose driver's own codes
   * {@code driver} reads where an exception has no SQLState.
   *
   * @param operation what was attempted, such as {@code inserting 2 events (first: <id> v1)}
   */
  public static PersistenceException translate(Throwable failure, String application, String operation,
      DriverErrors driver) {
    if (failure instanceof PersistenceException known) {
      return known;
    }
    String prefix = "application " + application + ": " + operation + " failed";
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        SQLException each = sql;
        for (int depth = 0; each != null && depth < MAX_NEXT_EXCEPTIONS; depth++) {
          PersistenceException translated = translate(each, prefix, failure, driver);
          if (translated != null) {
            return translated;
          }
          each = each.getNextException();
        }
      }
    }
    SQLException first = firstSqlException(failure);
    if (first != null) {
      return new DatabaseException(prefix + ": " + describe(first), failure);
    }
    if (isConnectionFailure(failure)) {
      return new OperationalException(prefix + ": " + failure.getMessage(), failure);
    }
    return new InterfaceException(prefix + ": " + failure, failure);
  }

  private static @Nullable PersistenceException translate(SQLException e, String prefix, Throwable failure,
      DriverErrors driver) {
    String message = prefix + ": " + describe(e);
    PersistenceException byDriver = driver.translate(e, message, failure);
    if (byDriver != null) {
      return byDriver;
    }
    String state = e.getSQLState();
    if (state != null && state.length() >= 2) {
      String family = state.substring(0, 2);
      if (state.equals("23505")) {
        return new RecordConflictException(message, failure);
      }
      switch (family) {
        case "23":
          return new IntegrityException(message, failure);
        case "08", "40", "53", "57", "58":
          return new OperationalException(message, failure);
        case "55":
          return state.equals("55P03") || state.equals("55006")
              ? new OperationalException(message, failure)
              : new ProgrammingException(message, failure);
        case "42", "3D", "3F", "28":
          return new ProgrammingException(message, failure);
        case "22":
          return new DataException(message, failure);
        case "0A":
          return new NotSupportedException(message, failure);
        case "XX":
          return new InternalException(message, failure);
        default:
          break;
      }
    }
    if (e instanceof SQLTransientException
        || e instanceof SQLRecoverableException
        || e instanceof SQLNonTransientConnectionException) {
      return new OperationalException(message, failure);
    }
    return null;
  }

  private static @Nullable SQLException firstSqlException(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }

  private static boolean isConnectionFailure(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.SocketException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(SQLException e) {
    String code = e.getSQLState() != null ? "SQLState " + e.getSQLState()
        : e.getErrorCode() != 0 ? "error code " + e.getErrorCode() : "";
    String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
    return code.isEmpty() ? message : code + ": " + message;
  }
}
