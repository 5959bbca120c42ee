package dev.eventsourcing.jpa.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.eventsourcing.jpa.JpaErrors;
import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.IntegrityException;
import dev.eventsourcing.persistence.OperationalException;
import dev.eventsourcing.persistence.PersistenceException;
import dev.eventsourcing.persistence.ProgrammingException;
import dev.eventsourcing.persistence.RecordConflictException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's driver reports without SQLState: its result codes land in the right persistence exceptions. */
class SqliteErrorsTest {
  private static PersistenceException translate(Throwable failure) {
    return JpaErrors.translate(failure, "Universe", "inserting 2 events", SqliteErrors.INSTANCE);
  }

  /** What the driver throws for {@code sql} on a table with a primary key, a unique column and a NOT NULL one. */
  private static SQLException failureOf(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT NOT NULL)");
      statement.execute("INSERT INTO t VALUES (1, 'a', 'one')");
      return catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
    }
  }

  @Test
  void theDriversKeyViolationsAreConflictsAndOtherConstraintsAreNot() throws SQLException {
    PersistenceException primaryKey = translate(failureOf("INSERT INTO t VALUES (1, 'b', 'two')"));
    PersistenceException unique = translate(failureOf("INSERT INTO t VALUES (2, 'a', 'two')"));
    PersistenceException notNull = translate(failureOf("INSERT INTO t VALUES (2, 'b', NULL)"));

    assertThat(primaryKey).isInstanceOf(RecordConflictException.class)
        .hasMessageStartingWith("application Universe: inserting 2 events failed")
        .hasMessageContaining("SQLITE_CONSTRAINT_PRIMARYKEY");
    assertThat(unique).isInstanceOf(RecordConflictException.class);
    assertThat(notNull).isInstanceOf(IntegrityException.class).isNotInstanceOf(RecordConflictException.class);
  }

  @Test
  void theDriversResultCodesMapToTheirFamilies() throws SQLException {
    assertThat(translate(failureOf("SELECT * FROM no_such_table"))).isInstanceOf(ProgrammingException.class);
    assertThat(translate(new SQLiteException("database is locked", SQLiteErrorCode.SQLITE_BUSY)))
        .isInstanceOf(OperationalException.class);
    assertThat(translate(new SQLiteException("string or blob too big", SQLiteErrorCode.SQLITE_TOOBIG)))
        .isInstanceOf(DataException.class);
  }

  @Test
  void withoutTheStoresDriverErrorsASqliteCodeIsNotGuessed() throws SQLException {
    PersistenceException translated =
        JpaErrors.translate(failureOf("INSERT INTO t VALUES (1, 'b', 'two')"), "Universe", "inserting 2 events");

    assertThat(translated).isNotInstanceOf(RecordConflictException.class);
  }
}
