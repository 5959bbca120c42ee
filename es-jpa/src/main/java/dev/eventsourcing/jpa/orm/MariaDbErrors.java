package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.DriverErrors;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.PersistenceException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB's error codes where its SQLState says too little: a duplicate key ({@code ER_DUP_ENTRY}, 1062, of
 * SQLState 23000, the state of every integrity failure there) is a {@link RecordConflictException}, a lock wait
 * timeout (1205) an {@link OperationalException}.
 */
final class MariaDbErrors implements DriverErrors {
  static final MariaDbErrors INSTANCE = new MariaDbErrors();

  private static final int ER_DUP_ENTRY = 1062;
  private static final int ER_LOCK_WAIT_TIMEOUT = 1205;

  private MariaDbErrors() {}

  @Override
  public @Nullable PersistenceException translate(SQLException e, String message, Throwable failure) {
    return switch (e.getErrorCode()) {
      case ER_DUP_ENTRY -> new RecordConflictException(message, failure);
      case ER_LOCK_WAIT_TIMEOUT -> new OperationalException(message, failure);
      default -> null;
    };
  }
}
