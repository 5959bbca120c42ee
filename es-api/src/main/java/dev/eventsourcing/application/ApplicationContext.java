package dev.eventsourcing.application;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * What an application is constructed from, made and checked before its constructor runs: its name, its settings,
 * where its store comes from, and the types it stores and reads besides those its class declares. An application
 * given one ({@link Application#Application(ApplicationContext)}) opens its store from it when it is first used.
 *
 * <p>{@link #of} makes one from the settings; an {@link ApplicationBuilder} makes one with a store, a name or types
 * given in code ({@link ApplicationBuilder#context()}). A container that constructs applications with constructor
 * injection makes the context, checked, and passes it to the application's constructor taking an {@code
 * ApplicationContext}.
 */
public final class ApplicationContext {
  private final String name;
  private final Environment environment;
  private final @Nullable Function<Environment, ? extends InfrastructureFactory> store;
  private final DecodableTypes types;

  private ApplicationContext(String name, Environment environment,
      @Nullable Function<Environment, ? extends InfrastructureFactory> store, DecodableTypes types) {
    this.name = name;
    this.environment = environment;
    this.store = store;
    this.types = types;
  }

  /**
   * The context of an application of that class, named after it and configured by the process environment
   * overlaid with {@code settings}.
   *
   * @throws dev.eventsourcing.persistence.ConfigurationException if a setting is missing or invalid
   */
  public static ApplicationContext of(Class<? extends Application> type, Map<String, String> settings) {
    String name = nameOf(type);
    return checked(Environment.fromProcess(name, settings), null, DecodableTypes.none());
  }

  /**
   * The context of an application on a given store: {@code environment} holds exactly its settings (the process
   * environment is not read) and names the application; {@code store} makes its store from them.
   */
  static ApplicationContext of(
      Environment environment, Function<Environment, ? extends InfrastructureFactory> store, DecodableTypes types) {
    return new ApplicationContext(environment.name(), environment, store, types);
  }

  /**
   * Checks the settings that every store reads and that the named store exists, unless the store is given as a
   * whole. A subclass's own settings are checked by its constructor, or when it opens its store ({@link
   * Application#checkSettings}).
   */
  static ApplicationContext checked(Environment environment,
      @Nullable Function<Environment, ? extends InfrastructureFactory> store, DecodableTypes types) {
    if (store == null) {
      InfrastructureFactory.check(environment);
    }
    return new ApplicationContext(environment.name(), environment, store, types);
  }

  /**
   * The default name of an application of that class: its simple name, or that of its nearest superclass that is
   * not anonymous.
   */
  static String nameOf(Class<?> type) {
    Class<?> named = type;
    while (named.getSimpleName().isEmpty()) {
      named = named.getSuperclass();
    }
    return named.getSimpleName();
  }

  /** The application's name: it prefixes the application's own settings and names its tables. */
  public String name() {
    return name;
  }

  /** The application's settings. */
  public Environment environment() {
    return environment;
  }

  /** The types given here, which the application stores and reads as well as those it declares. */
  public DecodableTypes types() {
    return types;
  }

  /** The store given in code, or {@code null} when the application makes its own from its settings. */
  @Nullable InfrastructureFactory store() {
    if (store == null) {
      return null;
    }
    return Objects.requireNonNull(store.apply(environment), "the factory function returned null");
  }

  @Override
  public String toString() {
    return "ApplicationContext[" + name + "]";
  }
}
