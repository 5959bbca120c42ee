package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.Runner;
import java.util.ArrayList;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The deployment's event systems, one per {@code EventSystem} bean (each with its own qualifiers), known once the
 * container has discovered its beans. An application class belongs to one system at most: its bean is that
 * system's runner's instance.
 */
final class ContainerSystems {
  private static final System.Logger LOGGER = System.getLogger(ContainerSystems.class.getName());
  private final List<ContainerSystem> systems = new CopyOnWriteArrayList<>();
  private final DeploymentBeans deployment;

  ContainerSystems(DeploymentBeans deployment) {
    this.deployment = deployment;
  }

  /** Adds the system of an {@code EventSystem} bean. */
  ContainerSystem add(Bean<?> bean) {
    ContainerSystem system = new ContainerSystem(bean, deployment);
    systems.add(system);
    return system;
  }

  /**
   * Starts every system's runner; one that needs a JNDI name the server does not resolve yet starts when one of its
   * applications or its runner is first used.
   */
  void start(BeanManager beans) {
    for (ContainerSystem system : systems) {
      try {
        system.runner(beans);
      } catch (RuntimeException e) {
        if (!ContainerSystem.isUnboundName(e)) {
          throw e;
        }
        LOGGER.log(System.Logger.Level.INFO, "the event system " + system + " starts on first use, as a JNDI name"
            + " it needs is not bound while the deployment starts: " + e.getMessage());
      }
    }
  }

  /**
   * The running instance of an application class, if it belongs to a system; {@code null} if it belongs to none.
   *
   * @throws IllegalStateException if it belongs to several
   */
  <A extends Application> @Nullable A application(Class<A> type, BeanManager beans) {
    List<ContainerSystem> containing = systems.stream().filter(system -> system.contains(type, beans)).toList();
    if (containing.size() > 1) {
      throw new IllegalStateException("event-sourced application " + type.getName() + " is in several event"
          + " systems (" + containing + "), so its bean can't be the instance of one: give each system classes"
          + " of its own");
    }
    return containing.isEmpty() ? null : containing.get(0).application(type, beans);
  }

  /** Whether the application is a runner's, which the runner closes. */
  boolean isRunners(Application application) {
    return systems.stream().anyMatch(system -> system.isRunners(application));
  }

  /** The runners that have started, without starting the others. */
  List<Runner> started() {
    List<Runner> started = new ArrayList<>();
    for (ContainerSystem system : systems) {
      Runner runner = system.started();
      if (runner != null) {
        started.add(runner);
      }
    }
    return started;
  }

  /** Stops every runner. */
  void stop() {
    systems.forEach(ContainerSystem::stop);
  }
}
