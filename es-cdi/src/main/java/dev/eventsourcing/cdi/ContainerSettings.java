package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationBuilder;
import dev.eventsourcing.persistence.ConfigurationException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * The applications' settings in a container, each source overriding the ones after it: an {@link
 * EventSourcingConfig} bean; MicroProfile Config when the container has it, in its own order (the highest-ordinal
 * source that sets a setting gives its value: system properties, then environment variables, then {@code
 * microprofile-config.properties}, and any source the server adds where its ordinal puts it), or system properties
 * without it; the process environment (read by the application itself). Properties are named {@code eventsourcing.}
 * followed by the setting in any case, with dots or hyphens for underscores: {@code eventsourcing.persistence.module}
 * is {@code PERSISTENCE_MODULE}, {@code eventsourcing.universe.persistence-module} is {@code
 * UNIVERSE_PERSISTENCE_MODULE}.
 */
record ContainerSettings(Map<String, String> settings, @Nullable DataSource dataSource,
    @Nullable ThreadFactory threadFactory) {
  static final String PREFIX = "eventsourcing.";
  /** The setting naming, by JNDI name, the {@code ManagedThreadFactory} of the runners' workers and stores' threads. */
  static final String MANAGED_THREAD_FACTORY = "MANAGED_THREAD_FACTORY";
  static final String DEFAULT_MANAGED_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
  private static final boolean MICROPROFILE_CONFIG = isPresent("org.eclipse.microprofile.config.ConfigProvider");

  /**
   * The settings of the sources in their order of precedence.
   *
   * @param config the deployment's configuration bean, if it has one
   */
  static ContainerSettings resolve(@Nullable EventSourcingConfig config) {
    Map<String, String> microProfile = MICROPROFILE_CONFIG ? MicroProfileSettings.read() : null;
    Map<String, String> settings = microProfile != null ? new HashMap<>(microProfile) : systemProperties();
    if (config == null) {
      return new ContainerSettings(Map.copyOf(settings), null, null);
    }
    settings.putAll(config.settings());
    return new ContainerSettings(Map.copyOf(settings), config.dataSource(), config.threadFactory());
  }

  /**
   * These settings overlaid with those of one application's configuration, whose {@code DataSource}, if it gives
   * one, replaces this one.
   */
  ContainerSettings overlaid(@Nullable EventSourcingConfig own) {
    if (own == null) {
      return this;
    }
    Map<String, String> overlaid = new HashMap<>(settings);
    overlaid.putAll(own.settings());
    return new ContainerSettings(Map.copyOf(overlaid), own.dataSource() != null ? own.dataSource() : dataSource,
        threadFactory);
  }

  /**
   * A builder of applications of that class with these settings and {@code DataSource}, whose store's threads are
   * the {@linkplain #managedThreads() managed ones}, if there are.
   */
  <A extends Application> ApplicationBuilder<A> builder(Class<A> type) {
    ApplicationBuilder<A> builder = Application.builder(type).environment(settings);
    if (dataSource != null) {
      builder.dataSource(dataSource);
    }
    ThreadFactory managed = managedThreads();
    if (managed != null) {
      builder.threads(managed);
    }
    return builder;
  }

  /**
   * The threads of the runners' workers and of the stores: the {@code ThreadFactory} of the {@link
   * EventSourcingConfig}, or else the server's {@code ManagedThreadFactory} that {@value #MANAGED_THREAD_FACTORY}
   * names, or else its default one ({@value #DEFAULT_MANAGED_THREAD_FACTORY}); {@code null} outside a server.
   *
   * @throws ConfigurationException if a factory is named that can't be looked up
   */
  @Nullable ThreadFactory managedThreads() {
    if (threadFactory != null) {
      return threadFactory;
    }
    String named = settings.get(MANAGED_THREAD_FACTORY);
    boolean isNamed = named != null && !named.isBlank();
    String name = isNamed ? named.trim() : DEFAULT_MANAGED_THREAD_FACTORY;
    Object found;
    try {
      found = new InitialContext().lookup(name);
    } catch (NamingException | RuntimeException e) {
      if (isNamed) {
        throw new ConfigurationException(MANAGED_THREAD_FACTORY + "=" + name + " could not be looked up: " + e, e);
      }
      return null; // not in a server
    }
    if (found instanceof ThreadFactory managed) {
      return managed;
    }
    if (isNamed) {
      throw new ConfigurationException(MANAGED_THREAD_FACTORY + "=" + name + " names a "
          + (found == null ? "null" : found.getClass().getName()) + ", not a ManagedThreadFactory");
    }
    return null;
  }

  /** The setting a property names, such as {@code PERSISTENCE_MODULE} for {@code eventsourcing.persistence.module}. */
  static @Nullable String settingOf(String propertyName) {
    if (propertyName.length() <= PREFIX.length() || !propertyName.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return null;
    }
    return propertyName.substring(PREFIX.length()).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /** The settings that system properties name, where MicroProfile Config is absent. */
  private static Map<String, String> systemProperties() {
    Map<String, String> settings = new HashMap<>();
    Properties properties = System.getProperties();
    for (String name : properties.stringPropertyNames()) {
      String setting = settingOf(name);
      String value = properties.getProperty(name);
      if (setting != null && value != null) {
        settings.put(setting, value);
      }
    }
    return settings;
  }

  static boolean isPresent(String className) {
    try {
      Class.forName(className, false, ContainerSettings.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
