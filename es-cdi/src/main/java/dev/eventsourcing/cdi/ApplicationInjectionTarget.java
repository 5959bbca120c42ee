package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationBuilder;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import java.util.Set;

/**
 * The container's injection target of an application class: the container constructs the application, with its
 * constructor taking an {@link ApplicationContext} (which the container injects, see {@link ApplicationContexts})
 * or with its constructor without parameters, after which an {@link ApplicationBuilder} gives it the container's
 * settings and opens its store. It is closed after its {@code PreDestroy} method, unless it is the instance of one
 * of the deployment's event systems, whose runner closes it. Its saved events are fired as CDI events once
 * committed ({@link SavedEvents}).
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
    T application;
    if (ApplicationContexts.isInjectedInto(target)) {
      application = target.produce(context);
    } else {
      application = deployment.settings(type, beans).builder(type).construct(() -> target.produce(context));
    }
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
