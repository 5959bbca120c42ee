package dev.eventsourcing.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes a subclass of {@link dev.eventsourcing.application.Application} an {@link ApplicationScoped} bean: one
 * instance per container, constructed on first use (or when the container starts, if {@link #eager()}), with its
 * settings from the container (see {@link EventSourcingExtension}), and closed when the container shuts down.
 *
 * <pre>{@code
 * @EventSourcingApplication
 * public class Universe extends Application { ... }
 *
 * @Inject Universe universe;
 * }</pre>
 *
 * <p>The container constructs it as any bean, through its constructor without parameters (of any visibility but
 * private), after which the application is given its context and its store is opened before its {@code
 * PostConstruct} method runs; or through an {@code @Inject} constructor taking the {@link
 * dev.eventsourcing.application.ApplicationContext} that the container makes for the class, which the constructor
 * passes on to {@code super} (the class still needs a constructor without parameters for the container's client
 * proxy, which opens nothing). Its fields, constructor and initializers are injected, and its methods intercepted
 * and decorated, as any bean's. An application of a produced {@link dev.eventsourcing.system.EventSystem} is that
 * system's runner's instance: the container makes it, injected and intercepted, before any worker processes.
 */
@Stereotype
@ApplicationScoped
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventSourcingApplication {
  /**
   * Whether the application is constructed when the container starts, so that its store opens then and a bad
   * setting fails the deployment; by default it is constructed on first use, and only the settings common to
   * every store are checked when the container starts.
   */
  boolean eager() default false;
}
