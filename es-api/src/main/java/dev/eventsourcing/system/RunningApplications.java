package dev.eventsourcing.system;

import dev.eventsourcing.application.Application;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The applications of a system constructed by a runner, followers connected to their leaders. */
final class RunningApplications {
  private final EventSystem system;
  private final Map<Class<? extends Application>, Application> applications = new LinkedHashMap<>();
  /**
   * The system's class of each application, which may be constructed as a subclass of it (as a container's
   * subclass that intercepts its methods).
   */
  private final Map<Application, Class<? extends Application>> types = new IdentityHashMap<>();

  private RunningApplications(EventSystem system) {
    this.system = system;
  }

  /** Constructs every application of the system, and connects each follower to its leaders. */
  static RunningApplications start(
      EventSystem system, Function<Class<? extends Application>, ? extends Application> construct) {
    RunningApplications running = new RunningApplications(system);
    try {
      Map<String, Class<?>> names = new HashMap<>();
      for (Class<? extends Application> type : system.applications()) {
        Application application = construct.apply(type);
        if (!type.isInstance(application)) {
          throw new IllegalArgumentException("the runner's construction of " + type.getName() + " returned "
              + (application == null ? "null" : "a " + application.getClass().getName()));
        }
        running.applications.put(type, application);
        running.types.put(application, type);
        Class<?> other = names.putIfAbsent(application.name(), type);
        if (other != null) {
          throw new IllegalArgumentException("applications " + other.getName() + " and " + type.getName()
              + " of an event system are both named " + application.name() + ": names must differ");
        }
      }
      for (Class<? extends ProcessApplication> type : system.followers()) {
        ProcessApplication follower = running.get(type);
        for (Application leader : running.leadersOf(follower)) {
          follower.follow(leader);
        }
      }
      return running;
    } catch (RuntimeException | Error e) {
      running.close();
      throw e;
    }
  }

  <A extends Application> A get(Class<A> type) {
    Application application = applications.get(type);
    if (application == null) {
      throw new IllegalArgumentException(type.getName() + " is not an application of this system; its applications"
          + " are " + system.applications().stream().map(Class::getSimpleName).toList());
    }
    return type.cast(application);
  }

  private Class<? extends Application> typeOf(Application application) {
    Class<? extends Application> type = types.get(application);
    if (type == null) {
      throw new IllegalArgumentException("application " + application.name() + " is not one of this system's");
    }
    return type;
  }

  List<Application> all() {
    return List.copyOf(applications.values());
  }

  List<ProcessApplication> followers() {
    return system.followers().stream().<ProcessApplication>map(this::get).toList();
  }

  List<Application> leadersOf(Application follower) {
    return system.leadersOf(typeOf(follower)).stream().<Application>map(this::get).toList();
  }

  List<ProcessApplication> followersOf(Application leader) {
    List<ProcessApplication> followers = new ArrayList<>();
    for (Class<? extends Application> type : system.followersOf(typeOf(leader))) {
      followers.add(get(type.asSubclass(ProcessApplication.class)));
    }
    return followers;
  }

  /** Closes the applications, the last constructed first. */
  void close() {
    List<Application> reversed = new ArrayList<>(applications.values());
    Collections.reverse(reversed);
    RuntimeException failure = null;
    for (Application application : reversed) {
      try {
        application.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
