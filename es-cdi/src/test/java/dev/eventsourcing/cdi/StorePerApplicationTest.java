package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.EventSystem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * An {@link EventSourcingConfig} qualified {@link ForApplication} gives one application its own settings and its
 * own {@code DataSource}: two applications of one deployment, and the leader and the follower of a system, keep
 * their events in two databases.
 */
class StorePerApplicationTest {
  @TempDir static Path directory;

  /** The files of the first test; the second test's are the system's. */
  static Path first() {
    return directory.resolve("first.db");
  }

  static Path second() {
    return directory.resolve("second.db");
  }

  static Path leaders() {
    return directory.resolve("leaders.db");
  }

  static Path followers() {
    return directory.resolve("followers.db");
  }

  @ApplicationScoped
  public static class TwoDatabases {
    @Produces
    EventSourcingConfig everyApplication() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", first().toString()));
    }

    @Produces
    @ForApplication(Multiverse.class)
    EventSourcingConfig multiverse() {
      SQLiteDataSource events = new SQLiteDataSource();
      events.setUrl("jdbc:sqlite:" + second());
      return EventSourcingConfig.of(Map.of("CREATE_TABLE", "true")).withDataSource(events);
    }
  }

  @ApplicationScoped
  public static class FollowerElsewhere {
    @Produces
    EventSourcingConfig everyApplication() {
      return EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", leaders().toString()));
    }

    @Produces
    @ForApplication(WorldCounter.class)
    EventSourcingConfig counter() {
      return EventSourcingConfig.of(Map.of("SQLITE_DBNAME", followers().toString()));
    }

    @Produces
    EventSystem system() {
      return new EventSystem(List.of(List.of(Universe.class, WorldCounter.class)));
    }
  }

  private static WeldContainer start(Class<?>... beans) {
    return new Weld().disableDiscovery().addExtension(new EventSourcingExtension()).addBeanClasses(beans)
        .property("org.jboss.weld.construction.relaxed", false).initialize();
  }

  /** How many events an application of that class has in that SQLite file, read outside the container. */
  private static long eventsIn(Class<? extends Application> type, Path file) {
    try (Application application = Application.builder(type)
        .environment(Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", file.toString()))
        .build()) {
      Long max = application.recorder().maxNotificationId();
      return max == null ? 0 : max;
    }
  }

  @Test
  void twoApplicationsOfOneDeploymentKeepTheirEventsInTwoDatabases() {
    try (WeldContainer container = start(TwoDatabases.class, Universe.class, Multiverse.class)) {
      container.select(Universe.class).get().createWorld("Earth");
      Multiverse multiverse = container.select(Multiverse.class).get();
      multiverse.createWorld("Mars");
      multiverse.createWorld("Venus");
    }

    assertThat(eventsIn(Universe.class, first())).isEqualTo(1);
    assertThat(eventsIn(Multiverse.class, first())).isZero();
    assertThat(eventsIn(Multiverse.class, second())).isEqualTo(2);
    assertThat(eventsIn(Universe.class, second())).isZero();
  }

  @Test
  void aFollowerOnAnotherDatabaseProcessesItsLeadersEvents() {
    try (WeldContainer container = start(FollowerElsewhere.class, Universe.class, WorldCounter.class)) {
      Universe universe = container.select(Universe.class).get();
      universe.createWorld("Earth");
      universe.createWorld("Mars");

      WorldCounter counter = container.select(WorldCounter.class).get();
      await().atMost(Duration.ofSeconds(30)).until(() -> counter.counted() == 2);
      assertThat(counter.recorder().maxTrackingId("Universe")).isEqualTo(2L);
    }

    assertThat(eventsIn(WorldCounter.class, followers())).isEqualTo(2);
    assertThat(eventsIn(WorldCounter.class, leaders())).isZero();
    assertThat(eventsIn(Universe.class, leaders())).isEqualTo(2);
  }
}
