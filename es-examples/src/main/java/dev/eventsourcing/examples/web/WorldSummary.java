package dev.eventsourcing.examples.web;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An entity of the example's own in the persistence unit of the {@link Atlas}: a world's name is unique. */
@Entity(name = "WorldSummary")
@Table(name = "atlas_world_summaries")
public class WorldSummary {
  @Id
  @Column(name = "name", nullable = false, updatable = false)
  private String name;

  @Column(name = "world_id", nullable = false, updatable = false)
  private String worldId;

  /** For the JPA provider. */
  protected WorldSummary() {
    this.name = "";
    this.worldId = "";
  }

  public WorldSummary(String name, UUID worldId) {
    this.name = name;
    this.worldId = worldId.toString();
  }

  public String name() {
    return name;
  }

  public UUID worldId() {
    return UUID.fromString(worldId);
  }
}
