package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.EventSystem;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

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
    ContainerSystem system = new ContainerSystem(bean, deployment, this);
    systems.add(system);
    return system;
  }

  /**
   * Starts every system's runner that has not started; one that needs a JNDI name the server does not resolve yet
   * is left to start later (with a request, or when its runner is injected).
   */
  void start(BeanManager beans) {
    for (ContainerSystem system : systems) {
      if (system.isStarted()) {
        continue;
      }
      try {
        system.runner(beans);
      } catch (RuntimeException e) {
        if (!ContainerSystem.isUnboundName(e)) {
          throw e;
        }
        LOGGER.log(System.Logger.Level.INFO, "the event system " + system + " starts with the deployment's first"
            + " request, as a JNDI name it needs is not bound while the deployment starts: " + e.getMessage());
      }
    }
  }

  /** Whether every system's runner has started. */
  boolean allStarted() {
    return systems.stream().allMatch(ContainerSystem::isStarted);
  }

  /**
   * Checks that no application class of a system is in another system too, since its bean can be the instance of
   * one runner only.
   *
   * @throws IllegalStateException naming the class, if one is
   */
  void checkAlone(ContainerSystem system, EventSystem produced, BeanManager beans) {
    for (ContainerSystem other : systems) {
      if (other == system) {
        continue;
      }
      for (Class<? extends Application> type : produced.applications()) {
        if (other.system(beans).contains(type)) {
          throw new IllegalStateException("event-sourced application " + type.getName() + " is in several event"
              + " systems (" + system + " and " + other + "), so its bean can't be the instance of one: give each"
              + " system classes of its own");
        }
      }
    }
  }

  /** Whether the application is a runner's, which the runner closes. */
  boolean isRunners(Application application) {
    return systems.stream().anyMatch(system -> system.isRunners(application));
  }

  /** Stops every runner. */
  void stop() {
    systems.forEach(ContainerSystem::stop);
  }
}
