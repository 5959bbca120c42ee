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
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * The runner of one {@link EventSystem} bean of a container: a {@link MultiThreadedRunner} whose applications are
 * the contextual instances of their beans (so the container constructs, injects and intercepts them before any
 * worker runs), polling every {@value #POLL_INTERVAL_MILLIS} (1000 by default), and whose workers run on the
 * deployment's managed threads ({@link ContainerSettings#managedThreads()}), or on plain daemon threads outside a
 * server. It is started when the application context starts, or else when the
 * deployment's first request starts or its runner is first injected, and stopped when the application context is
 * destroyed.
 */
final class ContainerSystem {
  /** The setting of the runners' poll interval, in milliseconds. */
  static final String POLL_INTERVAL_MILLIS = "SYSTEM_POLL_INTERVAL_MILLIS";
  private static final System.Logger LOGGER = System.getLogger(ContainerSystem.class.getName());

  private final Bean<?> bean;
  private final DeploymentBeans deployment;
  private final ContainerSystems systems;
  private volatile @Nullable EventSystem system;
  /** The runner, started or being started (by this thread, while the container constructs its applications). */
  private volatile @Nullable Runner runner;
  /** The contextual instances the runner was given, which the runner closes. */
  private final Set<Application> runners = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  /** @param bean the deployment's bean of the system */
  ContainerSystem(Bean<?> bean, DeploymentBeans deployment, ContainerSystems systems) {
    this.bean = bean;
    this.deployment = deployment;
    this.systems = systems;
  }

  /** The qualifiers of the system's bean, which its runner's bean has too. */
  Set<Annotation> qualifiers() {
    return bean.getQualifiers();
  }

  /** The system the deployment produces. */
  EventSystem system(BeanManager beans) {
    EventSystem produced = system;
    if (produced == null) {
      synchronized (bean) {
        if (system == null) {
          system = (EventSystem) beans.getReference(bean, EventSystem.class, beans.createCreationalContext(bean));
        }
        produced = system;
      }
    }
    return produced;
  }

  /** Whether the runner has been started (or is being started on this thread). */
  boolean isStarted() {
    return runner != null;
  }

  /**
   * The system's started runner: while it starts, the container constructs its applications, and one of them that
   * injects the runner gets it. If it fails to start, the next call tries again.
   */
  synchronized Runner runner(BeanManager beans) {
    Runner current = runner;
    if (current != null) {
      return current;
    }
    EventSystem produced = system(beans);
    systems.checkAlone(this, produced, beans);
    ContainerSettings settings = ContainerSettings.resolve(deployment.config(beans));
    List<Bean<?>> constructed = new ArrayList<>();
    Runner started = new MultiThreadedRunner(produced, type -> {
      Bean<?> applicationBean = deployment.applicationBean(type);
      if (applicationBean == null) {
        throw new IllegalStateException("application " + type.getName() + " of the event system " + this
            + " is not a bean of the deployment: annotate it with @EventSourcingApplication, so that the container"
            + " constructs it");
      }
      Application application = deployment.contextualInstance(applicationBean, type, beans);
      constructed.add(applicationBean);
      runners.add(application);
      return application;
    }, pollInterval(settings.settings()), workerThreads(settings));
    runner = started;
    try {
      started.start();
    } catch (RuntimeException | Error e) {
      runner = null;
      constructed.forEach(each -> deployment.destroy(each, beans)); // the runner has closed them
      throw e;
    }
    return started;
  }

  /** Whether the application is the runner's, which the runner closes. */
  boolean isRunners(Application application) {
    return runners.contains(application);
  }

  /** Stops the runner, if it runs: its workers and its applications. A worker's failure is logged. */
  synchronized void stop() {
    Runner running = runner;
    if (running == null) {
      return;
    }
    try {
      running.stop();
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

  private static ThreadFactory workerThreads(ContainerSettings settings) {
    ThreadFactory managed = settings.managedThreads();
    return managed != null ? managed : ContainerSystem::daemonThread;
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
