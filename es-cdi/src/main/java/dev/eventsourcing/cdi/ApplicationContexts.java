package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.InjectionTarget;
import java.lang.reflect.Constructor;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@link ApplicationContext} bean, injected into the constructor of an application class that takes one: the
 * context of that class, with the container's settings and store for it, checked before the constructor runs.
 */
final class ApplicationContexts {
  private ApplicationContexts() {}

  /** Adds the bean, which makes the context of the application whose constructor it is injected into. */
  static void add(AfterBeanDiscovery event, Set<Class<? extends Application>> applications,
      DeploymentBeans deployment, BeanManager beans) {
    event.addBean()
        .types(ApplicationContext.class, Object.class)
        .scope(Dependent.class)
        .produceWith(instance -> {
          InjectionPoint point = instance.select(InjectionPoint.class).get();
          Class<? extends Application> type = applicationOf(point, applications);
          if (type == null) {
            throw new IllegalStateException(problem(point));
          }
          return deployment.settings(type, beans).builder(type).context();
        });
  }

  /**
   * Why an {@code ApplicationContext} can't be injected there, or {@code null} if it can: only into the constructor
   * of a class annotated {@link EventSourcingApplication}.
   */
  static @Nullable String problemOf(InjectionPoint point, Set<Class<? extends Application>> applications) {
    return applicationOf(point, applications) == null ? problem(point) : null;
  }

  /** Whether the container constructs the application with a constructor taking its context. */
  static boolean isInjectedInto(InjectionTarget<?> target) {
    return target.getInjectionPoints().stream().anyMatch(point -> point.getType() == ApplicationContext.class
        && point.getMember() instanceof Constructor<?>);
  }

  private static @Nullable Class<? extends Application> applicationOf(
      InjectionPoint point, Set<Class<? extends Application>> applications) {
    Bean<?> bean = point.getBean();
    if (bean == null || !(point.getMember() instanceof Constructor<?>) || !applications.contains(bean.getBeanClass())) {
      return null;
    }
    return bean.getBeanClass().asSubclass(Application.class);
  }

  private static String problem(InjectionPoint point) {
    return "an ApplicationContext is injected into " + point.getMember() + ", but it is injected only into the"
        + " constructor of a class annotated @EventSourcingApplication, which passes it to its superclass's"
        + " constructor";
  }
}
