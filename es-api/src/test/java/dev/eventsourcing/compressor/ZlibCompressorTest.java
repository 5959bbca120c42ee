package dev.eventsourcing.compressor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.DataException;
import dev.eventsourcing.persistence.Environment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZlibCompressorTest {
  private final ZlibCompressor compressor = new ZlibCompressor();

  @Test
  void roundTripsAndShrinksRepetitiveData() {
    byte[] data = "dinosaurs, trucks, internet; ".repeat(100).getBytes(StandardCharsets.UTF_8);

    byte[] compressed = compressor.compress(data);

    assertThat(compressed.length).isLessThan(data.length / 10);
    assertThat(compressor.decompress(compressed)).isEqualTo(data);
  }

  @Test
  void roundTripsEmptyAndIncompressibleData() {
    byte[] random = new byte[100_000];
    new Random(1).nextBytes(random);

    assertThat(compressor.decompress(compressor.compress(new byte[0]))).isEmpty();
    assertThat(compressor.decompress(compressor.compress(random))).isEqualTo(random);
  }

  @Test
  void readsWhatPythonsZlibWrote() {
    // zlib.compress(b'hello') in Python
    byte[] fromPython = HexFormat.of().parseHex("789ccb48cdc9c90700062c0215");

    assertThat(new String(compressor.decompress(fromPython), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void stopsAtTheBoundOnTheInflatedSize() {
    byte[] bomb = compressor.compress(new byte[10_000_000]);
    ZlibCompressor bounded = new ZlibCompressor(1_000_000);

    assertThatThrownBy(() -> bounded.decompress(bomb))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("1000000");
  }

  @Test
  void theBoundComesFromTheEnvironment() {
    byte[] compressed = compressor.compress(new byte[2_000]);
    ZlibCompressor bounded = new ZlibCompressor(new Environment("App", Map.of("COMPRESSOR_MAX_BYTES", "1000")));

    assertThatThrownBy(() -> bounded.decompress(compressed)).isInstanceOf(DataException.class);
  }

  @Test
  void garbageAndTruncatedDataAreDataExceptions() {
    byte[] compressed = compressor.compress("some longer text to compress".getBytes(StandardCharsets.UTF_8));
    byte[] truncated = Arrays.copyOf(compressed, compressed.length - 4);

    assertThatThrownBy(() -> compressor.decompress("not zlib".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(DataException.class);
    assertThatThrownBy(() -> compressor.decompress(truncated)).isInstanceOf(DataException.class);
  }
}
