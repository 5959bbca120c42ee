package dev.eventsourcing.jpa.postgres;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source of one open connection that counts the round trips its thread makes to the server: the Sync
 * messages the driver sends, after each of which it waits for the server's ReadyForQuery (the driver logs each at
 * FINEST). Closing a connection it gave out leaves the connection open, as a pool does; {@link #close} closes it.
 */
final class RoundTrips implements DataSource, AutoCloseable {
  private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

  private final Connection connection;
  private final Thread counted = Thread.currentThread();
  private final AtomicInteger syncs = new AtomicInteger();
  private final Level previousLevel;
  private final Handler counter = new Handler() {
    @Override
    public void publish(LogRecord record) {
      if (Thread.currentThread() == counted && " FE=> Sync".equals(record.getMessage())) {
        syncs.incrementAndGet();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  RoundTrips(DataSource server) throws SQLException {
    this.connection = server.getConnection();
    this.previousLevel = DRIVER.getLevel();
    counter.setLevel(Level.FINEST);
    DRIVER.addHandler(counter);
    DRIVER.setLevel(Level.FINEST);
  }

  /** The round trips since the last call. */
  int take() {
    return syncs.getAndSet(0);
  }

  @Override
  public Connection getConnection() {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String user, String password) {
    return getConnection();
  }

  @Override
  public void close() throws SQLException {
    DRIVER.removeHandler(counter);
    DRIVER.setLevel(previousLevel);
    connection.close();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    throw new SQLException("not a wrapper");
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return false;
  }
}
