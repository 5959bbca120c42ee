package dev.eventsourcing.system;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The JFR events of a {@link MultiThreadedRunner}'s worker taking or losing its follower's lease. */
final class LeaseEvent {
  private static final Taken TAKEN = new Taken();
  private static final Lost LOST = new Lost();

  private LeaseEvent() {}

  @Name("dev.eventsourcing.LeaseTaken")
  @Label("Lease Taken")
  @Category({"Event Sourcing"})
  @Description("This process took a follower's lease: it processes the follower's notifications until it loses it")
  @StackTrace(false)
  static final class Taken extends jdk.jfr.Event {
    @Label("Follower")
    String follower;

    @Label("Again")
    @Description("Whether this process had lost the lease before")
    boolean again;
  }

  @Name("dev.eventsourcing.LeaseLost")
  @Label("Lease Lost")
  @Category({"Event Sourcing"})
  @Description("This process lost a follower's lease, and stops processing it until it takes it again")
  @StackTrace(false)
  static final class Lost extends jdk.jfr.Event {
    @Label("Follower")
    String follower;
  }

  static void taken(String follower, boolean again) {
    if (TAKEN.isEnabled()) {
      Taken event = new Taken();
      event.follower = follower;
      event.again = again;
      event.commit();
    }
  }

  static void lost(String follower) {
    if (LOST.isEnabled()) {
      Lost event = new Lost();
      event.follower = follower;
      event.commit();
    }
  }
}
