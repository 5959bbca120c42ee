package dev.eventsourcing.bench.micro;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.examples.universe.World;
import dev.eventsourcing.persistence.Envelope;
import dev.eventsourcing.persistence.JacksonTranscoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The JSON transcoder alone: one event's envelope to bytes and back. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TranscoderBenchmark {
  private JacksonTranscoder transcoder;
  private Envelope envelope;
  private byte[] encoded;

  @Setup
  public void setUp() {
    transcoder = new JacksonTranscoder();
    DomainEvent<World.Event> event = SampleEvents.created().get(1);
    envelope = new Envelope(event.timestamp(), null, null, event.payload());
    encoded = transcoder.encode(envelope);
  }

  @Benchmark
  public byte[] encode() {
    return transcoder.encode(envelope);
  }

  @Benchmark
  public Envelope decode() {
    return transcoder.decode(encoded, World.SomethingHappened.class);
  }
}
