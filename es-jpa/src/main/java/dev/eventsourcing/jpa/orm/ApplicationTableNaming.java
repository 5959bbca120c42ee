package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.NotificationCounter;
import dev.eventsourcing.jpa.entity.SnapshotRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import java.util.Map;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Maps the logical table names of the library's entities to one application's tables, and leaves every other name
 * as it is: the persistence unit of an application is built with it.
 */
final class ApplicationTableNaming extends PhysicalNamingStrategyStandardImpl {
  private final Map<String, String> physical;
  private volatile boolean applied;

  ApplicationTableNaming(TableNames tables) {
    this.physical = Map.of(
        EventRecord.TABLE, tables.unqualified(TableNames.EVENTS),
        SnapshotRecord.TABLE, tables.unqualified(TableNames.SNAPSHOTS),
        TrackingRecord.TABLE, tables.unqualified(TableNames.TRACKING),
        DataKeyRecord.TABLE, tables.unqualified(TableNames.KEYS),
        NotificationCounter.TABLE, tables.unqualified(TableNames.COUNTER));
  }

  @Override
  public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment environment) {
    String name = physical.get(logicalName.getText());
    if (name != null) {
      applied = true;
    }
    return name == null ? logicalName : Identifier.toIdentifier(name, logicalName.isQuoted());
  }

  /** Whether Hibernate asked it for a table of the library's entities, so the unit it was given to is Hibernate's. */
  boolean isApplied() {
    return applied;
  }
}
