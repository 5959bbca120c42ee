package dev.eventsourcing.system;

import dev.eventsourcing.application.LocalNotificationLog;
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
 * as it is consumed, and it ends at the end of the log as it was when the last section was fetched. The log of an
 * application in the same process ({@link LocalNotificationLog}) is read in pages of the reader's section size,
 * whatever size the log caps its sections at; any other log, section by section as it serves them.
 */
public final class NotificationLogReader {
  /** The section size of Python's library. */
  public static final int DEFAULT_SECTION_SIZE = 10;

  private final NotificationLog log;
  private final int sectionSize;

  public NotificationLogReader(NotificationLog log) {
    this(log, DEFAULT_SECTION_SIZE);
  }

  /**
   * A reader that asks for sections of {@code sectionSize}: a local log returns them, another log may return
   * smaller ones.
   */
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
    Iterator<Notification> iterator = log instanceof LocalNotificationLog local ? new Pages(local, start)
        : new Sections(start);
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /** The notifications of a sequence of batches, each fetched when the one before is consumed. */
  private abstract static class Batches implements Iterator<Notification> {
    private List<Notification> items = List.of();
    private int index;
    private boolean more = true;

    /** The next batch, empty at the end; calls {@link #end} when it is the last. */
    abstract List<Notification> fetch();

    final void end() {
      more = false;
    }

    @Override
    public final boolean hasNext() {
      while (index >= items.size() && more) {
        items = fetch();
        index = 0;
      }
      return index < items.size();
    }

    @Override
    public final Notification next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return items.get(index++);
    }
  }

  /** A local log's notifications, in pages of the section size asked directly of its recorder. */
  private final class Pages extends Batches {
    private final LocalNotificationLog local;
    private long position;

    Pages(LocalNotificationLog local, long start) {
      this.local = local;
      this.position = start;
    }

    @Override
    List<Notification> fetch() {
      List<Notification> page = local.page(position, sectionSize);
      if (page.size() < sectionSize) {
        end();
      }
      if (!page.isEmpty()) {
        position = page.get(page.size() - 1).id() + 1;
      }
      return page;
    }
  }

  /** A log's sections, following each section's next id. */
  private final class Sections extends Batches {
    private String sectionId;

    Sections(long start) {
      this.sectionId = start + "," + (start + sectionSize - 1);
    }

    @Override
    List<Notification> fetch() {
      Section section = log.section(sectionId);
      if (section.nextId() == null) {
        end();
      } else {
        sectionId = section.nextId();
      }
      return section.items();
    }
  }
}
