package dev.eventsourcing.persistence;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.domain.Upcaster;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes envelopes as JSON with Jackson: {@code {"timestamp": micros, "originator_topic": ..., "created_on": micros,
 * "class_version": n, "payload": {...}}}, where the optional members appear only when they apply. Timestamps are
 * microseconds since the epoch. Payloads are bound by Jackson (records, UUID, java.time, BigDecimal, enums,
 * collections and nested values out of the box); aggregates in snapshots are written by their fields. A value
 * declared as a sealed interface or class carries its permitted subclass's topic in {@code "@type"}; {@code
 * ZonedDateTime} keeps its zone id and {@code OffsetDateTime} its offset. The first time a class is written, a
 * property declared as another abstract type, whose class the JSON would not record, is refused.
 *
 * <p>Register Jackson modules for custom value types with the constructor, for example from an application's
 * {@code constructTranscoder()}.
 */
public final class JacksonTranscoder implements Transcoder {
  private static final String TIMESTAMP = "timestamp";
  private static final String ORIGINATOR_TOPIC = "originator_topic";
  private static final String CREATED_ON = "created_on";
  private static final String CLASS_VERSION = "class_version";
  private static final String PAYLOAD = "payload";

  private static final ClassValue<Versioning> VERSIONING =
      new ClassValue<>() {
        @Override
        protected Versioning computeValue(Class<?> type) {
          return Versioning.of(type);
        }
      };

  private final JsonMapper mapper;
  private final ConcurrentMap<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
  private final ConcurrentMap<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

  /**
   * A transcoder with Jackson's defaults and the given modules for custom value types, and Jackson's Kotlin module
   * when the Kotlin standard library and {@code jackson-module-kotlin} are on the class path.
   */
  public JacksonTranscoder(JacksonModule... modules) {
    this.mapper =
        JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedHybridPool()).build())
            .addMixIn(Aggregate.class, AggregateFields.class)
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
            .enable(DateTimeFeature.WRITE_DATES_WITH_ZONE_ID)
            .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .addModules(KotlinSupport.withKotlin(modules))
            .addModule(new SealedTypes())
            .build();
  }

  @Override
  public byte[] encode(Envelope envelope) {
    Object payload = envelope.payload();
    int version = VERSIONING.get(payload.getClass()).version;
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = mapper.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeNumberProperty(TIMESTAMP, micros(envelope.timestamp()));
      if (envelope.originatorTopic() != null) {
        generator.writeStringProperty(ORIGINATOR_TOPIC, envelope.originatorTopic());
      }
      if (envelope.createdOn() != null) {
        generator.writeNumberProperty(CREATED_ON, micros(envelope.createdOn()));
      }
      if (version > 1) {
        generator.writeNumberProperty(CLASS_VERSION, version);
      }
      generator.writeName(PAYLOAD);
      writer(payload.getClass()).writeValue(generator, payload);
      generator.writeEndObject();
    } catch (JacksonException e) {
      throw new DataException("can't encode a " + payload.getClass().getName() + " as JSON"
          + describe(e), e);
    }
    return out.toByteArray();
  }

  @Override
  public Envelope decode(byte[] data, Class<?> payloadType) {
    long timestamp = Long.MIN_VALUE;
    String originatorTopic = null;
    Instant createdOn = null;
    int version = 1;
    Object payload = null;
    try (JsonParser parser = mapper.createParser(data)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new DataException("stored state is not a JSON object");
      }
      String name;
      while ((name = parser.nextName()) != null) {
        parser.nextToken();
        switch (name) {
          case TIMESTAMP -> timestamp = parser.getLongValue();
          case ORIGINATOR_TOPIC -> originatorTopic = parser.getString();
          case CREATED_ON -> createdOn = instant(parser.getLongValue());
          case CLASS_VERSION -> version = parser.getIntValue();
          case PAYLOAD -> payload = bind(parser, payloadType, version);
          default -> throw new DataException("stored state has an unknown member '" + name + "'");
        }
      }
      if (parser.nextToken() != null) {
        throw new DataException("stored state has content after its JSON object");
      }
    } catch (JacksonException e) {
      throw new DataException("stored state does not decode as " + payloadType.getName() + describe(e));
    }
    if (timestamp == Long.MIN_VALUE || payload == null) {
      throw new DataException("stored state lacks its " + (payload == null ? PAYLOAD : TIMESTAMP));
    }
    return new Envelope(instant(timestamp), originatorTopic, createdOn, payload);
  }

  private Object bind(JsonParser parser, Class<?> type, int storedVersion) {
    Versioning versioning = VERSIONING.get(type);
    if (storedVersion == versioning.version) {
      return reader(type).readValue(parser);
    }
    if (storedVersion > versioning.version || storedVersion < 1) {
      throw new DataException("stored state of " + type.getName() + " is at version " + storedVersion
          + ", but the class is at version " + versioning.version);
    }
    JsonNode tree = mapper.readTree(parser);
    if (!(tree instanceof ObjectNode state)) {
      throw new DataException("stored " + type.getName() + " at version " + storedVersion + " is not an object");
    }
    versioning.upcast(state, storedVersion);
    return reader(type).readValue(state);
  }

  /** The writer of a payload class; the first time, after checking that every value of it will say its type. */
  private ObjectWriter writer(Class<?> type) {
    ObjectWriter writer = writers.get(type);
    return writer != null ? writer : writers.computeIfAbsent(type, this::firstWriter);
  }

  private ObjectWriter firstWriter(Class<?> type) {
    DeclaredTypes.check(mapper, type);
    return mapper.writerFor(type);
  }

  private ObjectReader reader(Class<?> type) {
    ObjectReader reader = readers.computeIfAbsent(type, mapper::readerFor);
    if (Aggregate.class.isAssignableFrom(type)) {
      return reader.withValueToUpdate(Aggregates.newInstance(type));
    }
    return reader;
  }

  /** The JSON path and kind of a Jackson failure; never its message, which may quote stored (decrypted) values. */
  private static String describe(JacksonException e) {
    String path = e.getPathReference();
    return ": " + e.getClass().getSimpleName() + (path == null || path.isEmpty() ? "" : " at " + path);
  }

  private static long micros(Instant instant) {
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
  }

  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Aggregates are stored by their fields (the base class's own fields are transient and kept in the envelope). */
  @JsonAutoDetect(
      fieldVisibility = Visibility.ANY,
      getterVisibility = Visibility.NONE,
      isGetterVisibility = Visibility.NONE,
      setterVisibility = Visibility.NONE,
      creatorVisibility = Visibility.NONE)
  private abstract static class AggregateFields {}

  /** A class's version and its upcasters, found once per class. */
  private static final class Versioning {
    final int version;
    final Method[] upcasters;

    private Versioning(int version, Method[] upcasters) {
      this.version = version;
      this.upcasters = upcasters;
    }

    static Versioning of(Class<?> type) {
      int version = Topics.versionOf(type);
      Method[] upcasters = new Method[version];
      for (Method method : type.getDeclaredMethods()) {
        Upcaster upcaster = method.getAnnotation(Upcaster.class);
        if (upcaster == null) {
          continue;
        }
        int from = upcaster.from();
        String where = "@Upcaster(from = " + from + ") " + type.getName() + "." + method.getName();
        if (!Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 1
            || method.getParameterTypes()[0] != ObjectNode.class || method.getReturnType() != void.class) {
          throw new EventSourcingException(where + " must be a static void method taking one ObjectNode");
        }
        if (from < 1 || from >= version) {
          throw new EventSourcingException(where + " is outside the versions of the class (1 to " + version + ")");
        }
        if (upcasters[from] != null) {
          throw new EventSourcingException(where + " repeats the upcaster from version " + from);
        }
        method.setAccessible(true);
        upcasters[from] = method;
      }
      for (int from = 1; from < version; from++) {
        if (upcasters[from] == null) {
          throw new EventSourcingException(type.getName() + " is at version " + version
              + " but declares no @Upcaster(from = " + from + ")");
        }
      }
      return new Versioning(version, upcasters);
    }

    void upcast(ObjectNode state, int storedVersion) {
      for (int from = storedVersion; from < version; from++) {
        try {
          upcasters[from].invoke(null, state);
        } catch (InvocationTargetException e) {
          throw new EventSourcingException("upcaster from version " + from + " of "
              + upcasters[from].getDeclaringClass().getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
          throw new EventSourcingException("can't call upcaster " + upcasters[from], e);
        }
      }
    }
  }
}
