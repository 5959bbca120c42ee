package dev.eventsourcing.application;

import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.persistence.ApplicationRecorder;
import dev.eventsourcing.persistence.Notification;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A notification log read directly from an application's recorder. Its sections and selections are bounded by its
 * section size, as a log served to remote readers must be; a reader in the same process asks for the pages it
 * wants with {@link #page}.
 */
public final class LocalNotificationLog implements NotificationLog {
  /** The section size of Python's library, used unless an application says otherwise. */
  public static final int DEFAULT_SECTION_SIZE = 10;

  private final ApplicationRecorder recorder;
  private final int sectionSize;

  public LocalNotificationLog(ApplicationRecorder recorder, int sectionSize) {
    if (sectionSize < 1) {
      throw new IllegalArgumentException("section size must be positive, got " + sectionSize);
    }
    this.recorder = recorder;
    this.sectionSize = sectionSize;
  }

  public int sectionSize() {
    return sectionSize;
  }

  @Override
  public Section section(String sectionId) {
    long[] range = parse(sectionId);
    long first = range[0];
    int size = (int) Math.min(range[1] - first + 1, sectionSize);
    if (size < 1) {
      return new Section(null, List.of(), null);
    }
    List<Notification> items = recorder.selectNotifications(first, size);
    if (items.isEmpty()) {
      return new Section(null, items, null);
    }
    long last = items.get(items.size() - 1).id();
    String nextId = items.size() == size ? format(last + 1, last + size) : null;
    return new Section(format(items.get(0).id(), last), items, nextId);
  }

  @Override
  public List<Notification> select(long start, int limit, @Nullable Long stop, Collection<String> topics) {
    return recorder.selectNotifications(start, Math.min(limit, sectionSize), stop, topics);
  }

  /**
   * Up to {@code limit} notifications from {@code start} onward, as many as the reader asks for: for readers in the
   * same process, which the section size does not bound.
   */
  public List<Notification> page(long start, int limit) {
    return recorder.selectNotifications(start, limit);
  }

  private static long[] parse(String sectionId) {
    int comma = sectionId.indexOf(',');
    try {
      if (comma > 0) {
        long first = Long.parseLong(sectionId.substring(0, comma).trim());
        long last = Long.parseLong(sectionId.substring(comma + 1).trim());
        if (first >= 1 && last >= first) {
          return new long[] {first, last};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EventSourcingException("section id '" + sectionId
        + "' is malformed: use 'first,last' with 1 <= first <= last, such as '1,10'");
  }

  private static String format(long first, long last) {
    return first + "," + last;
  }
}
