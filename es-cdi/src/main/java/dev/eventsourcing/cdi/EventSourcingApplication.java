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
 * <p>The class needs a constructor without parameters (of any visibility but private). Fields of the class may be
 * injected, and its methods intercepted, as for any bean; the application's store is open before its {@code
 * PostConstruct} method runs.
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
