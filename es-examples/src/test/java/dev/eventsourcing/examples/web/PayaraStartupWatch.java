package dev.eventsourcing.examples.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Makes a Payara Micro that dies while it starts fail the deployment at once. The Arquillian adapter starts the
 * server in its {@code deploy} and waits for the line that says it is up, for as long as its startup timeout, even
 * when the process has already exited; this watch interrupts that wait when the server's process is gone, and the
 * server's log is in the test's output above the failure.
 */
public final class PayaraStartupWatch implements LoadableExtension {
  private static final Duration POLL = Duration.ofMillis(250);

  @Override
  public void register(ExtensionBuilder builder) {
    builder.observer(Watch.class);
  }

  /** Watches the server's process for the time of each deployment to Payara Micro. */
  public static final class Watch {
    public void aroundDeploy(@Observes EventContext<DeployDeployment> deploy) {
      if (!deploy.getEvent().getDeployableContainer().getClass().getName().contains("PayaraMicro")) {
        deploy.proceed();
        return;
      }
      Thread deploying = Thread.currentThread();
      AtomicBoolean inDeploy = new AtomicBoolean(true);
      Thread watch = new Thread(() -> watch(deploying, inDeploy), "payara-startup-watch");
      watch.setDaemon(true);
      watch.start();
      try {
        deploy.proceed();
      } finally {
        if (inDeploy.compareAndSet(true, false)) {
          watch.interrupt();
        } else {
          Thread.interrupted(); // the watch's interrupt has done its work
        }
      }
    }

    private static void watch(Thread deploying, AtomicBoolean inDeploy) {
      try {
        Optional<ProcessHandle> server = Optional.empty();
        while (server.isEmpty()) {
          Thread.sleep(POLL.toMillis());
          server = ProcessHandle.current().children()
              .filter(child -> child.info().commandLine().orElse("").contains("payara-micro"))
              .findFirst();
        }
        while (server.get().isAlive()) {
          Thread.sleep(POLL.toMillis());
        }
        System.err.println("Payara Micro (pid " + server.get().pid() + ") exited before the deployment was up;"
            + " its log is above");
        if (inDeploy.compareAndSet(true, false)) {
          deploying.interrupt();
        }
      } catch (InterruptedException e) {
        // The deployment is over: nothing to watch.
      }
    }
  }
}
