package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.compressor.ZlibCompressor;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.TopicException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MapperTest {
  static final class Diary extends Aggregate<Diary.Event> {
    sealed interface Event permits Started, Written {}

    record Started(String owner) implements Event {}

    record Written(String entry) implements Event {}

    private String owner = "";
    private final List<String> entries = new ArrayList<>();

    private Diary() {}

    Diary(String owner) {
      trigger(new Started(owner));
    }

    void write(String entry) {
      trigger(new Written(entry));
    }

    @Override
    protected void apply(Event event) {
      if (event instanceof Started started) {
        owner = started.owner();
      } else if (event instanceof Written written) {
        entries.add(written.entry());
      } else {
        throw new IllegalArgumentException("unexpected event " + event);
      }
    }
  }

  private static final DecodableTypes DIARY = DecodableTypes.of(Diary.class);

  /** An aggregate this test's mappers don't declare. */
  static final class Notebook extends Aggregate<Notebook.Opened> {
    record Opened() {}

    Notebook() {
      trigger(new Opened());
    }

    @Override
    protected void apply(Opened event) {}
  }

  private final String key = AesCipher.createKey(32);

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static Diary diary() {
    Diary diary = new Diary("Anne");
    diary.write("a secret entry, ".repeat(20));
    return diary;
  }

  @Test
  void plainJsonRoundTripsEveryPartOfTheEvent() {
    Mapper mapper = new Mapper(DIARY);
    DomainEvent<Diary.Event> event = diary().collectEvents().get(0);

    StoredEvent stored = mapper.toStoredEvent(event);

    assertThat(stored.originatorId()).isEqualTo(event.originatorId());
    assertThat(stored.originatorVersion()).isEqualTo(1);
    assertThat(stored.topic()).isEqualTo("dev.eventsourcing.persistence:MapperTest.Diary.Started");
    assertThat(text(stored.state())).contains("Anne").contains("MapperTest.Diary\"");
    assertThat(mapper.toDomainEvent(stored)).isEqualTo(event);
  }

  @Test
  void onlyTheFirstEventRecordsTheAggregatesTopic() {
    Mapper mapper = new Mapper(DIARY);
    List<DomainEvent<Diary.Event>> events = diary().collectEvents();

    DomainEvent<?> second = mapper.toDomainEvent(mapper.toStoredEvent(events.get(1)));

    assertThat(text(mapper.toStoredEvent(events.get(1)).state())).doesNotContain("originator_topic");
    assertThat(second.originatorType()).isNull();
    assertThat(second.payload()).isEqualTo(events.get(1).payload());
  }

  @Test
  void compressesThenEncrypts() {
    ZlibCompressor compressor = new ZlibCompressor();
    AesCipher cipher = new AesCipher(key);
    Mapper mapper = new Mapper(DIARY, new JacksonTranscoder(), compressor, cipher);
    DomainEvent<Diary.Event> event = diary().collectEvents().get(1);

    StoredEvent stored = mapper.toStoredEvent(event);

    assertThat(text(stored.state())).doesNotContain("secret");
    byte[] compressed = cipher.decrypt(stored.state());
    assertThat(text(compressor.decompress(compressed))).contains("a secret entry");
    assertThat(compressed.length).isLessThan(compressor.decompress(compressed).length);
    assertThat(mapper.toDomainEvent(stored)).isEqualTo(event);
  }

  @Test
  void aWrongKeyIsACipherExceptionNamingTheEvent() {
    StoredEvent stored = new Mapper(DIARY, new JacksonTranscoder(), null, new AesCipher(key))
        .toStoredEvent(diary().collectEvents().get(1));
    Mapper otherKey = new Mapper(DIARY, new JacksonTranscoder(), null, new AesCipher(AesCipher.createKey(32)));

    assertThatThrownBy(() -> otherKey.toDomainEvent(stored))
        .isInstanceOf(CipherException.class)
        .hasMessageContaining(stored.originatorId().toString())
        .hasMessageContaining("version 2")
        .hasMessageNotContaining(key);
  }

  @Test
  void aFlippedByteIsACipherException() {
    Mapper mapper = new Mapper(DIARY, new JacksonTranscoder(), new ZlibCompressor(), new AesCipher(key));
    StoredEvent stored = mapper.toStoredEvent(diary().collectEvents().get(0));
    byte[] state = stored.state().clone();
    state[state.length / 2] ^= 0x40;

    assertThatThrownBy(() -> mapper.toDomainEvent(new StoredEvent(stored.originatorId(), 1, stored.topic(), state)))
        .isInstanceOf(CipherException.class)
        .hasMessageContaining(stored.originatorId().toString());
  }

  @Test
  void corruptJsonIsADataExceptionNamingTheEvent() {
    UUID id = UUID.randomUUID();
    StoredEvent corrupt = new StoredEvent(id, 7, "dev.eventsourcing.persistence:MapperTest.Diary.Written",
        "{\"timestamp\":1,\"payload\":{\"entry\":".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> new Mapper(DIARY).toDomainEvent(corrupt))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(id.toString())
        .hasMessageContaining("version 7")
        .hasMessageContaining("MapperTest.Diary.Written");
  }

  @Test
  void aStoredHostileTopicIsATopicExceptionNamingTheEvent() {
    UUID id = UUID.randomUUID();
    byte[] state = "{\"timestamp\":1,\"payload\":{}}".getBytes(StandardCharsets.UTF_8);

    for (String topic : List.of("java.lang:ProcessBuilder", "dev.eventsourcing.domain:HostilePayload",
        "dev.eventsourcing.persistence:MapperTest.Notebook.Opened")) {
      assertThatThrownBy(() -> new Mapper(DIARY).toDomainEvent(new StoredEvent(id, 1, topic, state)))
          .isInstanceOf(TopicException.class)
          .hasMessageContaining(id.toString())
          .hasMessageContaining(topic);
    }
  }

  @Test
  void anOriginatorTopicThatIsNotAnAggregateIsRefused() {
    UUID id = UUID.randomUUID();
    byte[] state = ("{\"timestamp\":1,\"originator_topic\":\"dev.eventsourcing.persistence:MapperTest.Diary.Started\","
        + "\"payload\":{\"owner\":\"x\"}}").getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new Mapper(DIARY).toDomainEvent(
            new StoredEvent(id, 1, "dev.eventsourcing.persistence:MapperTest.Diary.Started", state)))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("not an aggregate class");
  }

  @Test
  void snapshotsRoundTripTheAggregatesFieldsAndEnvelope() {
    Mapper mapper = new Mapper(DIARY, new JacksonTranscoder(), new ZlibCompressor(), new AesCipher(key));
    Diary diary = diary();

    StoredEvent snapshot = mapper.toStoredSnapshot(diary);
    Diary copy = (Diary) mapper.toAggregate(snapshot);

    assertThat(snapshot.topic()).isEqualTo("dev.eventsourcing.persistence:MapperTest.Diary");
    assertThat(snapshot.originatorVersion()).isEqualTo(2);
    assertThat(copy.id()).isEqualTo(diary.id());
    assertThat(copy.version()).isEqualTo(2);
    assertThat(copy.createdOn()).isEqualTo(diary.createdOn());
    assertThat(copy.modifiedOn()).isEqualTo(diary.modifiedOn());
    assertThat(copy.owner).isEqualTo("Anne");
    assertThat(copy.entries).isEqualTo(diary.entries);
    assertThat(copy.pendingEvents()).isEmpty();
  }

  @Test
  void aSnapshotWhoseTopicIsNotAnAggregateIsRefused() {
    StoredEvent notASnapshot = new Mapper(DIARY).toStoredEvent(diary().collectEvents().get(0));

    assertThatThrownBy(() -> new Mapper(DIARY).toAggregate(notASnapshot))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("snapshot");
  }

  @Test
  void anEventOrSnapshotOfAnUndeclaredClassIsRefusedBeforeItIsStored() {
    Mapper mapper = new Mapper(DIARY);
    Notebook notebook = new Notebook();
    DomainEvent<Notebook.Opened> opened = notebook.collectEvents().get(0);

    assertThatThrownBy(() -> mapper.toStoredEvent(opened))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining(notebook.id().toString())
        .hasMessageContaining(Notebook.Opened.class.getName())
        .hasMessageContaining("types()");
    assertThatThrownBy(() -> mapper.toStoredSnapshot(notebook))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining(Notebook.class.getName());
  }

  @Test
  void anUndeclaredOriginatorIsRefusedBeforeTheEventIsStored() {
    Mapper payloadsOnly = new Mapper(DecodableTypes.of(Diary.Event.class));

    assertThatThrownBy(() -> payloadsOnly.toStoredEvent(diary().collectEvents().get(0)))
        .isInstanceOf(TopicException.class)
        .hasMessageContaining("originator class " + Diary.class.getName());
  }
}
