package dev.eventsourcing.jpa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A data source that counts the commits made through its connections: {@link Connection#commit()} calls, and
 * {@code COMMIT} statements run with {@link Statement#execute(String)} (as the SQLite store ends its transactions).
 */
public final class CommitCounter extends WrappingDataSource {
  private final AtomicInteger commits = new AtomicInteger();

  public CommitCounter(DataSource target) {
    super(target);
  }

  /** The commits since the last call. */
  public int take() {
    return commits.getAndSet(0);
  }

  @Override
  protected Connection wrap(Connection connection) {
    return counting(connection);
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
}
