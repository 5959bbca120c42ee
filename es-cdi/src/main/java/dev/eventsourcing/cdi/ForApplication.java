package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies an {@link EventSourcingConfig} bean that configures one application class alone: its settings overlay
 * those of the unqualified {@code EventSourcingConfig} (which stays every other application's), and its {@code
 * DataSource}, if it gives one, holds that application's events. So two applications of one deployment, or the
 * leader and a follower of a system, can keep their events in two databases.
 *
 * <pre>{@code
 * @Produces
 * @ForApplication(Universe.class)
 * EventSourcingConfig universe() {
 *   return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "postgres")).withDataSource(universeEvents);
 * }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE})
public @interface ForApplication {
  /** The application class that the qualified configuration is for. */
  Class<? extends Application> value();

  /** The qualifier for an application class, to select a configuration in code. */
  final class Literal extends AnnotationLiteral<ForApplication> implements ForApplication {
    private static final long serialVersionUID = 1L;
    private final Class<? extends Application> value;

    public Literal(Class<? extends Application> value) {
      this.value = value;
    }

    @Override
    public Class<? extends Application> value() {
      return value;
    }
  }
}
