package dev.eventsourcing.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate recorder that also gives each event a notification id and selects events in that order: the
 * application's notification log.
 *
 * <p>Notification ids start at 1 and increase in commit order. The events of one {@code insertEvents} call get
 * contiguous ids. No reader ever skips an event: once a reader has seen id N, no event with an id below N is
 * committed later.
 *
 * <p>Events are inserted in one way, {@link #insertEvents(List, List, Tracking)}, with the data keys they are the
 * first to need and the tracking record of the upstream notification they were produced from, each when the
 * recorder keeps them: data keys when {@link #dataKeys()} is present, tracking records when the recorder is a
 * {@link ProcessRecorder} (what {@code InfrastructureFactory.processRecorder()} returns).
 */
public interface ApplicationRecorder extends AggregateRecorder {
  /**
   * Inserts events, the data keys they are the first to need, and a tracking record if given, atomically: all or
   * nothing. A tracking record is recorded even when there are no events.
   *
   * @param newKeys keys of data subjects that have no key record yet; empty unless {@link #dataKeys()} is present
   * @param tracking the upstream notification these events were produced from, or {@code null}; only a recorder
   *     that keeps tracking records (a {@link ProcessRecorder}) takes one
   * @return the notification ids given to the events, in the order of the list
   * @throws RecordConflictException if an originator version is already recorded or repeated in the batch, or if
   *     the tracking record's notification id is not greater than the highest one recorded for its upstream
   *     application
   * @throws DataKeyConflictException if a subject of {@code newKeys} already has a key record (another writer
   *     recorded one first, or the subject was erased)
   * @throws NotSupportedException if a tracking record is given and this recorder keeps none, or keys are given
   *     and it keeps no data keys; nothing was recorded
   * @throws OperationalException if the database failed in a way that makes retrying safe
   */
  List<Long> insertEvents(List<StoredEvent> events, List<DataKey> newKeys, @Nullable Tracking tracking);

  /** Inserts events atomically, without data keys or tracking: {@code insertEvents(events, List.of(), null)}. */
  @Override
  default List<Long> insertEvents(List<StoredEvent> events) {
    return insertEvents(events, List.of(), null);
  }

  /**
   * The data keys of per-subject encryption kept beside this recorder's events, in the same store; the keys a
   * batch is the first to need are inserted with its events by {@link #insertEvents(List, List, Tracking)}. Empty
   * when the store keeps no data keys, as by default.
   */
  default Optional<DataKeyRecorder> dataKeys() {
    return Optional.empty();
  }

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
