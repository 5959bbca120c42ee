package dev.eventsourcing.persistence;

/**
 * Compresses stored state before it is encrypted, and decompresses it after it is decrypted. Configured with
 * {@code COMPRESSOR_TOPIC}; an implementation has a public constructor taking the {@link Environment}, or none.
 * Implementations are safe to use from many threads.
 */
public interface Compressor {
  byte[] compress(byte[] data);

  /**
   * Decompresses what {@link #compress(byte[])} returned.
   *
   * @throws DataException if the bytes are not compressed data, or inflate beyond the compressor's bound
   */
  byte[] decompress(byte[] data);
}
