package dev.eventsourcing.bench.micro;

import dev.eventsourcing.compressor.ZlibCompressor;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** zlib on JSON records: a small event, and a large snapshot-like record. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CompressorBenchmark {
  @Param({"1", "1000"})
  public int items;

  private ZlibCompressor compressor;
  private byte[] json;
  private byte[] compressed;

  @Setup
  public void setUp() {
    compressor = new ZlibCompressor();
    StringBuilder builder = new StringBuilder("{\"timestamp\":1764180000000000,\"payload\":{\"history\":[");
    for (int i = 0; i < items; i++) {
      builder.append(i == 0 ? "" : ",").append("\"thing-").append(i).append('"');
    }
    json = builder.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    compressed = compressor.compress(json);
  }

  @Benchmark
  public byte[] compress() {
    return compressor.compress(json);
  }

  @Benchmark
  public byte[] decompress() {
    return compressor.decompress(compressed);
  }
}
