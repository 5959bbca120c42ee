package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.EventSystem;
import jakarta.enterprise.context.spi.AlterableContext;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.AmbiguousResolutionException;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The deployment's beans that the extension uses, its {@link EventSystem}s, its {@link EventSourcingConfig} and its
 * applications, noted as the container discovers them. Looking them up through a bean manager would not do: the one a container
 * gives an extension may be that of the extension's own archive, and Payara's for a jar of {@code WEB-INF/lib} does
 * not see the beans of {@code WEB-INF/classes}.
 */
final class DeploymentBeans {
  private final List<Bean<?>> systems = new CopyOnWriteArrayList<>();
  private final List<Bean<?>> configs = new CopyOnWriteArrayList<>();
  private final List<Bean<?>> applications = new CopyOnWriteArrayList<>();

  /** Notes a bean, if it is one of those. */
  void discovered(Bean<?> bean) {
    if (bean.getTypes().contains(EventSystem.class)) {
      systems.add(bean);
    }
    if (bean.getTypes().contains(EventSourcingConfig.class)) {
      configs.add(bean);
    }
    if (Application.class.isAssignableFrom(bean.getBeanClass()) && bean.getTypes().contains(bean.getBeanClass())) {
      applications.add(bean);
    }
  }

  /** A reference to the bean of an application class (its client proxy). */
  <A extends Application> A application(Class<A> type, BeanManager beans) {
    List<Bean<?>> ofType = applications.stream().filter(bean -> bean.getBeanClass() == type).toList();
    A application = reference(ofType, type, beans);
    if (application == null) {
      throw new IllegalStateException("no bean of " + type.getName());
    }
    return application;
  }

  /** The bean of an application class, or {@code null} if it has none. */
  @Nullable Bean<?> applicationBean(Class<? extends Application> type) {
    return applications.stream().filter(bean -> bean.getBeanClass() == type).findFirst().orElse(null);
  }

  /**
   * The contextual instance of an application's bean, constructed by the container if it has none yet: the
   * instance itself, not a client proxy (whose calls the container sends to it).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  <A extends Application> A contextualInstance(Bean<?> bean, Class<A> type, BeanManager beans) {
    Context context = beans.getContext(bean.getScope());
    return type.cast(context.get((Bean) bean, beans.createCreationalContext(bean)));
  }

  /** Destroys the contextual instance of an application's bean, if its context can, so the next use makes one. */
  void destroy(Bean<?> bean, BeanManager beans) {
    if (beans.getContext(bean.getScope()) instanceof AlterableContext context) {
      context.destroy(bean);
    }
  }

  /** The deployment's beans of event systems, each with its own qualifiers. */
  List<Bean<?>> systems() {
    return List.copyOf(systems);
  }

  /** The deployment's unqualified configuration bean, every application's, or {@code null} if it has none. */
  @Nullable EventSourcingConfig config(BeanManager beans) {
    List<Bean<?>> unqualified = configs.stream()
        .filter(bean -> bean.getQualifiers().stream().noneMatch(ForApplication.class::isInstance)).toList();
    return reference(unqualified, EventSourcingConfig.class, beans);
  }

  /**
   * The deployment's configuration bean for one application class ({@link ForApplication}), or {@code null} if it
   * has none.
   */
  @Nullable EventSourcingConfig config(Class<? extends Application> type, BeanManager beans) {
    List<Bean<?>> own = configs.stream()
        .filter(bean -> bean.getQualifiers().stream()
            .anyMatch(qualifier -> qualifier instanceof ForApplication each && each.value() == type))
        .toList();
    return reference(own, EventSourcingConfig.class, beans);
  }

  /** The settings of an application class: the container's, overlaid with its own configuration's. */
  ContainerSettings settings(Class<? extends Application> type, BeanManager beans) {
    return ContainerSettings.resolve(config(beans)).overlaid(config(type, beans));
  }

  private static <T> @Nullable T reference(List<Bean<?>> found, Class<T> type, BeanManager beans) {
    Bean<?> bean;
    try {
      bean = beans.resolve(Set.copyOf(found));
    } catch (AmbiguousResolutionException e) {
      throw new IllegalStateException("there are several " + type.getSimpleName() + " beans: produce one", e);
    }
    return bean == null ? null : type.cast(beans.getReference(bean, type, beans.createCreationalContext(bean)));
  }
}
