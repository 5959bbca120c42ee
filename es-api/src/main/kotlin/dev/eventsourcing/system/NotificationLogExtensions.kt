package dev.eventsourcing.system

import dev.eventsourcing.application.NotificationLog
import dev.eventsourcing.persistence.Notification
import kotlin.streams.asSequence

/**
 * The log's notifications from id [start] onward, as a lazy [Sequence] read in sections of [sectionSize] (the log
 * may return smaller ones); it ends at the end of the log as it was when its last section was read.
 */
fun NotificationLog.notifications(
    start: Long = 1,
    sectionSize: Int = NotificationLogReader.DEFAULT_SECTION_SIZE,
): Sequence<Notification> = NotificationLogReader(this, sectionSize).read(start).asSequence()
