package dev.eventsourcing.application;

import dev.eventsourcing.persistence.Notification;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A section of a notification log: the notifications of a requested range of ids.
 *
 * @param id the range actually returned, {@code "first,last"} of its items, or {@code null} when it is empty
 * @param items the notifications, in ascending id order
 * @param nextId the id of the next section, or {@code null} when this section was not full (the end of the log)
 */
public record Section(@Nullable String id, List<Notification> items, @Nullable String nextId) {
  public Section {
    items = List.copyOf(items);
  }
}
