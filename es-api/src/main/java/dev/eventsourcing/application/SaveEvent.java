package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Tracking;
import java.util.List;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/** The JFR event of a save that recorded events or a tracking record; its duration is the store's. */
@Name("dev.eventsourcing.Save")
@Label("Save")
@Category({"Event Sourcing"})
@Description("An application recorded new events, or a tracking record, atomically")
@StackTrace(false)
final class SaveEvent extends jdk.jfr.Event {
  /** Asked whether the event is enabled, so that nothing is allocated while no recording wants it. */
  private static final SaveEvent TYPE = new SaveEvent();

  @Label("Application")
  String application;

  @Label("Events")
  int events;

  @Label("First Notification Id")
  @Description("The notification id of the first event recorded, 0 if none")
  long firstNotificationId;

  @Label("Last Notification Id")
  @Description("The notification id of the last event recorded, 0 if none")
  long lastNotificationId;

  @Label("Upstream")
  @Description("The upstream application of the tracking record, if one was recorded")
  @Nullable String upstream;

  @Label("Tracked Notification Id")
  @Description("The upstream notification id of the tracking record, 0 if none")
  long trackedNotificationId;

  /** A started event, or {@code null} if no recording is enabled for it. */
  static @Nullable SaveEvent start() {
    if (!TYPE.isEnabled()) {
      return null;
    }
    SaveEvent event = new SaveEvent();
    event.begin();
    return event;
  }

  void end(String application, int events, List<Long> ids, @Nullable Tracking tracking) {
    end();
    if (shouldCommit()) {
      this.application = application;
      this.events = events;
      this.firstNotificationId = ids.isEmpty() ? 0 : ids.get(0);
      this.lastNotificationId = ids.isEmpty() ? 0 : ids.get(ids.size() - 1);
      this.upstream = tracking == null ? null : tracking.applicationName();
      this.trackedNotificationId = tracking == null ? 0 : tracking.notificationId();
      commit();
    }
  }
}
