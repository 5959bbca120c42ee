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
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Constructs an application of a given class with settings, a store, a name or types given in code: it makes the
 * application's {@link ApplicationContext}, checking the settings, and then constructs the application with the
 * class's constructor taking an {@code ApplicationContext}; or, if it has none, its constructor without parameters,
 * or else its constructor taking a {@code Map} of settings (given the builder's settings), and gives the new
 * application the context before it is used. So the application needs no constructor of its own for them. Runners
 * of systems and the CDI integration construct applications this way.
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
  private final Class<A> type;
  private final Map<String, String> environment = new HashMap<>();
  private @Nullable String name;
  private @Nullable DataSource dataSource;
  private @Nullable Function<Environment, ? extends InfrastructureFactory> factory;
  private DecodableTypes types = DecodableTypes.none();
  private @Nullable ThreadFactory threads;

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
   * Names the application, instead of its class's simple name: the name prefixes its own settings and names its
   * tables, so two classes of one name share a store.
   *
   * @throws IllegalArgumentException if the name is blank
   */
  public ApplicationBuilder<A> name(String name) {
    if (name.isBlank()) {
      throw new IllegalArgumentException("the name of an application of class " + type.getName() + " is blank");
    }
    this.name = name;
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
   * Makes the threads the application's store starts for itself (such as the PostgreSQL store's session thread)
   * with {@code threads}, such as a server's {@code ManagedThreadFactory}; by default the store makes daemon threads.
   */
  public ApplicationBuilder<A> threads(ThreadFactory threads) {
    this.threads = Objects.requireNonNull(threads, "threads");
    return this;
  }

  /**
   * The context of an application with what is given here, for a constructor taking an {@link ApplicationContext}.
   * Unless a store is given ({@link #dataSource}, {@link #factory}), the settings every store reads are checked,
   * and that the named store exists. The rest, and those of a subclass such as a process application's processing
   * settings, are checked by the constructor the context is given to, or when the store is opened.
   *
   * @throws ConfigurationException if a setting is missing or invalid
   */
  public ApplicationContext context() {
    Environment fromProcess = Environment.fromProcess(name != null ? name : ApplicationContext.nameOf(type),
        Map.copyOf(environment));
    Environment settings = threads != null ? fromProcess.withThreads(threads) : fromProcess;
    Function<Environment, ? extends InfrastructureFactory> store = factory;
    DataSource given = dataSource;
    if (given != null) {
      store = environment -> InfrastructureFactory.construct(environment, given);
    }
    return ApplicationContext.checked(settings, store, types);
  }

  /**
   * Constructs the application and opens its store.
   *
   * @throws ConfigurationException if a setting is missing or invalid
   * @throws EventSourcingException if the class has none of the three constructors
   */
  public A build() {
    ApplicationContext context = context();
    Constructor<A> constructor;
    Object[] arguments;
    try {
      constructor = type.getDeclaredConstructor(ApplicationContext.class);
      arguments = new Object[] {context};
    } catch (NoSuchMethodException withoutContext) {
      try {
        constructor = type.getDeclaredConstructor();
        arguments = new Object[0];
      } catch (NoSuchMethodException withoutParameters) {
        try {
          constructor = type.getDeclaredConstructor(Map.class);
          arguments = new Object[] {Map.copyOf(environment)};
        } catch (NoSuchMethodException none) {
          throw new EventSourcingException("application class " + type.getName() + " needs a constructor taking"
              + " an ApplicationContext, one without parameters, or one taking a Map of settings, to be built", none);
        }
      }
    }
    try {
      constructor.setAccessible(true);
    } catch (RuntimeException e) {
      throw new EventSourcingException("the constructor of application class " + type.getName()
          + " is not accessible: make it public", e);
    }
    A application;
    try {
      application = constructor.newInstance(arguments);
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
    return opened(application, context);
  }

  /**
   * Constructs the application with a constructor that someone else calls, such as a CDI container's injection
   * target, gives it this builder's context, and opens its store: {@code construction} must construct an
   * application of the builder's class (or of a subclass of it, such as a container's subclass that intercepts its
   * methods) that it does not use.
   *
   * @throws ConfigurationException if a setting is missing or invalid
   * @throws EventSourcingException if {@code construction} used the application before returning it
   */
  public <T extends A> T construct(Supplier<T> construction) {
    ApplicationContext context = context();
    return opened(construction.get(), context);
  }

  /** The application, with the context given if it was constructed without, and its store open. */
  private <T extends A> T opened(T application, ApplicationContext context) {
    try {
      application.useContext(context);
      application.open();
    } catch (RuntimeException e) {
      application.close();
      throw e;
    }
    return application;
  }
}
