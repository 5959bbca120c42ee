package dev.eventsourcing.bench.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.compressor.ZlibCompressor;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.examples.universe.World;
import dev.eventsourcing.persistence.JacksonTranscoder;
import dev.eventsourcing.persistence.Mapper;
import dev.eventsourcing.persistence.StoredEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The baseline writes what the library writes: each decodes the other's stored events, plain and compressed and
 * encrypted, with the same topics, timestamps and payloads.
 */
class EventCodecTest {
  private static final String KEY = AesCipher.createKey(32);

  @Test
  void theBaselineUsesTheLibrarysTopics() {
    assertThat(EventCodec.WORLD_TOPIC).isEqualTo(Topics.of(World.class));
    assertThat(EventCodec.CREATED_TOPIC).isEqualTo(Topics.of(World.Created.class));
    assertThat(EventCodec.SOMETHING_HAPPENED_TOPIC).isEqualTo(Topics.of(World.SomethingHappened.class));
  }

  @Test
  void eachReadsWhatTheOtherWritesAsJson() {
    crossDecode(new Mapper(DecodableTypes.of(World.class)), new EventCodec(false, null));
  }

  @Test
  void eachReadsWhatTheOtherWritesCompressedAndEncrypted() {
    crossDecode(new Mapper(DecodableTypes.of(World.class), new JacksonTranscoder(), new ZlibCompressor(), new AesCipher(KEY)),
        new EventCodec(true, KEY));
  }

  @Test
  void snapshotsRoundTrip() {
    EventCodec codec = new EventCodec(true, KEY);
    UUID id = UUID.randomUUID();
    Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
    WorldState world = new WorldState(id, created);
    world.apply(1, created, new World.Created("earth"));
    world.apply(2, created.plusSeconds(1), new World.SomethingHappened("dinosaurs"));

    WorldState restored = codec.decodeSnapshot(id, 2, codec.encodeSnapshot(world));

    assertThat(restored.name).isEqualTo("earth");
    assertThat(restored.history).containsExactly("dinosaurs");
    assertThat(restored.version).isEqualTo(2);
    assertThat(restored.createdOn).isEqualTo(created);
    assertThat(restored.modifiedOn).isEqualTo(created.plusSeconds(1));
  }

  private static void crossDecode(Mapper mapper, EventCodec codec) {
    World world = new World("earth");
    world.makeItSo("dinosaurs");
    List<DomainEvent<World.Event>> events = world.collectEvents();

    WorldState fromLibrary = null;
    for (DomainEvent<World.Event> event : events) {
      StoredEvent stored = mapper.toStoredEvent(event);
      fromLibrary = codec.applyEvent(fromLibrary, stored.originatorId(), stored.originatorVersion(), stored.topic(),
          stored.state());
      assertThat(fromLibrary.modifiedOn).isEqualTo(event.timestamp());
    }
    assertThat(fromLibrary.name).isEqualTo("earth");
    assertThat(fromLibrary.history).containsExactly("dinosaurs");

    for (DomainEvent<World.Event> event : events) {
      byte[] state = codec.encodeEvent(event.originatorVersion(), event.timestamp(), event.payload());
      DomainEvent<?> decoded = mapper.toDomainEvent(new StoredEvent(event.originatorId(), event.originatorVersion(),
          EventCodec.topicOf(event.payload()), state));
      assertThat(decoded.payload()).isEqualTo(event.payload());
      assertThat(decoded.timestamp()).isEqualTo(event.timestamp());
      assertThat(decoded.originatorType()).isEqualTo(event.originatorType());
    }
  }
}
