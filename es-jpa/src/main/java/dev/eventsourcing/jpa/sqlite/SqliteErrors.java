package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.jpa.DriverErrors;
import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.DatabaseException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.PersistenceException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * SQLite's primary result codes, which its driver reports as the vendor code of an exception without SQLState (one
 * with a SQLState is left to it):
 *
 * <ul>
 *   <li>{@code SQLITE_CONSTRAINT} (19) of a unique or primary key: {@link RecordConflictException}; of another
 *       constraint: {@link IntegrityException};
 *   <li>{@code BUSY}, {@code LOCKED}, {@code NOMEM}, {@code INTERRUPT}, {@code IOERR}, {@code FULL}, {@code
 *       CANTOPEN} and {@code PROTOCOL}: {@link OperationalException}, which is safe to retry;
 *   <li>{@code CORRUPT}, {@code TOOBIG}, {@code MISMATCH}, {@code RANGE} and {@code NOTADB}: {@link DataException};
 *   <li>the generic error (no such table, syntax), {@code READONLY} and {@code AUTH}: {@link ProgrammingException}.
 * </ul>
 *
 * <p>It reads only what JDBC defines, so nothing of the driver is loaded to translate.
 */
public final class SqliteErrors implements DriverErrors {
  public static final SqliteErrors INSTANCE = new SqliteErrors();

  private static final int SQLITE_CONSTRAINT = 19;

  private SqliteErrors() {}

  @Override
  public @Nullable PersistenceException translate(SQLException e, String message, Throwable failure) {
    if (e.getSQLState() != null) {
      return null;
    }
    int primary = e.getErrorCode() & 0xff;
    return switch (primary) {
      case 0 -> null;
      case SQLITE_CONSTRAINT -> isKeyViolation(e)
          ? new RecordConflictException(message, failure)
          : new IntegrityException(message, failure);
      case 5, 6, 7, 9, 10, 13, 14, 15 -> new OperationalException(message, failure);
      case 11, 18, 20, 25, 26 -> new DataException(message, failure);
      case 1, 8, 23 -> new ProgrammingException(message, failure);
      default -> new DatabaseException(message, failure);
    };
  }

  /** SQLite says "UNIQUE constraint failed" of a unique index and of a primary key alike. */
  private static boolean isKeyViolation(SQLException e) {
    String text = e.getMessage();
    return text != null && (text.contains("UNIQUE constraint failed") || text.contains("SQLITE_CONSTRAINT_PRIMARYKEY")
        || text.contains("SQLITE_CONSTRAINT_UNIQUE"));
  }
}
