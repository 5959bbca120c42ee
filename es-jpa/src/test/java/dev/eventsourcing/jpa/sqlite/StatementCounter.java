package dev.eventsourcing.jpa.sqlite;

import dev.eventsourcing.jpa.WrappingDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A data source that counts how the inserts sent through its connections reach the driver. */
final class StatementCounter extends WrappingDataSource {
  private final List<Integer> batchedInserts = new ArrayList<>();
  private final AtomicInteger singleInserts = new AtomicInteger();

  StatementCounter(DataSource target) {
    super(target);
  }

  synchronized void reset() {
    batchedInserts.clear();
    singleInserts.set(0);
  }

  /** The sizes of the batches of inserts executed, in order. */
  synchronized List<Integer> batchedInserts() {
    return List.copyOf(batchedInserts);
  }

  int singleInserts() {
    return singleInserts.get();
  }

  @Override
  protected Connection wrap(Connection connection) {
    return counting(connection);
  }

  private Connection counting(Connection connection) {
    return proxy(Connection.class, connection, (method, args, result) -> {
      if (method.getName().equals("prepareStatement") && ((String) args[0]).toLowerCase(Locale.ROOT)
          .startsWith("insert")) {
        return countingInserts((PreparedStatement) result);
      }
      return result;
    });
  }

  private PreparedStatement countingInserts(PreparedStatement statement) {
    AtomicInteger pending = new AtomicInteger();
    return proxy(PreparedStatement.class, statement, (method, args, result) -> {
      switch (method.getName()) {
        case "addBatch" -> pending.incrementAndGet();
        case "executeBatch" -> {
          synchronized (this) {
            batchedInserts.add(pending.getAndSet(0));
          }
        }
        case "executeUpdate", "execute" -> singleInserts.incrementAndGet();
        default -> {}
      }
      return result;
    });
  }

  private interface AfterCall {
    Object after(Method method, Object[] args, Object result);
  }

  private static <T> T proxy(Class<T> type, T target, AfterCall after) {
    InvocationHandler handler = (proxy, method, args) -> {
      try {
        return after.after(method, args, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
