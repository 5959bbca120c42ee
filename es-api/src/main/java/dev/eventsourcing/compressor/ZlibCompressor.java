package dev.eventsourcing.compressor;

import dev.eventsourcing.persistence.Compressor;
import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.Environment;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib compression with {@code java.util.zip} (the format of Python's {@code zlib}). Decompression stops with a
 * {@link DataException} beyond a bound on the inflated size ({@value #DEFAULT_MAX_INFLATED_BYTES} bytes unless
 * {@code COMPRESSOR_MAX_BYTES} says otherwise), so a corrupt or hostile record can't exhaust memory.
 *
 * <p>Configured with {@code COMPRESSOR_TOPIC=dev.eventsourcing.compressor:ZlibCompressor}.
 */
public final class ZlibCompressor implements Compressor {
  /** The default bound on the size of one decompressed record. */
  public static final int DEFAULT_MAX_INFLATED_BYTES = 64 * 1024 * 1024;

  /** The setting that bounds the size of one decompressed record. */
  public static final String COMPRESSOR_MAX_BYTES = "COMPRESSOR_MAX_BYTES";

  private final int maxInflatedBytes;

  public ZlibCompressor() {
    this(DEFAULT_MAX_INFLATED_BYTES);
  }

  public ZlibCompressor(Environment environment) {
    this(environment.getInt(COMPRESSOR_MAX_BYTES, DEFAULT_MAX_INFLATED_BYTES, 1, Integer.MAX_VALUE - 8));
  }

  public ZlibCompressor(int maxInflatedBytes) {
    if (maxInflatedBytes < 1) {
      throw new IllegalArgumentException("maxInflatedBytes must be positive, got " + maxInflatedBytes);
    }
    this.maxInflatedBytes = maxInflatedBytes;
  }

  @Override
  public byte[] compress(byte[] data) {
    Deflater deflater = new Deflater();
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
      byte[] buffer = new byte[Math.max(64, Math.min(data.length + 64, 8192))];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }

  @Override
  public byte[] decompress(byte[] data) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length * 3));
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int inflated = inflater.inflate(buffer);
        if (inflated == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new DataException("compressed record is truncated or not zlib data");
        }
        if (out.size() + inflated > maxInflatedBytes) {
          throw new DataException("compressed record inflates beyond " + maxInflatedBytes + " bytes");
        }
        out.write(buffer, 0, inflated);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new DataException("compressed record is not valid zlib data");
    } finally {
      inflater.end();
    }
  }
}
