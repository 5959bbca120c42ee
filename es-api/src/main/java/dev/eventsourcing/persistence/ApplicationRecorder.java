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
}
