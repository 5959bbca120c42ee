package dev.eventsourcing.jpa.orm;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The HikariCP pool of a persistence unit the store builds from {@code JPA_JDBC_URL}, whichever its provider. */
final class OwnPool {
  private static final int POOL_SIZE = 5;
  private static final int SQLITE_POOL_SIZE = 4;
  private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;

  private OwnPool() {}

  /** @param secureDelete whether SQLite overwrites the bytes of deleted and updated records (for erased data keys) */
  static HikariDataSource open(String applicationName, OrmSettings settings, Database database, boolean secureDelete) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setPoolName("eventsourcing-jpa-" + applicationName);
    config.setMinimumIdle(1);
    config.setMaximumPoolSize(database == Database.SQLITE ? SQLITE_POOL_SIZE : POOL_SIZE);
    if (database == Database.SQLITE) {
      // As the sqlite store's: readers never wait for the writer, and a writer of another process is waited for.
      config.addDataSourceProperty("journal_mode", "WAL");
      config.addDataSourceProperty("busy_timeout", String.valueOf(SQLITE_BUSY_TIMEOUT_MILLIS));
      if (secureDelete) {
        config.addDataSourceProperty("secure_delete", "true");
      }
    } else if (database == Database.POSTGRESQL) {
      // A failed batch's message would show the values of its rows, the events' state among them.
      config.addDataSourceProperty("logServerErrorDetail", "false");
    }
    return new HikariDataSource(config);
  }
}
