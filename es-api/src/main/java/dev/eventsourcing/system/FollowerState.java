package dev.eventsourcing.system;

import org.jspecify.annotations.Nullable;

/**
 * The state of one follower of one leader in a running {@link Runner}, as {@link Runner#followers()} read it.
 *
 * @param name the follower's application name
 * @param upstream the name of the leader it follows
 * @param status whether it is processing or stopped by an error
 * @param error what stopped it, {@code null} while it runs: a {@link ProcessingException} naming the notification,
 *     or an {@link Error}
 * @param lag how far it is behind the leader: the id of the leader's last notification minus that of the last one
 *     the follower has processed (its tracking record), or, for a follower that reads only some topics, the last
 *     one it found it had nothing more to read up to (see {@link ProcessApplication#lag}). 0 when it has caught up
 */
public record FollowerState(String name, String upstream, Status status, @Nullable Throwable error, long lag) {
  /** Whether a follower processes what its leaders record. */
  public enum Status {
    /**
     * It processes, or waits for new notifications; in a {@link MultiThreadedRunner}, this also when another
     * process holds its lease and processes it there.
     */
    RUNNING,
    /** A failure stopped it: see {@link FollowerState#error()}. It stays stopped until the runner is restarted. */
    STOPPED
  }
}
