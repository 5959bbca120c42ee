package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An application's events in the order they were stored, as notifications with increasing ids starting at 1: the
 * way other applications and projections follow an application reliably.
 */
public interface NotificationLog {
  /**
   * A section of the log, by a section id {@code "first,last"} such as {@code "1,10"} (Python's {@code
   * log['1,10']}). It holds the notifications from {@code first} up to {@code last}, but never more than the log's
   * section size; its {@code nextId} names the following section, or is {@code null} at the end of the log.
   *
   * @throws dev.eventsourcing.domain.EventSourcingException if the section id is malformed
   */
  Section section(String sectionId);

  /**
   * Selects notifications from {@code start} onward.
   *
   * @param start the first id (inclusive)
   * @param limit at most this many (bounded by the log's section size)
   * @param stop the last id (inclusive), or {@code null} for no bound
   * @param topics only notifications with these topics; all when empty
   */
  List<Notification> select(long start, int limit, @Nullable Long stop, Collection<String> topics);
}
