package dev.eventsourcing.application;

import dev.eventsourcing.persistence.RecordConflictException;
import dev.eventsourcing.persistence.Tracking;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import org.jspecify.annotations.Nullable;

/** The JFR event of a save that the store refused as a {@link RecordConflictException}. */
@Name("dev.eventsourcing.Conflict")
@Label("Conflict")
@Category({"Event Sourcing"})
@Description("A save conflicted with another writer: an aggregate was stale, or the upstream notification was"
    + " tracked already")
@StackTrace(false)
final class ConflictEvent extends jdk.jfr.Event {
  private static final ConflictEvent TYPE = new ConflictEvent();

  @Label("Application")
  String application;

  @Label("Events")
  @Description("How many events the save would have recorded")
  int events;

  @Label("Upstream")
  @Description("The upstream application of the tracking record, if the save had one")
  @Nullable String upstream;

  @Label("Tracked Notification Id")
  @Description("The upstream notification id of the tracking record, 0 if none")
  long trackedNotificationId;

  @Label("Message")
  String message;

  static void commit(String application, int events, @Nullable Tracking tracking, RecordConflictException conflict) {
    if (!TYPE.isEnabled()) {
      return;
    }
    ConflictEvent event = new ConflictEvent();
    if (event.shouldCommit()) {
      event.application = application;
      event.events = events;
      event.upstream = tracking == null ? null : tracking.applicationName();
      event.trackedNotificationId = tracking == null ? 0 : tracking.notificationId();
      event.message = String.valueOf(conflict.getMessage());
      event.commit();
    }
  }
}
