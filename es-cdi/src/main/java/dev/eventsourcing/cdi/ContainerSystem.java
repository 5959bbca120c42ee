package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.EventSystem;
import dev.eventsourcing.system.MultiThreadedRunner;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.jspecify.annotations.Nullable;

/**
 * The runner of the {@link EventSystem} bean of a container, if the deployment produces one: a {@link
 * MultiThreadedRunner} whose applications get the container's settings and whose workers run on the server's
 * default {@code ManagedThreadFactory} (Jakarta Concurrency), or on plain daemon threads outside a server. It is
 * started when the application context starts, or when one of its applications is first needed, and stopped when
 * the application context is destroyed.
 */
final class ContainerSystem {
  static final String MANAGED_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
  private static final System.Logger LOGGER = System.getLogger(ContainerSystem.class.getName());

  private @Nullable Runner runner;
  private @Nullable EventSystem system;
  private boolean looked;
  private final Set<Application> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
  private final DeploymentBeans deployment;

  ContainerSystem(DeploymentBeans deployment) {
    this.deployment = deployment;
  }

  /**
   * The started runner of the deployment's system, or {@code null} if the deployment produces none. If it fails to
   * start, the next call tries again.
   */
  synchronized @Nullable Runner runner(BeanManager beans) {
    if (!looked) {
      EventSystem produced = deployment.system(beans);
      if (produced != null) {
        ContainerSettings settings = ContainerSettings.resolve(deployment.config(beans));
        Runner started = new MultiThreadedRunner(produced, settings::build, MultiThreadedRunner.DEFAULT_POLL_INTERVAL,
            threads());
        started.start();
        system = produced;
        runner = started;
      }
      looked = true;
    }
    return runner;
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

  /** The runner's instance of an application class, or {@code null} if the class is not in the system. */
  synchronized <A extends Application> @Nullable A application(Class<A> type, BeanManager beans) {
    Runner running = runner(beans);
    if (running == null || system == null || !system.contains(type)) {
      return null;
    }
    A application = running.get(type);
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
      LOGGER.log(System.Logger.Level.ERROR, "a follower of the event system failed before it stopped", e);
    } finally {
      runner = null;
    }
  }

  private static ThreadFactory threads() {
    try {
      if (new InitialContext().lookup(MANAGED_THREAD_FACTORY) instanceof ThreadFactory managed) {
        return managed;
      }
    } catch (NamingException | RuntimeException e) {
      // not in a server: plain threads
    }
    return work -> {
      Thread thread = new Thread(work);
      thread.setDaemon(true);
      return thread;
    };
  }
}
