package dev.eventsourcing.persistence;

/**
 * Converts envelopes, with their payloads, to bytes and back. The default, {@link JacksonTranscoder}, writes JSON
 * and can be extended with Jackson modules for custom value types.
 *
 * <p>A transcoder also applies versioning: a payload class at {@code @Topic(version = N)} is written with its
 * version, and stored data of an earlier version is passed through the class's {@link
 * dev.eventsourcing.domain.Upcaster upcasters} before it is bound. Implementations are safe to use from many
 * threads.
 */
public interface Transcoder {
  /** Encodes an envelope and its payload. Aggregates (snapshots) are written by their fields. */
  byte[] encode(Envelope envelope);

  /**
   * Decodes bytes written by {@link #encode(Envelope)}, binding the payload to {@code payloadType}.
   *
   * @throws DataException if the bytes are not a valid envelope or the payload does not bind to the type
   */
  Envelope decode(byte[] data, Class<?> payloadType);
}
