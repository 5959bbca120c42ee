package dev.eventsourcing.bench.micro;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.compressor.ZlibCompressor;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.examples.universe.World;
import dev.eventsourcing.persistence.JacksonTranscoder;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.StoredEvent;
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

/**
 * The mapper: a domain event to a stored event and back, as JSON, and compressed and encrypted, for a world's first
 * event (which also records the aggregate's topic) and a later one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class MapperBenchmark {
  @Param({"json", "zlib+aes"})
  public String protection;

  @Param({"1", "2"})
  public int version;

  private Mapper mapper;
  private DomainEvent<World.Event> event;
  private StoredEvent stored;

  @Setup
  public void setUp() {
    DecodableTypes types = DecodableTypes.of(World.class);
    mapper = protection.equals("json") ? new Mapper(types)
        : new Mapper(types, new JacksonTranscoder(), new ZlibCompressor(), new AesCipher(AesCipher.createKey(32)));
    event = SampleEvents.created().get(version - 1);
    stored = mapper.toStoredEvent(event);
  }

  @Benchmark
  public StoredEvent toStoredEvent() {
    return mapper.toStoredEvent(event);
  }

  @Benchmark
  public DomainEvent<?> toDomainEvent() {
    return mapper.toDomainEvent(stored);
  }
}
