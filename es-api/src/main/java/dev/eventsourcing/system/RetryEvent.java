package dev.eventsourcing.system;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;
import org.jspecify.annotations.Nullable;

/** The JFR event of a follower's wait to retry a step that failed transiently; its duration is the wait. */
@Name("dev.eventsourcing.Retry")
@Label("Retry")
@Category({"Event Sourcing"})
@Description("A follower's step failed for a transient reason, and the follower waited to try it again")
@StackTrace(false)
final class RetryEvent extends jdk.jfr.Event {
  private static final RetryEvent TYPE = new RetryEvent();

  @Label("Follower")
  String follower;

  @Label("Upstream")
  String upstream;

  @Label("Attempt")
  @Description("How many times in a row the step has failed, 1 for the first")
  int attempt;

  @Label("Delay")
  @Timespan(Timespan.MILLISECONDS)
  long delay;

  @Label("Step")
  @Description("What failed")
  String step;

  @Label("Failure")
  String failure;

  /** A started event, or {@code null} if no recording is enabled for it. */
  static @Nullable RetryEvent start() {
    if (!TYPE.isEnabled()) {
      return null;
    }
    RetryEvent event = new RetryEvent();
    event.begin();
    return event;
  }

  void end(String follower, String upstream, int attempt, long delayMillis, String step, Throwable failure) {
    end();
    if (shouldCommit()) {
      this.follower = follower;
      this.upstream = upstream;
      this.attempt = attempt;
      this.delay = delayMillis;
      this.step = step;
      this.failure = String.valueOf(failure);
      commit();
    }
  }
}
