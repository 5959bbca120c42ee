package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RoundTripCheckTest {
  private final Instant now = Instant.parse("2026-12-04T18:00:00Z");
  private final AtomicInteger decodes = new AtomicInteger();
  private final JacksonTranscoder jackson = new JacksonTranscoder();
  private final RoundTripCheck check = new RoundTripCheck(new Transcoder() {
    @Override
    public byte[] encode(Envelope envelope) {
      return jackson.encode(envelope);
    }

    @Override
    public Envelope decode(byte[] data, Class<?> payloadType) {
      decodes.incrementAndGet();
      return jackson.decode(data, payloadType);
    }
  });

  record Note(String text) {}

  record Blob(byte[] bytes, List<byte[]> more) {}

  /** Read back without its count: Jackson is told to build it from the text alone. */
  record Lossy(String text, int count) {
    @com.fasterxml.jackson.annotation.JsonCreator
    static Lossy of(@com.fasterxml.jackson.annotation.JsonProperty("text") String text) {
      return new Lossy(text, 0);
    }
  }

  record Holder(Map<String, List<Lossy>> lossy) {}

  /** No equals of its own, as aggregates: compared field by field. Its name has no accessor, so it is lost. */
  static final class Counter {
    private int count;
    private String name = "";

    public int getCount() {
      return count;
    }

    public void setCount(int count) {
      this.count = count;
    }
  }

  @Test
  void decodesTheFirstPayloadOfEachClassOnly() {
    check.encode(new Envelope(now, null, null, new Note("a")));
    check.encode(new Envelope(now, null, null, new Note("b")));
    assertThat(decodes).hasValue(1);

    check.encode(new Envelope(now, null, null, new Blob(new byte[] {1, 2}, List.of(new byte[] {3}))));
    assertThat(decodes).hasValue(2);
  }

  @Test
  void threadsSavingTheirFirstPayloadsOfAClassAtOnceDecodeOneOfThem() {
    Concurrently.run(8, thread -> check.encode(new Envelope(now, null, null, new Note("thread " + thread))));

    assertThat(decodes).hasValue(1);
  }

  @Test
  void aDifferenceNamesTheTypeAndThePropertyAndIsFoundAgainUntilTheClassReadsBack() {
    Envelope lossy = new Envelope(now, null, null, new Holder(Map.of("k", List.of(new Lossy("x", 0),
        new Lossy("y", 7)))));

    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> check.encode(lossy))
          .isInstanceOf(DataException.class)
          .hasMessageContaining(Holder.class.getName())
          .hasMessageContaining("lossy{}[1].count")
          .message().doesNotContain("7");
    }
    assertThat(decodes).hasValue(2);

    check.encode(new Envelope(now, null, null, new Holder(Map.of())));
    check.encode(lossy);
    assertThat(decodes).hasValue(3);
  }

  @Test
  void classesWithoutEqualsAreComparedFieldByField() {
    Counter counter = new Counter();
    counter.count = 3;
    counter.name = "c";

    assertThatThrownBy(() -> check.encode(new Envelope(now, null, null, counter)))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(Counter.class.getName())
        .hasMessageContaining("property name");
  }
}
