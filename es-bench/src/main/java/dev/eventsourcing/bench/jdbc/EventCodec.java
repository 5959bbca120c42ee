package dev.eventsourcing.bench.jdbc;

import dev.eventsourcing.examples.universe.World;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline's encoding of the worlds' events and snapshots: the JSON the library's transcoder writes, written
 * and read the way it does (the envelope of the timestamp in microseconds, the aggregate's topic on a first event
 * and the payload streamed by hand, the payload record bound by Jackson with the same buffer recycling), optionally
 * compressed with zlib and then encrypted with AES-256-GCM under a random 96-bit nonce, as the library's mapper
 * does. Safe to use from many threads.
 */
public final class EventCodec {
  /** The topics the library gives the world's classes. */
  static final String WORLD_TOPIC = "dev.eventsourcing.examples.universe:World";

  static final String CREATED_TOPIC = WORLD_TOPIC + ".Created";
  static final String SOMETHING_HAPPENED_TOPIC = WORLD_TOPIC + ".SomethingHappened";

  private static final String TIMESTAMP = "timestamp";
  private static final String ORIGINATOR_TOPIC = "originator_topic";
  private static final String CREATED_ON = "created_on";
  private static final String PAYLOAD = "payload";

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final JsonMapper mapper;
  private final ObjectWriter createdWriter;
  private final ObjectWriter somethingHappenedWriter;
  private final ObjectWriter worldWriter;
  private final ObjectReader createdReader;
  private final ObjectReader somethingHappenedReader;
  private final ObjectReader worldReader;
  private final boolean compressed;
  private final @Nullable SecretKeySpec key;
  private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(EventCodec::newCipher);

  /**
   * A codec writing plain JSON, or compressed and encrypted JSON.
   *
   * @param compressed zlib-compress the JSON
   * @param base64Key encrypt with this AES key (base64), or don't encrypt when {@code null}
   */
  public EventCodec(boolean compressed, @Nullable String base64Key) {
    // Payloads are read from inside the envelope: what follows them is the envelope's, not trailing tokens.
    this.mapper = JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedHybridPool()).build())
        .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();
    this.createdWriter = mapper.writerFor(World.Created.class);
    this.somethingHappenedWriter = mapper.writerFor(World.SomethingHappened.class);
    this.worldWriter = mapper.writerFor(WorldFields.class);
    this.createdReader = mapper.readerFor(World.Created.class);
    this.somethingHappenedReader = mapper.readerFor(World.SomethingHappened.class);
    this.worldReader = mapper.readerFor(WorldFields.class);
    this.compressed = compressed;
    this.key = base64Key == null ? null : new SecretKeySpec(Base64.getDecoder().decode(base64Key), "AES");
  }

  /** The topic of an event payload. */
  static String topicOf(World.Event payload) {
    return payload instanceof World.Created ? CREATED_TOPIC : SOMETHING_HAPPENED_TOPIC;
  }

  byte[] encodeEvent(int version, Instant timestamp, World.Event payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeNumberProperty(TIMESTAMP, micros(timestamp));
      if (version == 1) {
        generator.writeStringProperty(ORIGINATOR_TOPIC, WORLD_TOPIC);
      }
      generator.writeName(PAYLOAD);
      (payload instanceof World.Created ? createdWriter : somethingHappenedWriter).writeValue(generator, payload);
      generator.writeEndObject();
    }
    return protect(out.toByteArray());
  }

  /** Decodes an event's state, binding the payload to the class its topic names. */
  DecodedEvent decodeEvent(UUID id, int version, String topic, byte[] state) {
    ObjectReader reader = switch (topic) {
      case CREATED_TOPIC -> createdReader;
      case SOMETHING_HAPPENED_TOPIC -> somethingHappenedReader;
      default -> throw new IllegalStateException("event of " + id + " at version " + version + " has unknown topic '"
          + topic + "'");
    };
    long timestamp = Long.MIN_VALUE;
    String originatorTopic = null;
    World.Event payload = null;
    try (JsonParser parser = mapper.createParser(unprotect(state))) {
      expectObject(parser, id, version);
      String name;
      while ((name = parser.nextName()) != null) {
        parser.nextToken();
        switch (name) {
          case TIMESTAMP -> timestamp = parser.getLongValue();
          case ORIGINATOR_TOPIC -> originatorTopic = parser.getString();
          case PAYLOAD -> payload = reader.readValue(parser);
          default -> throw new IllegalStateException("event of " + id + " at version " + version
              + " has an unknown member '" + name + "'");
        }
      }
    }
    if (timestamp == Long.MIN_VALUE || payload == null) {
      throw new IllegalStateException("event of " + id + " at version " + version + " lacks its timestamp or payload");
    }
    return new DecodedEvent(instant(timestamp), originatorTopic, payload);
  }

  /** Decodes an event's state and applies it to the world ({@code null} before the first event). */
  WorldState applyEvent(@Nullable WorldState world, UUID id, int version, String topic, byte[] state) {
    DecodedEvent event = decodeEvent(id, version, topic, state);
    WorldState next = world;
    if (next == null) {
      if (!WORLD_TOPIC.equals(event.originatorTopic())) {
        throw new IllegalStateException("first event of " + id + " does not name the world's topic");
      }
      next = new WorldState(id, event.timestamp());
    }
    next.apply(version, event.timestamp(), event.payload());
    return next;
  }

  byte[] encodeSnapshot(WorldState world) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeNumberProperty(TIMESTAMP, micros(world.modifiedOn));
      generator.writeNumberProperty(CREATED_ON, micros(world.createdOn));
      generator.writeName(PAYLOAD);
      worldWriter.writeValue(generator, new WorldFields(world.name, world.history));
      generator.writeEndObject();
    }
    return protect(out.toByteArray());
  }

  WorldState decodeSnapshot(UUID id, int version, byte[] state) {
    long timestamp = Long.MIN_VALUE;
    long createdOn = Long.MIN_VALUE;
    WorldFields fields = null;
    try (JsonParser parser = mapper.createParser(unprotect(state))) {
      expectObject(parser, id, version);
      String name;
      while ((name = parser.nextName()) != null) {
        parser.nextToken();
        switch (name) {
          case TIMESTAMP -> timestamp = parser.getLongValue();
          case CREATED_ON -> createdOn = parser.getLongValue();
          case PAYLOAD -> fields = worldReader.readValue(parser);
          default -> throw new IllegalStateException("snapshot of " + id + " at version " + version
              + " has an unknown member '" + name + "'");
        }
      }
    }
    if (timestamp == Long.MIN_VALUE || createdOn == Long.MIN_VALUE || fields == null) {
      throw new IllegalStateException("snapshot of " + id + " at version " + version + " is incomplete");
    }
    return new WorldState(id, version, fields.name(), fields.history(), instant(createdOn), instant(timestamp));
  }

  private static void expectObject(JsonParser parser, UUID id, int version) {
    if (parser.nextToken() != JsonToken.START_OBJECT) {
      throw new IllegalStateException("state of " + id + " at version " + version + " is not a JSON object");
    }
  }

  private byte[] protect(byte[] json) {
    byte[] result = compressed ? compress(json) : json;
    return key == null ? result : encrypt(result, key);
  }

  private byte[] unprotect(byte[] state) {
    byte[] result = key == null ? state : decrypt(state, key);
    return compressed ? decompress(result) : result;
  }

  private static byte[] compress(byte[] data) {
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

  private static byte[] decompress(byte[] data) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length * 3));
      byte[] buffer = new byte[8192];
      while (!inflater.finished()) {
        int inflated = inflater.inflate(buffer);
        if (inflated == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalStateException("compressed state is truncated");
        }
        out.write(buffer, 0, inflated);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new IllegalStateException("compressed state is not zlib data", e);
    } finally {
      inflater.end();
    }
  }

  private byte[] encrypt(byte[] plaintext, SecretKeySpec key) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    Cipher cipher = ciphers.get();
    try {
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] result = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
      System.arraycopy(nonce, 0, result, 0, NONCE_BYTES);
      int written = cipher.doFinal(plaintext, 0, plaintext.length, result, NONCE_BYTES);
      return written + NONCE_BYTES == result.length ? result : Arrays.copyOf(result, written + NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM encryption failed", e);
    }
  }

  private byte[] decrypt(byte[] data, SecretKeySpec key) {
    Cipher cipher = ciphers.get();
    try {
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
      return cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM decryption failed: " + e.getClass().getSimpleName());
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance("AES/GCM/NoPadding");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM is not available in this JDK", e);
    }
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** A decoded event: its timestamp, the aggregate's topic on a first event, and its payload. */
  record DecodedEvent(Instant timestamp, @Nullable String originatorTopic, World.Event payload) {}

  /** The fields of a world, as the library writes them into a snapshot. */
  record WorldFields(String name, List<String> history) {}
}
