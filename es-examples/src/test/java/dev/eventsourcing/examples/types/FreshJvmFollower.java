package dev.eventsourcing.examples.types;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.TopicException;
import dev.eventsourcing.examples.kotlin.Worlds;
import dev.eventsourcing.persistence.Notification;
import dev.eventsourcing.system.NotificationLogReader;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The second JVM of {@link FreshJvmFollowerTest}: it constructs a leader application on the store the environment
 * names, as a new process does, and prints what a follower of it processes ({@code EVENT} lines) and each world's
 * history from the leader's repository ({@code HISTORY} lines). With {@code undeclared} it reads the same store as an
 * application that declares no types, and prints why it was refused ({@code REFUSED}).
 */
public final class FreshJvmFollower {
  private FreshJvmFollower() {}

  /** Follows a leader and records each upstream event's topic and payload; it stores nothing of its own. */
  static final class Chronicler extends ProcessApplication {
    final List<String> seen = new ArrayList<>();

    Chronicler(Map<String, String> environment) {
      super(environment);
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {
      seen.add(event.topic() + " " + event.payload());
    }
  }

  /** An application over the Universe's store that declares nothing. */
  static final class Unaware extends Application {}

  /**
   * The leader of a kind: the README's Universe in Kotlin over the aggregate class {@code World} ({@code classic}),
   * or over the {@code aggregate { }} type {@code World} ({@code dsl}).
   */
  static Application leader(String kind, Map<String, String> environment) {
    return switch (kind) {
      case "classic" -> new dev.eventsourcing.examples.kotlin.classic.Universe(environment);
      case "dsl" -> new dev.eventsourcing.examples.kotlin.dsl.Universe(environment);
      default -> throw new IllegalArgumentException("no leader of kind " + kind);
    };
  }

  public static void main(String[] args) {
    Map<String, String> environment = Map.of(
        "PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", System.getenv("SQLITE_DBNAME"));
    if (args[0].equals("undeclared")) {
      try (Unaware unaware = Application.builder(Unaware.class).name("Universe").environment(environment).build()) {
        Notification first = unaware.log().section("1,1").items().get(0);
        unaware.mapper().toDomainEvent(first);
        System.out.println("DECODED " + first.topic());
      } catch (TopicException e) {
        System.out.println("REFUSED " + e.getMessage());
      }
      return;
    }
    try (Application leader = leader(args[0], environment);
        Chronicler chronicler = new Chronicler(environment)) {
      chronicler.follow(leader);
      int processed = chronicler.pullAndProcess(leader.name());
      chronicler.seen.forEach(line -> System.out.println("EVENT " + line));
      new NotificationLogReader(leader.log()).read(1)
          .filter(notification -> notification.originatorVersion() == 1)
          .forEach(notification -> System.out.println("HISTORY " + notification.originatorId() + " "
              + ((Worlds) leader).getHistory(notification.originatorId())));
      System.out.println("PROCESSED " + processed);
    }
  }
}
