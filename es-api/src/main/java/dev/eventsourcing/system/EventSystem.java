package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The applications of an event-driven system and the pipes between them, by class (Python's {@code System}). Each
 * pipe is a list of application classes in which each application follows the one before it:
 *
 * <pre>{@code
 * new EventSystem(List.of(
 *     List.of(Orders.class, Reservations.class, Orders.class, Payments.class, Orders.class)));
 * }</pre>
 *
 * <p>declares that {@code Reservations} follows {@code Orders}, {@code Orders} follows {@code Reservations} (a cycle),
 * and so on. An application that follows another is a follower and must be a {@link ProcessApplication}; one that
 * is followed is a leader; an application may be both. A {@link Runner} runs a system. Immutable.
 */
public final class EventSystem {
  private final Set<Class<? extends Application>> applications = new LinkedHashSet<>();
  private final Map<Class<? extends Application>, Set<Class<? extends Application>>> leadersOf = new LinkedHashMap<>();
  private final Map<Class<? extends Application>, Set<Class<? extends Application>>> followersOf =
      new LinkedHashMap<>();

  /**
   * @param pipes the pipes, each a non-empty list of application classes; a pipe of one application adds it with
   *     no connections
   * @throws IllegalArgumentException if a pipe is empty, or a follower is not a {@link ProcessApplication}
   */
  public EventSystem(List<List<Class<? extends Application>>> pipes) {
    for (List<Class<? extends Application>> pipe : pipes) {
      if (pipe.isEmpty()) {
        throw new IllegalArgumentException("a pipe of an event system needs at least one application: " + pipes);
      }
      applications.addAll(pipe);
      for (int i = 1; i < pipe.size(); i++) {
        Class<? extends Application> leader = pipe.get(i - 1);
        Class<? extends Application> follower = pipe.get(i);
        if (!ProcessApplication.class.isAssignableFrom(follower)) {
          throw new IllegalArgumentException(follower.getName() + " follows " + leader.getName()
              + " in an event system, but is not a ProcessApplication: only process applications can follow");
        }
        leadersOf.computeIfAbsent(follower, type -> new LinkedHashSet<>()).add(leader);
        followersOf.computeIfAbsent(leader, type -> new LinkedHashSet<>()).add(follower);
      }
    }
  }

  /** Every application of the system, in the order of their first appearance in the pipes. */
  public List<Class<? extends Application>> applications() {
    return List.copyOf(applications);
  }

  /** The applications that others follow. */
  public List<Class<? extends Application>> leaders() {
    return List.copyOf(followersOf.keySet());
  }

  /** The applications that follow others. */
  public List<Class<? extends ProcessApplication>> followers() {
    List<Class<? extends ProcessApplication>> followers = new ArrayList<>();
    for (Class<? extends Application> follower : leadersOf.keySet()) {
      followers.add(follower.asSubclass(ProcessApplication.class));
    }
    return followers;
  }

  /** The applications that {@code follower} follows; empty if it follows none. */
  public List<Class<? extends Application>> leadersOf(Class<? extends Application> follower) {
    return List.copyOf(leadersOf.getOrDefault(follower, Set.of()));
  }

  /** The applications that follow {@code leader}; empty if none does. */
  public List<Class<? extends Application>> followersOf(Class<? extends Application> leader) {
    return List.copyOf(followersOf.getOrDefault(leader, Set.of()));
  }

  /** Whether the class is one of the system's applications. */
  public boolean contains(Class<?> type) {
    return applications.contains(type);
  }
}
