package dev.eventsourcing.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate recorder that also gives each event a notification id and selects events in that order: the
 * application's notification log.
 *
 * <p>Notification ids start at 1 and increase in commit order. The events of one {@code insertEvents} call get
 * contiguous ids. No reader ever skips an event: once a reader has seen id N, no event with an id below N is
 * committed later.
 */
public interface ApplicationRecorder extends AggregateRecorder {
  /**
   * Selects notifications in ascending id order.
   *
   * @param start the first id to select (inclusive)
   * @param limit at most this many notifications
   * @param stop the last id to select (inclusive), or no bound when {@code null}
   * @param topics only notifications with one of these topics; all topics when empty
   */
  List<Notification> selectNotifications(long start, int limit, @Nullable Long stop, Collection<String> topics);

  /** Selects up to {@code limit} notifications from {@code start} onward, of any topic. */
  default List<Notification> selectNotifications(long start, int limit) {
    return selectNotifications(start, limit, null, Set.of());
  }

  /** The highest notification id recorded, or {@code null} when nothing has been recorded. */
  @Nullable Long maxNotificationId();

  /**
   * Has {@code listener} called when new notifications may have been recorded, by this process or another that
   * shares the store, until the subscription is closed. A signal is a hint, not a delivery: it may come when
   * nothing is new, and several commits may give one signal; a store may give none at all, or miss some (while it
   * reconnects, say), so a reader still reads onward from its position now and then. The listener runs on a
   * thread of the recorder and must return quickly.
   *
   * <p>By default nothing is signalled: a store that only one process uses gives its readers nothing they don't
   * learn from the application's own save listeners.
   */
  default Subscription subscribe(Runnable listener) {
    return Subscription.NONE;
  }
}
