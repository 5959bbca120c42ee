package dev.eventsourcing.system;

import dev.eventsourcing.application.NotificationLog;
import dev.eventsourcing.application.Section;
import dev.eventsourcing.persistence.Notification;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a notification log onward from a position, section by section. Each stream is lazy: sections are fetched
 * as it is consumed, and it ends at the end of the log as it was when the last section was fetched.
 */
public final class NotificationLogReader {
  /** The section size of Python's library. */
  public static final int DEFAULT_SECTION_SIZE = 10;

  private final NotificationLog log;
  private final int sectionSize;

  public NotificationLogReader(NotificationLog log) {
    this(log, DEFAULT_SECTION_SIZE);
  }

  /** A reader that asks for sections of {@code sectionSize} (the log may return smaller ones). */
  public NotificationLogReader(NotificationLog log, int sectionSize) {
    if (sectionSize < 1) {
      throw new IllegalArgumentException("section size must be positive, got " + sectionSize);
    }
    this.log = log;
    this.sectionSize = sectionSize;
  }

  /** The notifications from id {@code start} (inclusive) to the end of the log. */
  public Stream<Notification> read(long start) {
    if (start < 1) {
      throw new IllegalArgumentException("notification ids start at 1, got " + start);
    }
    Iterator<Notification> iterator =
        new Iterator<>() {
          private String sectionId = start + "," + (start + sectionSize - 1);
          private List<Notification> items = List.of();
          private int index;
          private boolean more = true;

          @Override
          public boolean hasNext() {
            while (index >= items.size() && more) {
              Section section = log.section(sectionId);
              items = section.items();
              index = 0;
              more = section.nextId() != null;
              if (more) {
                sectionId = section.nextId();
              }
            }
            return index < items.size();
          }

          @Override
          public Notification next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return items.get(index++);
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }
}
