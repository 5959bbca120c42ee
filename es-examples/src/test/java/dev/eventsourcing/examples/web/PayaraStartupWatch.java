package dev.eventsourcing.examples.web;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Makes a Payara Micro that dies while it starts fail the deployment at once. The Arquillian adapter starts the
 * server in its {@code deploy} and waits for the line that says it is up, for as long as its startup timeout, even
 * when the process has already exited; this watch reads the adapter's process and interrupts that wait when the
 * process is gone. The server's log is in the test's output above the failure.
 */
public final class PayaraStartupWatch implements LoadableExtension {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final String ADAPTER =
      "fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer";

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Watch.class);
  }

  /** Watches the server's process for the time of each deployment to Payara Micro. */
  public static final class Watch {
    public void aroundDeploy(@Observes EventContext<DeployDeployment> deploy) throws ReflectiveOperationException {
      DeployableContainer<?> container = deploy.getEvent().getDeployableContainer();
      if (!container.getClass().getName().equals(ADAPTER)) {
        deploy.proceed();
        return;
      }
      Field process = container.getClass().getDeclaredField("payaraMicroProcess");
      process.setAccessible(true);
      Thread deploying = Thread.currentThread();
      AtomicBoolean inDeploy = new AtomicBoolean(true);
      AtomicReference<String> died = new AtomicReference<>();
      Thread watch = new Thread(() -> watch(container, process, deploying, inDeploy, died), "payara-startup-watch");
      watch.setDaemon(true);
      watch.start();
      RuntimeException failure = null;
      try {
        deploy.proceed();
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        if (inDeploy.compareAndSet(true, false)) {
          watch.interrupt();
        } else {
          Thread.interrupted(); // the watch's interrupt has done its work
        }
      }
      if (died.get() != null) {
        IllegalStateException dead = new IllegalStateException(died.get());
        if (failure != null) {
          dead.addSuppressed(failure);
        }
        throw dead;
      }
      if (failure != null) {
        throw failure;
      }
    }

    private static void watch(Object container, Field field, Thread deploying, AtomicBoolean inDeploy,
        AtomicReference<String> died) {
      try {
        Process server = null;
        while (server == null || server.isAlive()) {
          Thread.sleep(POLL.toMillis());
          server = (Process) field.get(container);
        }
        if (inDeploy.compareAndSet(true, false)) {
          died.set("Payara Micro exited with code " + server.exitValue() + " before the deployment was up;"
              + " its log is in this test's output");
          deploying.interrupt();
        }
      } catch (InterruptedException e) {
        // The deployment is over: nothing to watch.
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("the Payara adapter's process can't be read", e);
      }
    }
  }
}
