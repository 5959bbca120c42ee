package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.NotificationCounter;
import dev.eventsourcing.jpa.entity.SnapshotRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import dev.eventsourcing.persistence.Environment;
import java.util.Map;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;
import org.jspecify.annotations.Nullable;

/**
 * EclipseLink's hook that maps the library's entities to one application's tables ({@code <name>_events}, {@code
 * <name>_snapshots}, {@code <name>_tracking}, {@code <name>_keys}, {@code <name>_counter}) and leaves every other entity of the persistence
 * unit as it is: the counterpart of the naming strategy the store gives Hibernate. The store gives it to the units
 * it builds on EclipseLink ({@code JPA_PROVIDER=eclipselink}) and to a named unit ({@code JPA_PERSISTENCE_UNIT}).
 *
 * <p>A unit that a server builds from {@code persistence.xml} names it there, with the application's name in the
 * unit property {@value #APPLICATION}; the tables are named from it as the store names them ({@code Universe} maps
 * {@code EventRecord} to {@code universe_events}):
 *
 * <pre>{@code
 * <property name="eclipselink.session.customizer" value="dev.eventsourcing.jpa.orm.EclipseLinkTableNaming"/>
 * <property name="eventsourcing.application" value="Universe"/>
 * }</pre>
 *
 * <p>One unit maps each entity once, so it holds the tables of one application.
 */
public final class EclipseLinkTableNaming implements SessionCustomizer {
  /** The unit property that names the application whose tables the entities map to. */
  public static final String APPLICATION = "eventsourcing.application";

  private final @Nullable TableNames tables;
  private volatile boolean applied;

  /** The customizer of a unit that names the application in its property {@value #APPLICATION}. */
  public EclipseLinkTableNaming() {
    this.tables = null;
  }

  /** The customizer of an application's tables. */
  EclipseLinkTableNaming(TableNames tables) {
    this.tables = tables;
  }

  /**
   * Renames the tables of the library's entities.
   *
   * @throws IllegalStateException if the unit names no application, or one whose name can't name tables
   */
  @Override
  public void customize(Session session) {
    TableNames names = tables != null ? tables : namedBy(session);
    Map<Class<?>, String> physical = Map.of(
        EventRecord.class, names.unqualified(TableNames.EVENTS),
        SnapshotRecord.class, names.unqualified(TableNames.SNAPSHOTS),
        TrackingRecord.class, names.unqualified(TableNames.TRACKING),
        DataKeyRecord.class, names.unqualified(TableNames.KEYS),
        NotificationCounter.class, names.unqualified(TableNames.COUNTER));
    physical.forEach((entity, table) -> {
      ClassDescriptor descriptor = session.getDescriptor(entity);
      if (descriptor != null) {
        descriptor.setTableName(table);
      }
    });
    applied = true;
  }

  /** Whether EclipseLink called it, so the unit it was given to is EclipseLink's. */
  boolean isApplied() {
    return applied;
  }

  private static TableNames namedBy(Session session) {
    Object application = session.getProperty(APPLICATION);
    if (!(application instanceof String name) || name.isBlank()) {
      throw new IllegalStateException("the persistence unit names " + EclipseLinkTableNaming.class.getName()
          + " as its session customizer, and needs the name of the application whose tables it maps in the"
          + " property " + APPLICATION);
    }
    try {
      return TableNames.of(new Environment(name, Map.of()), null);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the persistence unit's property " + APPLICATION + ": " + e.getMessage(), e);
    }
  }
}
