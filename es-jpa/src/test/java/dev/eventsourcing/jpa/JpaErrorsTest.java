package dev.eventsourcing.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.persistence.DatabaseException;
import dev.eventsourcing.persistence.InterfaceException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.PersistenceException;
import dev.eventsourcing.persistence.RecordConflictException;
import jakarta.transaction.RollbackException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Every kind of driver, pool and transaction manager failure lands in the right persistence exception, naming what failed. */
class JpaErrorsTest {
  private static PersistenceException translate(Throwable failure) {
    return JpaErrors.translate(failure, "Universe", "inserting 2 events");
  }

  /** A failure as a pool's or a server's wrapper of the driver's exception holds it. */
  private static RuntimeException wrapped(String message, Throwable cause) {
    return new IllegalStateException(message, cause);
  }

  @Test
  void aUniqueViolationUnderAServersRollbackIsARecordConflict() {
    PSQLException duplicate = new PSQLException("duplicate key value", PSQLState.UNIQUE_VIOLATION);
    RollbackException failure = new RollbackException("commit failed");
    failure.initCause(wrapped("could not execute batch", duplicate));

    PersistenceException translated = translate(failure);

    assertThat(translated).isInstanceOf(RecordConflictException.class).hasCause(failure);
    assertThat(translated.getMessage())
        .startsWith("application Universe: inserting 2 events failed")
        .contains("23505")
        .contains("duplicate key value");
  }

  @Test
  void aUniqueViolationInsideAFailedBatchIsARecordConflict() {
    BatchUpdateException batch = new BatchUpdateException("batch entry 1 was aborted", null, 0, new int[0], null);
    batch.setNextException(new SQLException("duplicate key value", "23505"));

    assertThat(translate(wrapped("could not execute batch", batch)))
        .isInstanceOf(RecordConflictException.class);
  }

  @ParameterizedTest
  @CsvSource({
    "08006, OperationalException",
    "08001, OperationalException",
    "57P01, OperationalException",
    "57P02, OperationalException",
    "57P03, OperationalException",
    "55P03, OperationalException",
    "40001, OperationalException",
    "40P01, OperationalException",
    "53300, OperationalException",
    "42P01, ProgrammingException",
    "42501, ProgrammingException",
    "3F000, ProgrammingException",
    "28P01, ProgrammingException",
    "22021, DataException",
    "22P02, DataException",
    "23502, IntegrityException",
    "0A000, NotSupportedException",
    "XX000, InternalException",
  })
  void sqlStatesMapToTheirFamilies(String sqlState, String expected) {
    PersistenceException translated =
        translate(wrapped("statement failed", new SQLException("server says no", sqlState)));

    assertThat(translated.getClass().getSimpleName()).isEqualTo(expected);
    assertThat(translated.getMessage()).contains("application Universe", sqlState, "server says no");
  }

  @Test
  void aDriversOwnCodeWithoutSqlStateIsReadOnlyByTheStoresDriverErrors() {
    SQLException busy = new SQLException("[SQLITE_BUSY] The database file is locked", null, 5);
    OperationalException retry = new OperationalException("busy");

    assertThat(translate(busy)).isExactlyInstanceOf(DatabaseException.class).hasMessageContaining("error code 5");
    assertThat(JpaErrors.translate(busy, "Universe", "inserting 2 events",
        (e, message, failure) -> e.getErrorCode() == 5 ? retry : null)).isSameAs(retry);
  }

  @Test
  void aPoolTimeoutWithoutSqlStateIsOperational() {
    SQLTransientConnectionException timeout =
        new SQLTransientConnectionException("eventsourcing-Universe - Connection is not available");

    assertThat(translate(timeout))
        .isInstanceOf(OperationalException.class)
        .hasMessageContaining("Connection is not available");
  }

  @Test
  void aPersistenceExceptionPassesThroughUnchanged() {
    RecordConflictException conflict = new RecordConflictException("application Universe: already tracked");

    assertThat(translate(conflict)).isSameAs(conflict);
  }

  @Test
  void anythingElseIsAnInterfaceExceptionNamingTheApplication() {
    assertThat(translate(new IllegalStateException("session closed")))
        .isInstanceOf(InterfaceException.class)
        .hasMessageContaining("application Universe")
        .hasMessageContaining("session closed");
  }
}
