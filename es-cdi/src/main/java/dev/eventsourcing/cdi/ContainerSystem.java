package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * The runner of one {@link EventSystem} bean of a container: a {@link MultiThreadedRunner} whose applications get
 * the container's settings, polling every {@value #POLL_INTERVAL_MILLIS} (1000 by default), and whose workers run
 * on the {@code ThreadFactory} the deployment's {@link EventSourcingConfig} gives, or the server's {@code
 * ManagedThreadFactory} named by {@value #MANAGED_THREAD_FACTORY} (by default {@value #DEFAULT_MANAGED_THREAD_FACTORY}),
 * or on plain daemon threads outside a server. The saved events of its applications are fired as CDI events
 * ({@link SavedEvents}). It is started when the application context starts, or when one of
 * its applications is first needed, and stopped when the application context is destroyed.
 */
final class ContainerSystem {
  /** The setting naming, by JNDI name, the {@code ManagedThreadFactory} of the runners' workers. */
  static final String MANAGED_THREAD_FACTORY = "MANAGED_THREAD_FACTORY";
  /** The setting of the runners' poll interval, in milliseconds. */
  static final String POLL_INTERVAL_MILLIS = "SYSTEM_POLL_INTERVAL_MILLIS";
  static final String DEFAULT_MANAGED_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
  private static final System.Logger LOGGER = System.getLogger(ContainerSystem.class.getName());

  private final Bean<?> bean;
  private final DeploymentBeans deployment;
  private @Nullable Runner runner;
  private @Nullable EventSystem system;
  private final Set<Application> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());

  /** @param bean the deployment's bean of the system */
  ContainerSystem(Bean<?> bean, DeploymentBeans deployment) {
    this.bean = bean;
    this.deployment = deployment;
  }

  /** The qualifiers of the system's bean, which its runner's bean has too. */
  Set<Annotation> qualifiers() {
    return bean.getQualifiers();
  }

  /** The system's started runner. If it fails to start, the next call tries again. */
  synchronized Runner runner(BeanManager beans) {
    if (runner == null) {
      EventSystem produced = (EventSystem) beans.getReference(bean, EventSystem.class,
          beans.createCreationalContext(bean));
      ContainerSettings settings = ContainerSettings.resolve(deployment.config(beans));
      Runner started = new MultiThreadedRunner(produced, type -> {
        Application application = settings.overlaid(deployment.config(type, beans)).build(type);
        application.addSavedEventsListener(new SavedEvents(beans, application.name()));
        return application;
      }, pollInterval(settings.settings()), threads(settings));
      started.start();
      system = produced;
      runner = started;
    }
    return runner;
  }

  /** The system's runner if it has started, without starting it. */
  synchronized @Nullable Runner started() {
    return runner;
  }

  /** Whether the application class is one of the system's. */
  synchronized boolean contains(Class<? extends Application> type, BeanManager beans) {
    runner(beans);
    return system != null && system.contains(type);
  }

  /** The runner's instance of an application class of the system. */
  synchronized <A extends Application> A application(Class<A> type, BeanManager beans) {
    A application = runner(beans).get(type);
    handedOut.add(application);
    return application;
  }

  /** Whether the application is the runner's, which the runner closes. */
  synchronized boolean isRunners(Application application) {
    return handedOut.contains(application);
  }

  /** Stops the runner, if it runs: its workers and its applications. A worker's failure is logged. */
  synchronized void stop() {
    if (runner == null) {
      return;
    }
    try {
      runner.stop();
    } catch (RuntimeException e) {
      LOGGER.log(System.Logger.Level.ERROR, "a follower of the event system " + this + " failed before it stopped",
          e);
    } finally {
      runner = null;
    }
  }

  @Override
  public String toString() {
    return bean.getQualifiers().toString();
  }

  /**
   * Checks the settings of the container's runners without starting one.
   *
   * @throws ConfigurationException naming the setting, if one is invalid
   */
  static void check(Map<String, String> settings) {
    pollInterval(settings);
  }

  private static Duration pollInterval(Map<String, String> settings) {
    String given = settings.get(POLL_INTERVAL_MILLIS);
    if (given == null || given.isBlank()) {
      return MultiThreadedRunner.DEFAULT_POLL_INTERVAL;
    }
    try {
      long millis = Long.parseLong(given.trim());
      if (millis > 0) {
        return Duration.ofMillis(millis);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(POLL_INTERVAL_MILLIS + "='" + given + "' is not a positive whole number of"
        + " milliseconds");
  }

  private static ThreadFactory threads(ContainerSettings settings) {
    ThreadFactory given = settings.threadFactory();
    if (given != null) {
      return given;
    }
    String named = settings.settings().get(MANAGED_THREAD_FACTORY);
    boolean isNamed = named != null && !named.isBlank();
    String name = isNamed ? named.trim() : DEFAULT_MANAGED_THREAD_FACTORY;
    Object found;
    try {
      found = new InitialContext().lookup(name);
    } catch (NamingException | RuntimeException e) {
      if (isNamed) {
        throw new ConfigurationException(MANAGED_THREAD_FACTORY + "=" + name + " could not be looked up: " + e, e);
      }
      return ContainerSystem::daemonThread; // not in a server
    }
    if (found instanceof ThreadFactory managed) {
      return managed;
    }
    if (isNamed) {
      throw new ConfigurationException(MANAGED_THREAD_FACTORY + "=" + name + " names a "
          + (found == null ? "null" : found.getClass().getName()) + ", not a ManagedThreadFactory");
    }
    return ContainerSystem::daemonThread;
  }

  private static Thread daemonThread(Runnable work) {
    Thread thread = new Thread(work);
    thread.setDaemon(true);
    return thread;
  }

  /**
   * Whether a failure comes from a JNDI name the server does not resolve yet: Payara resolves the names of a
   * deployment ({@code java:app/...}) only in its components' calls and managed threads, not while the deployment
   * starts.
   */
  static boolean isUnboundName(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
      if (cause instanceof NamingException) {
        return true;
      }
    }
    return false;
  }
}
