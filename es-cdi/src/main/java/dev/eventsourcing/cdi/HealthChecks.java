package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.system.FollowerState;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health checks of a deployment's event-sourced applications, added as beans when the container
 * has MicroProfile Health; no other class refers to this one.
 */
final class HealthChecks {
  /** The readiness check: each application's store answers. */
  static final String STORES = "eventsourcing-stores";
  /** The liveness check: no follower is stopped by an error. */
  static final String FOLLOWERS = "eventsourcing-followers";

  private HealthChecks() {}

  static void add(AfterBeanDiscovery event, BeanManager beans, Collection<Class<? extends Application>> annotated,
      DeploymentBeans deployment, ContainerSystems systems) {
    List<Class<? extends Application>> types = List.copyOf(annotated);
    HealthCheck stores = () -> answer(STORES, () -> stores(beans, types, deployment, systems));
    HealthCheck followers = () -> answer(FOLLOWERS, () -> followers(systems));
    event.addBean().types(HealthCheck.class, Object.class).qualifiers(Readiness.Literal.INSTANCE)
        .scope(Dependent.class).createWith(context -> stores);
    event.addBean().types(HealthCheck.class, Object.class).qualifiers(Liveness.Literal.INSTANCE)
        .scope(Dependent.class).createWith(context -> followers);
  }

  /** The check's answer, or, if it fails, down with what failed. */
  private static HealthCheckResponse answer(String name, Supplier<HealthCheckResponse> check) {
    try {
      return check.get();
    } catch (RuntimeException e) {
      return new HealthCheckResponse(name, HealthCheckResponse.Status.DOWN, Optional.of(Map.of("error", e.toString())));
    }
  }

  /** Up if every application's store answers: the running systems' applications, and the annotated ones. */
  private static HealthCheckResponse stores(BeanManager beans, List<Class<? extends Application>> annotated,
      DeploymentBeans deployment, ContainerSystems systems) {
    Map<String, Object> data = new LinkedHashMap<>();
    boolean up = true;
    Map<String, Application> applications = new LinkedHashMap<>();
    for (Runner runner : systems.started()) {
      try {
        runner.applications().forEach(application -> applications.putIfAbsent(application.name(), application));
      } catch (IllegalStateException stopped) {
        // stopped meanwhile: its applications are closed
      }
    }
    for (Class<? extends Application> type : annotated) {
      try {
        Application application = deployment.application(type, beans);
        applications.putIfAbsent(application.name(), application);
      } catch (RuntimeException e) {
        data.put(type.getSimpleName(), "DOWN: " + e);
        up = false;
      }
    }
    for (Application application : applications.values()) {
      try {
        application.recorder().maxNotificationId();
        data.put(application.name(), "UP");
      } catch (RuntimeException e) {
        data.put(application.name(), "DOWN: " + e);
        up = false;
      }
    }
    return new HealthCheckResponse(STORES, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.of(data));
  }

  /**
   * Down if a follower of a running system is stopped by an error. When the stores can't be read for the lags,
   * the failures alone tell: liveness does not depend on the database, readiness does.
   */
  private static HealthCheckResponse followers(ContainerSystems systems) {
    Map<String, Object> data = new LinkedHashMap<>();
    boolean up = true;
    for (Runner runner : systems.started()) {
      List<FollowerState> states;
      try {
        states = runner.followers();
      } catch (IllegalStateException stopped) {
        continue;
      } catch (RuntimeException unreadable) {
        List<Throwable> failures = runner.failures();
        for (int i = 0; i < failures.size(); i++) {
          data.put("failure " + (i + 1), "STOPPED: " + failures.get(i).getMessage());
          up = false;
        }
        continue;
      }
      for (FollowerState state : states) {
        String follower = state.name() + " following " + state.upstream();
        if (state.status() == FollowerState.Status.STOPPED) {
          data.put(follower, "STOPPED: " + state.error());
          up = false;
        } else {
          data.put(follower, "RUNNING, lag " + state.lag());
        }
      }
    }
    return new HealthCheckResponse(FOLLOWERS, up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN,
        Optional.of(data));
  }
}
