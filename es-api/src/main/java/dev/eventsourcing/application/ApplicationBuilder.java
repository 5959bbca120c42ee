package dev.eventsourcing.application;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Constructs an application of a given class with settings and a store given in code, through the class's
 * constructor without parameters (or, if it has none, its constructor taking a {@code Map} of settings, which is
 * given the builder's settings): the application needs no constructor of its own for them. Runners of systems
 * and the CDI integration construct applications this way.
 *
 * <pre>{@code
 * Universe universe = Application.builder(Universe.class)
 *     .environment(Map.of("PERSISTENCE_MODULE", "postgres"))
 *     .dataSource(dataSource)
 *     .build();
 * }</pre>
 *
 * <p>The settings are the process environment overlaid with those given here, as for {@link
 * Application#Application(Map)}. A builder can build several applications; it is not safe for concurrent use
 * while it is being configured.
 */
public final class ApplicationBuilder<A extends Application> {
  private static final ThreadLocal<@Nullable ApplicationBuilder<?>> CURRENT = new ThreadLocal<>();

  private final Class<A> type;
  private final Map<String, String> environment = new HashMap<>();
  private @Nullable DataSource dataSource;
  private @Nullable Function<Environment, ? extends InfrastructureFactory> factory;
  private DecodableTypes types = DecodableTypes.none();

  ApplicationBuilder(Class<A> type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** Adds settings, which take precedence over the process environment and the constructor's own map. */
  public ApplicationBuilder<A> environment(Map<String, String> settings) {
    settings.forEach(this::setting);
    return this;
  }

  /** Adds one setting. */
  public ApplicationBuilder<A> setting(String key, String value) {
    environment.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "value of " + key));
    return this;
  }

  /**
   * Keeps the events in this {@code DataSource}, with the database store that {@value
   * InfrastructureFactory#PERSISTENCE_MODULE} names (such as {@code postgres}); the caller keeps the {@code
   * DataSource} and closes it.
   */
  public ApplicationBuilder<A> dataSource(DataSource dataSource) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.factory = null;
    return this;
  }

  /**
   * Makes the application's store with this function, from the application's settings. The application closes
   * the factory when it is closed.
   */
  public ApplicationBuilder<A> factory(Function<Environment, ? extends InfrastructureFactory> factory) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.dataSource = null;
    return this;
  }

  /**
   * Adds types the application stores and reads, to those its class declares ({@link Application#types()}): so an
   * application of a class that declares none, such as {@code Application} itself, can be given its types here.
   *
   * @throws dev.eventsourcing.domain.TopicException if a topic names different classes in the types given
   */
  public ApplicationBuilder<A> types(DecodableTypes types) {
    this.types = this.types.and(Objects.requireNonNull(types, "types"));
    return this;
  }

  /** Adds these aggregate classes and payload types, as {@link #types(DecodableTypes)} does. */
  public ApplicationBuilder<A> types(Class<?>... types) {
    return types(DecodableTypes.of(types));
  }

  /**
   * Constructs the application.
   *
   * @throws ConfigurationException if a setting is missing or invalid
   * @throws EventSourcingException if the class has neither constructor, or its constructor does not reach {@link Application#Application()} or {@link Application#Application(Map)}
   */
  public A build() {
    Constructor<A> constructor;
    boolean takesEnvironment = false;
    try {
      constructor = type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      try {
        constructor = type.getDeclaredConstructor(Map.class);
        takesEnvironment = true;
      } catch (NoSuchMethodException none) {
        throw new EventSourcingException("application class " + type.getName()
            + " needs a constructor without parameters, or one taking a Map of settings, to be built", e);
      }
    }
    try {
      constructor.setAccessible(true);
    } catch (RuntimeException e) {
      throw new EventSourcingException("the constructor of application class " + type.getName()
          + " is not accessible: make it public", e);
    }
    Constructor<A> chosen = constructor;
    Object[] arguments = takesEnvironment ? new Object[] {Map.copyOf(environment)} : new Object[0];
    return construct(() -> {
      try {
        return chosen.newInstance(arguments);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new EventSourcingException("constructing application " + type.getName() + " failed", e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new EventSourcingException("constructing application " + type.getName() + " failed", e);
      }
    });
  }

  /**
   * Constructs the application with a constructor that someone else calls, such as a CDI container's injection
   * target: {@code construction} must call one constructor of the builder's class (or of a subclass of it, such as
   * a container's subclass that intercepts its methods) on this thread.
   */
  public <T extends A> T construct(Supplier<T> construction) {
    ApplicationBuilder<?> outer = CURRENT.get();
    CURRENT.set(this);
    T application;
    boolean unused;
    try {
      application = construction.get();
      unused = CURRENT.get() == this;
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
    if (unused) {
      application.close();
      throw new EventSourcingException("the constructor of application class " + type.getName()
          + " did not call Application() or Application(Map), so the builder's settings and store were not used");
    }
    return application;
  }

  /** The builder constructing an application of {@code constructed} on this thread, taken so it is used once. */
  static @Nullable ApplicationBuilder<?> takeCurrent(Class<?> constructed) {
    ApplicationBuilder<?> builder = CURRENT.get();
    if (builder == null || !builder.type.isAssignableFrom(constructed)) {
      return null;
    }
    CURRENT.set(null);
    return builder;
  }

  Map<String, String> environment() {
    return environment;
  }

  DecodableTypes types() {
    return types;
  }

  /** The factory given in code, or {@code null} to let the application make its own. */
  @Nullable InfrastructureFactory factory(Environment settings) {
    if (factory != null) {
      return Objects.requireNonNull(factory.apply(settings), "the factory function returned null");
    }
    if (dataSource != null) {
      return InfrastructureFactory.construct(settings, dataSource);
    }
    return null;
  }
}
