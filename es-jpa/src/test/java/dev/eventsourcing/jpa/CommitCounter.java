package dev.eventsourcing.jpa;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that counts the commits made through its connections: {@link Connection#commit()} calls, and
 * {@code COMMIT} statements run with {@link Statement#execute(String)} (as the SQLite store ends its transactions).
 */
public final class CommitCounter implements DataSource {
  private final DataSource target;
  private final AtomicInteger commits = new AtomicInteger();

  public CommitCounter(DataSource target) {
    this.target = target;
  }

  /** The commits since the last call. */
  public int take() {
    return commits.getAndSet(0);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return counting(target.getConnection());
  }

  @Override
  public Connection getConnection(String user, String password) throws SQLException {
    return counting(target.getConnection(user, password));
  }

  private Connection counting(Connection connection) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("commit")) {
            commits.incrementAndGet();
          }
          Object result = invoke(method, connection, args);
          if (method.getName().equals("createStatement") && result instanceof Statement statement) {
            return countingStatement(statement);
          }
          return result;
        });
  }

  private Statement countingStatement(Statement statement) {
    return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
        (proxy, method, args) -> {
          if (method.getName().equals("execute") && args != null && args.length == 1
              && "COMMIT".equalsIgnoreCase(String.valueOf(args[0]).trim())) {
            commits.incrementAndGet();
          }
          return invoke(method, statement, args);
        });
  }

  private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return target.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    target.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    target.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return target.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return target.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    return target.unwrap(type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) throws SQLException {
    return target.isWrapperFor(type);
  }
}
