package dev.eventsourcing.system;

import dev.eventsourcing.persistence.Notification;
import java.util.List;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/** The JFR event of a batch of upstream notifications a follower processed and recorded. */
@Name("dev.eventsourcing.Batch")
@Label("Processed Batch")
@Category({"Event Sourcing"})
@Description("A follower processed a batch of upstream notifications and recorded the results with its position")
@StackTrace(false)
final class BatchEvent extends jdk.jfr.Event {
  /** Asked whether the event is enabled, so that nothing is allocated while no recording wants it. */
  private static final BatchEvent TYPE = new BatchEvent();

  @Label("Follower")
  @Description("The process application or projection")
  String follower;

  @Label("Upstream")
  String upstream;

  @Label("Notifications")
  int notifications;

  @Label("First Notification Id")
  long firstNotificationId;

  @Label("Last Notification Id")
  long lastNotificationId;

  /** A started event, or {@code null} if no recording is enabled for it. */
  static @Nullable BatchEvent start() {
    if (!TYPE.isEnabled()) {
      return null;
    }
    BatchEvent event = new BatchEvent();
    event.begin();
    return event;
  }

  void end(String follower, String upstream, List<Notification> batch) {
    end();
    if (shouldCommit()) {
      this.follower = follower;
      this.upstream = upstream;
      this.notifications = batch.size();
      this.firstNotificationId = batch.get(0).id();
      this.lastNotificationId = batch.get(batch.size() - 1).id();
      commit();
    }
  }
}
