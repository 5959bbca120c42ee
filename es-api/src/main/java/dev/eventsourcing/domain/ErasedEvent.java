package dev.eventsourcing.domain;

import java.util.UUID;

/**
 * The payload of a domain event whose data was erased: its subject's data key was destroyed, so only what is
 * stored in plain text is left. The domain event around it keeps the stored event's originator id and version,
 * its timestamp, and the topic of the original payload, so followers of the notification log see that the event
 * happened, and that it was erased, rather than fail.
 *
 * @param subjectId the data subject that was forgotten
 * @param topic the topic of the payload that was erased
 */
public record ErasedEvent(UUID subjectId, String topic) {}
