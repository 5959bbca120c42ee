package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationBuilder;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import java.util.Set;

/**
 * The container's injection target of an application class, with the application constructed through an {@link
 * ApplicationBuilder} that gives it the container's settings, and closed after its {@code PreDestroy} method; or,
 * for an application of one of the deployment's event systems, the system's runner's instance, which the runner
 * closes. Either way, its saved events are fired as CDI events once committed ({@link SavedEvents}).
 */
final class ApplicationInjectionTarget<T extends Application> implements InjectionTarget<T> {
  private final InjectionTarget<T> target;
  private final Class<T> type;
  private final BeanManager beans;
  private final ContainerSystems systems;
  private final DeploymentBeans deployment;

  ApplicationInjectionTarget(InjectionTarget<T> target, Class<T> type, BeanManager beans, ContainerSystems systems,
      DeploymentBeans deployment) {
    this.target = target;
    this.type = type;
    this.beans = beans;
    this.systems = systems;
    this.deployment = deployment;
  }

  @Override
  public T produce(CreationalContext<T> context) {
    T running = systems.application(type, beans);
    if (running != null) {
      return running;
    }
    ApplicationBuilder<T> builder = deployment.settings(type, beans).builder(type);
    T application = builder.construct(() -> target.produce(context));
    application.addSavedEventsListener(new SavedEvents(beans, application.name()));
    return application;
  }

  @Override
  public void inject(T instance, CreationalContext<T> context) {
    target.inject(instance, context);
  }

  @Override
  public void postConstruct(T instance) {
    target.postConstruct(instance);
  }

  @Override
  public void preDestroy(T instance) {
    try {
      target.preDestroy(instance);
    } finally {
      if (!systems.isRunners(instance)) {
        instance.close();
      }
    }
  }

  @Override
  public void dispose(T instance) {
    target.dispose(instance);
  }

  @Override
  public Set<InjectionPoint> getInjectionPoints() {
    return target.getInjectionPoints();
  }
}
