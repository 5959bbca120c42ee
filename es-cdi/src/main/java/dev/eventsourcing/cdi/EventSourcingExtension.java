package dev.eventsourcing.cdi;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationContext;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import dev.eventsourcing.system.ProcessApplication;
import dev.eventsourcing.system.ProcessingSettings;
import dev.eventsourcing.system.Runner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.ProcessBean;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionTarget;
import jakarta.enterprise.inject.spi.WithAnnotations;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The portable extension that makes the classes annotated {@link EventSourcingApplication} application-scoped
 * beans, constructed by the container with the container's settings (see {@link EventSourcingConfig} for their
 * sources), through a constructor taking the {@link ApplicationContext} that the container injects, or one without
 * parameters; and closed when the container shuts down.
 *
 * <p>Each {@link dev.eventsourcing.system.EventSystem} bean that a deployment produces (several, with qualifiers of
 * their own) is run by a {@link dev.eventsourcing.system.MultiThreadedRunner}, started with the application context
 * and stopped before it ends, on the threads the deployment chooses (see {@link EventSourcingConfig#withThreadFactory}
 * and the {@code MANAGED_THREAD_FACTORY} setting), by default the server's default {@code ManagedThreadFactory}
 * ({@code java:comp/DefaultManagedThreadFactory}) or, outside a server, daemon threads. The runner's application of
 * each class of a system is the contextual instance of its bean, which the container constructs, injects and
 * intercepts before the runner's workers start; a {@link Runner} bean with the system's qualifiers is the runner.
 *
 * <p>When the container deploys, it checks each application's settings: those that every store reads, and that
 * the named store exists; an {@linkplain EventSourcingApplication#eager() eager} application is constructed then,
 * so every setting of its store is checked. A bad setting fails the deployment with a message that names the
 * application and the setting.
 */
public class EventSourcingExtension implements Extension {
  private static final System.Logger LOGGER = System.getLogger(EventSourcingExtension.class.getName());
  private final Map<Class<? extends Application>, EventSourcingApplication> applications = new LinkedHashMap<>();
  private final List<String> misplaced = new ArrayList<>();
  private final DeploymentBeans deployment = new DeploymentBeans();
  private final ContainerSystems systems = new ContainerSystems(deployment);

  <T> void findApplications(
      @Observes @WithAnnotations(EventSourcingApplication.class) ProcessAnnotatedType<T> event) {
    Class<T> type = event.getAnnotatedType().getJavaClass();
    EventSourcingApplication annotation = event.getAnnotatedType().getAnnotation(EventSourcingApplication.class);
    if (annotation == null) {
      return;
    }
    if (Application.class.isAssignableFrom(type)) {
      applications.put(type.asSubclass(Application.class), annotation);
    } else {
      misplaced.add(type.getName());
    }
  }

  <T> void noteBeans(@Observes ProcessBean<T> event) {
    deployment.discovered(event.getBean());
  }

  <T extends Application> void constructWithSettings(@Observes ProcessInjectionTarget<T> event, BeanManager beans) {
    Class<T> type = event.getAnnotatedType().getJavaClass();
    if (applications.containsKey(type)) {
      event.setInjectionTarget(new ApplicationInjectionTarget<>(event.getInjectionTarget(), type, beans, systems,
          deployment));
    }
  }

  <T> void checkContextInjection(@Observes ProcessInjectionPoint<T, ApplicationContext> event) {
    String problem = ApplicationContexts.problemOf(event.getInjectionPoint(), applications.keySet());
    if (problem != null) {
      event.addDefinitionError(new DefinitionException(problem));
    }
  }

  void reportMisplacedAnnotationsAndAddTheRunner(@Observes AfterBeanDiscovery event, BeanManager beans) {
    for (String type : misplaced) {
      event.addDefinitionError(new DefinitionException("@EventSourcingApplication is on " + type
          + ", which does not extend dev.eventsourcing.application.Application"));
    }
    ApplicationContexts.add(event, applications.keySet(), deployment, beans);
    List<Bean<?>> produced = deployment.systems();
    if (produced.isEmpty()) {
      event.addBean()
          .types(Runner.class, Object.class)
          .scope(Dependent.class)
          .createWith(context -> {
            throw new IllegalStateException("a Runner is injected, but the deployment produces no EventSystem bean");
          });
      return;
    }
    Set<Set<Annotation>> qualified = new HashSet<>();
    for (Bean<?> bean : produced) {
      if (!qualified.add(bean.getQualifiers())) {
        event.addDefinitionError(new DefinitionException("there are several EventSystem beans with the qualifiers "
            + bean.getQualifiers() + ": give each system qualifiers of its own"));
        continue;
      }
      ContainerSystem system = systems.add(bean);
      event.addBean()
          .types(Runner.class, Object.class)
          .qualifiers(bean.getQualifiers())
          .scope(Dependent.class)
          .createWith(context -> system.runner(beans));
    }
  }

  /**
   * Starts the deployment's event systems, if it has any, when the application context starts; or, if the server
   * does not resolve a JNDI name one needs yet, when the first request starts or its runner is first injected.
   */
  void startSystem(@Observes @Initialized(ApplicationScoped.class) Object started, BeanManager beans) {
    systems.start(beans);
  }

  /**
   * Starts the event systems that could not start with the deployment, before the request uses any bean: so no
   * thread constructs an application of a system while its runner waits for it.
   */
  void startSystemWithRequest(@Observes @Initialized(RequestScoped.class) Object request, BeanManager beans) {
    if (!systems.allStarted()) {
      systems.start(beans);
    }
  }

  /** Stops the deployment's event systems, and closes their applications, before the application context ends. */
  void stopSystem(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
    systems.stop();
  }

  void checkSettings(@Observes AfterDeploymentValidation event, BeanManager beans) {
    ContainerSettings settings;
    try {
      settings = ContainerSettings.resolve(deployment.config(beans));
      ContainerSystem.check(settings.settings());
    } catch (RuntimeException e) {
      event.addDeploymentProblem(new DeploymentException("the event-sourced applications' settings could not be"
          + " read: " + e.getMessage(), e));
      return;
    }
    applications.forEach((type, annotation) -> {
      try {
        ContainerSettings own = settings.overlaid(deployment.config(type, beans));
        if (annotation.eager()) {
          constructEagerly(type, beans, own);
        } else {
          check(type, own);
        }
      } catch (RuntimeException e) {
        event.addDeploymentProblem(new DeploymentException("event-sourced application " + type.getName()
            + " can't be deployed: " + e.getMessage(), e));
      }
    });
  }

  /**
   * Constructs an application through its client proxy; or, if the server does not resolve a JNDI name it needs
   * yet, checks its settings as a lazy application's, and leaves it to be constructed on first use.
   */
  private void constructEagerly(Class<? extends Application> type, BeanManager beans, ContainerSettings settings) {
    try {
      deployment.application(type, beans).recorder(); // opens its store
    } catch (RuntimeException e) {
      if (!ContainerSystem.isUnboundName(e)) {
        throw e;
      }
      LOGGER.log(System.Logger.Level.INFO, "event-sourced application " + type.getName() + " is constructed on"
          + " first use, as a JNDI name it needs is not bound while the deployment starts: " + e.getMessage());
      check(type, settings);
    }
  }

  /**
   * Checks the settings of a lazy application as its constructor parses them, and a process application's
   * processing settings: the default name, without an overridden name's own prefix.
   */
  private static void check(Class<? extends Application> type, ContainerSettings settings) {
    Environment environment = Environment.fromProcess(type.getSimpleName(), settings.settings());
    InfrastructureFactory.check(environment);
    if (ProcessApplication.class.isAssignableFrom(type)) {
      ProcessingSettings.parse(environment);
    }
  }
}
