package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.TableNames;
import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.jpa.entity.EventRecord;
import dev.eventsourcing.jpa.entity.NotificationCounter;
import dev.eventsourcing.jpa.entity.SnapshotRecord;
import dev.eventsourcing.jpa.entity.TrackingRecord;
import java.util.Map;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategy;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Maps the logical table names of the library's entities to one application's tables, and leaves every other name
 * to the unit's own strategy: the persistence unit of an application is built with it.
 */
final class ApplicationTableNaming implements PhysicalNamingStrategy {
  private final Map<String, String> physical;
  private final PhysicalNamingStrategy others;
  private volatile boolean applied;

  ApplicationTableNaming(TableNames tables) {
    this(tables, PhysicalNamingStrategyStandardImpl.INSTANCE);
  }

  /** @param others the strategy of every name but the library's tables' */
  ApplicationTableNaming(TableNames tables, PhysicalNamingStrategy others) {
    this.physical = Map.of(
        EventRecord.TABLE, tables.unqualified(TableNames.EVENTS),
        SnapshotRecord.TABLE, tables.unqualified(TableNames.SNAPSHOTS),
        TrackingRecord.TABLE, tables.unqualified(TableNames.TRACKING),
        DataKeyRecord.TABLE, tables.unqualified(TableNames.KEYS),
        NotificationCounter.TABLE, tables.unqualified(TableNames.COUNTER));
    this.others = others;
  }

  @Override
  public Identifier toPhysicalTableName(Identifier logicalName, JdbcEnvironment environment) {
    String name = physical.get(logicalName.getText());
    if (name != null) {
      applied = true;
    }
    return name == null ? others.toPhysicalTableName(logicalName, environment)
        : Identifier.toIdentifier(name, logicalName.isQuoted());
  }

  @Override
  public Identifier toPhysicalCatalogName(Identifier logicalName, JdbcEnvironment environment) {
    return others.toPhysicalCatalogName(logicalName, environment);
  }

  @Override
  public Identifier toPhysicalSchemaName(Identifier logicalName, JdbcEnvironment environment) {
    return others.toPhysicalSchemaName(logicalName, environment);
  }

  @Override
  public Identifier toPhysicalSequenceName(Identifier logicalName, JdbcEnvironment environment) {
    return others.toPhysicalSequenceName(logicalName, environment);
  }

  @Override
  public Identifier toPhysicalColumnName(Identifier logicalName, JdbcEnvironment environment) {
    return others.toPhysicalColumnName(logicalName, environment);
  }

  /** Whether Hibernate asked it for a table of the library's entities, so the unit it was given to is Hibernate's. */
  boolean isApplied() {
    return applied;
  }
}
