package dev.eventsourcing.jpa;

import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;

/**
 * A JNDI provider for tests, as an application server would provide one: select it with the system property
 * {@code java.naming.factory.initial}, and bind objects in {@link #BOUND}.
 */
public final class TestNamingContextFactory implements InitialContextFactory {
  public static final Map<String, Object> BOUND = new ConcurrentHashMap<>();

  @Override
  public Context getInitialContext(Hashtable<?, ?> environment) {
    return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
        (proxy, method, args) -> switch (method.getName()) {
          case "lookup" -> {
            Object bound = BOUND.get(String.valueOf(args[0]));
            if (bound == null) {
              throw new NameNotFoundException(args[0] + " is not bound");
            }
            yield bound;
          }
          case "close" -> null;
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }
}
