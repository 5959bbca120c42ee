package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.eventsourcing.domain.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

class JacksonTranscoderTest {
  enum Colour {
    RED,
    GREEN
  }

  record Address(String street, List<String> lines) {}

  record Everything(
      UUID id,
      Instant at,
      LocalDate on,
      BigDecimal amount,
      Colour colour,
      Address address,
      List<Address> history,
      Map<String, Integer> counts,
      int number,
      double ratio,
      boolean flag,
      byte[] bytes) {}

  /** A value type Jackson can't handle without help: no accessors, no creator. */
  static final class IsoCurrency {
    private final String code;

    IsoCurrency(String code) {
      this.code = code;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof IsoCurrency that && that.code.equals(code);
    }

    @Override
    public int hashCode() {
      return code.hashCode();
    }
  }

  record Price(BigDecimal amount, IsoCurrency currency) {}

  record Secret(int pin) {}

  sealed interface Shape permits Circle, Square {}

  record Circle(double radius) implements Shape {}

  record Square(double side) implements Shape {}

  record Drawing(Shape shape) {}

  private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

  @Test
  void commonValueTypesRoundTrip() {
    JacksonTranscoder transcoder = new JacksonTranscoder();
    Everything everything =
        new Everything(
            UUID.randomUUID(),
            Instant.parse("2026-11-26T10:15:30.123456Z"),
            LocalDate.of(2026, 11, 26),
            new BigDecimal("12345678901234567890.000000001"),
            Colour.GREEN,
            new Address("Main St", List.of("a", "b")),
            List.of(new Address("Old St", List.of())),
            Map.of("x", 1, "y", 2),
            42,
            0.1,
            true,
            new byte[] {0, 1, (byte) 255});

    Envelope decoded = transcoder.decode(transcoder.encode(new Envelope(now, null, null, everything)), Everything.class);

    Everything copy = (Everything) decoded.payload();
    assertThat(copy).usingRecursiveComparison().isEqualTo(everything);
    assertThat(decoded.timestamp()).isEqualTo(now);
  }

  @Test
  void theEnvelopeRoundTripsWithMicrosecondTimestamps() {
    JacksonTranscoder transcoder = new JacksonTranscoder();
    Instant before1970 = Instant.parse("1969-07-20T20:17:40.000001Z");
    Envelope envelope = new Envelope(before1970, "dev.example:World", now, new Address("x", List.of()));

    Envelope decoded = transcoder.decode(transcoder.encode(envelope), Address.class);

    assertThat(decoded).isEqualTo(envelope);
  }

  @Test
  void writesReadableJson() {
    byte[] json = new JacksonTranscoder().encode(new Envelope(now, "dev.example:World", null, new Secret(1234)));

    assertThat(new String(json, StandardCharsets.UTF_8))
        .startsWith("{\"timestamp\":")
        .contains("\"originator_topic\":\"dev.example:World\"")
        .endsWith("\"payload\":{\"pin\":1234}}");
  }

  @Test
  void customValueTypesWorkWithAModule() {
    SimpleModule money = new SimpleModule("money");
    money.addSerializer(
        IsoCurrency.class,
        new ValueSerializer<>() {
          @Override
          public void serialize(IsoCurrency value, JsonGenerator generator, SerializationContext context) {
            generator.writeString(value.code);
          }
        });
    money.addDeserializer(
        IsoCurrency.class,
        new ValueDeserializer<>() {
          @Override
          public IsoCurrency deserialize(JsonParser parser, DeserializationContext context) {
            return new IsoCurrency(parser.getString());
          }
        });
    JacksonTranscoder transcoder = new JacksonTranscoder(money);
    Price price = new Price(new BigDecimal("9.99"), new IsoCurrency("EUR"));

    byte[] encoded = transcoder.encode(new Envelope(now, null, null, price));

    assertThat(new String(encoded, StandardCharsets.UTF_8)).contains("\"currency\":\"EUR\"");
    assertThat(transcoder.decode(encoded, Price.class).payload()).isEqualTo(price);
  }

  @Test
  void stateThatDoesNotBindIsADataExceptionThatDoesNotQuoteTheValue() {
    byte[] wrong = "{\"timestamp\":1,\"payload\":{\"pin\":\"my-secret-pin\"}}".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new JacksonTranscoder().decode(wrong, Secret.class))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(Secret.class.getName())
        .hasMessageContaining("pin")
        .hasMessageNotContaining("my-secret-pin")
        .hasNoCause();
  }

  @Test
  void malformedStateIsADataException() {
    JacksonTranscoder transcoder = new JacksonTranscoder();

    for (String bad :
        List.of(
            "not json",
            "[1,2]",
            "{\"timestamp\":1}",
            "{\"payload\":{\"pin\":1}}",
            "{\"timestamp\":1,\"payload\":{\"pin\":1}} trailing",
            "{\"timestamp\":1,\"unexpected\":2,\"payload\":{\"pin\":1}}",
            "{\"timestamp\":1,\"payload\":{\"pin\":1}")) {
      assertThatThrownBy(() -> transcoder.decode(bad.getBytes(StandardCharsets.UTF_8), Secret.class))
          .as(bad)
          .isInstanceOf(DataException.class);
    }
  }

  @Test
  void aStoredTypeIdResolvesOnlyAmongThePermittedSubclasses() {
    JacksonTranscoder transcoder = new JacksonTranscoder();
    byte[] encoded = transcoder.encode(new Envelope(now, null, null, new Drawing(new Square(2))));
    String json = new String(encoded, StandardCharsets.UTF_8);
    String typeId = "\"@type\":\"" + Topics.of(Square.class) + "\"";
    assertThat(json).contains(typeId);
    assertThat(transcoder.decode(encoded, Drawing.class).payload()).isEqualTo(new Drawing(new Square(2)));

    for (String other : List.of(Topics.of(Secret.class), Topics.of(Shape.class), "java.lang.Runtime",
        Square.class.getName(), "Square")) {
      byte[] tampered = json.replace(typeId, "\"@type\":\"" + other + "\"").getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> transcoder.decode(tampered, Drawing.class))
          .as(other)
          .isInstanceOf(DataException.class)
          .hasMessageContaining(Drawing.class.getName())
          .hasMessageContaining("shape");
    }
  }
}
