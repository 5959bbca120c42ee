package dev.eventsourcing.bench;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.examples.universe.Universe;
import dev.eventsourcing.examples.universe.World;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.NotificationLogReader;
import dev.eventsourcing.system.ProcessApplication;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operations done by the library: the reference README's {@code Universe}, unchanged and with its default
 * settings, on the store its settings name.
 */
public final class LibraryWorlds implements Worlds {
  private final Map<String, String> environment;
  private final Universe universe;

  /** The application, with {@code environment} overlaid on the process environment. */
  public LibraryWorlds(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    this.universe = new Universe(environment);
  }

  @Override
  public UUID createWorld(String name) {
    return universe.createWorld(name);
  }

  @Override
  public void makeItSo(UUID worldId, String what) {
    universe.makeItSo(worldId, what);
  }

  @Override
  public UUID createAndChange(String name, List<String> changes) {
    World world = new World(name);
    universe.save(world);
    for (String what : changes) {
      world.makeItSo(what);
      universe.save(world);
    }
    return world.id();
  }

  @Override
  public List<UUID> createWorlds(int worlds, int eventsEach) {
    World[] created = new World[worlds];
    List<UUID> ids = new ArrayList<>(worlds);
    for (int i = 0; i < worlds; i++) {
      World world = new World("world-" + i);
      for (int event = 1; event < eventsEach; event++) {
        world.makeItSo("thing-" + event);
      }
      created[i] = world;
      ids.add(world.id());
    }
    universe.save(created);
    return ids;
  }

  @Override
  public int rebuild(UUID worldId) {
    return universe.repository().get(worldId, World.class).version();
  }

  @Override
  public void takeSnapshot(UUID worldId) {
    universe.takeSnapshot(worldId);
  }

  @Override
  public long readLog(int sectionSize) {
    NotificationLogReader reader = new NotificationLogReader(universe.log(), sectionSize);
    long expected = 1;
    Iterator<Notification> notifications = reader.read(1).iterator();
    while (notifications.hasNext()) {
      Notification notification = notifications.next();
      if (notification.id() != expected) {
        throw new IllegalStateException("read notification " + notification.id() + " where " + expected
            + " was expected");
      }
      DomainEvent<?> event = universe.mapper().toDomainEvent(notification);
      if (event.originatorVersion() != notification.originatorVersion()) {
        throw new IllegalStateException("notification " + notification.id() + " decoded to another version");
      }
      expected++;
    }
    return expected - 1;
  }

  @Override
  public long storedEvents() {
    Long max = universe.recorder().maxNotificationId();
    return max == null ? 0 : max;
  }

  @Override
  public Follower follower(int batchSize) {
    Map<String, String> settings = new HashMap<>(environment);
    if (batchSize > 0) {
      settings.put(ProcessApplication.PROCESSING_BATCH_SIZE, String.valueOf(batchSize));
    }
    BenchFollower follower = new BenchFollower(settings);
    follower.follow(universe);
    return new Follower() {
      @Override
      public long processAll() {
        return follower.pullAndProcess(universe.name());
      }

      @Override
      public long recordedEvents() {
        Long max = follower.recorder().maxNotificationId();
        return max == null ? 0 : max;
      }

      @Override
      public void close() {
        follower.close();
      }
    };
  }

  @Override
  public void close() {
    universe.close();
  }
}
