package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.Aggregates;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.ErasedEvent;
import dev.eventsourcing.domain.PersonalData;
import dev.eventsourcing.domain.TopicException;
import dev.eventsourcing.domain.Topics;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Converts domain events (and aggregates, for snapshots) to stored events and back: the payload's topic, the
 * transcoded envelope (with versioning), then compression, then encryption; and the reverse. Safe to use from many
 * threads.
 *
 * <p>A mapper stores and reads the {@link DecodableTypes} it is given, and only those: a stored topic resolves to one
 * of them or not at all, and an event, aggregate or originator of an undeclared class is refused before it is
 * stored, as it could not be read back.
 *
 * <p>Errors name the originator id, version and topic of the record that failed: {@link TopicException} for a topic
 * that names no declared type, {@link CipherException} for a wrong key or changed bytes, {@link
 * DataException} for anything else that does not decode.
 *
 * <p>With per-subject encryption ({@link DataKeys}), each record is encrypted with the key of its data subject
 * (see {@link PersonalData}). A stored event whose subject was forgotten decodes to a domain event with an {@link
 * ErasedEvent} payload, its originator id, version, timestamp and topic intact; a snapshot of such a subject raises
 * {@link DataErasedException}.
 */
public final class Mapper {
  private final DecodableTypes types;
  private final Transcoder transcoder;
  private final @Nullable Compressor compressor;
  private final @Nullable Cipher cipher;
  private final @Nullable DataKeys dataKeys;

  public Mapper(
      DecodableTypes types, Transcoder transcoder, @Nullable Compressor compressor, @Nullable Cipher cipher) {
    this(types, transcoder, compressor, cipher, null);
  }

  private Mapper(DecodableTypes types, Transcoder transcoder, @Nullable Compressor compressor,
      @Nullable Cipher cipher, @Nullable DataKeys dataKeys) {
    this.types = types;
    this.transcoder = transcoder;
    this.compressor = compressor;
    this.cipher = cipher;
    this.dataKeys = dataKeys;
  }

  /** A mapper that encrypts with per-subject data keys. */
  public static Mapper perSubject(
      DecodableTypes types, Transcoder transcoder, @Nullable Compressor compressor, DataKeys dataKeys) {
    return new Mapper(types, transcoder, compressor, null, dataKeys);
  }

  /** A mapper of the given types that writes plain JSON. */
  public Mapper(DecodableTypes types) {
    this(types, new JacksonTranscoder(), null, null);
  }

  /** The types this mapper stores and reads. */
  public DecodableTypes types() {
    return types;
  }

  /** The aggregate's per-subject data keys, or {@code null} if it does not encrypt per subject. */
  public @Nullable DataKeys dataKeys() {
    return dataKeys;
  }

  /** The stored event; with per-subject encryption, under the key of the subject its originator id names. */
  public StoredEvent toStoredEvent(DomainEvent<?> event) {
    return toStoredEvent(event, event.originatorId(), null);
  }

  /**
   * The stored event; with per-subject encryption, under the key of {@code subjectId}. A subject without a key
   * gets one in {@code newKeys}, if given, when this is an aggregate's first event.
   *
   * @throws DataErasedException if the subject was forgotten
   * @throws TopicException if the payload's class, or the originator's, is not declared
   */
  public StoredEvent toStoredEvent(DomainEvent<?> event, UUID subjectId, DataKeys.@Nullable Batch newKeys) {
    requireDeclared(event.payload().getClass(), "payload", event.originatorId(), event.originatorVersion(),
        event.topic(), "event");
    String originatorTopic = null;
    if (event.originatorVersion() == 1 && event.originatorType() != null) {
      Class<?> originatorType = event.originatorType();
      requireDeclared(originatorType, "originator", event.originatorId(), 1, event.topic(), "event");
      originatorTopic = Topics.of(originatorType);
    }
    byte[] state = transcoder.encode(new Envelope(event.timestamp(), originatorTopic, null, event.payload()));
    return new StoredEvent(event.originatorId(), event.originatorVersion(), event.topic(),
        protect(state, subjectId, event.timestamp(), newKeys, event.originatorVersion() == 1));
  }

  public DomainEvent<?> toDomainEvent(StoredEvent stored) {
    return toDomainEvent(stored.originatorId(), stored.originatorVersion(), stored.topic(), stored.state());
  }

  public DomainEvent<?> toDomainEvent(Notification notification) {
    return toDomainEvent(
        notification.originatorId(), notification.originatorVersion(), notification.topic(), notification.state());
  }

  /**
   * A snapshot of an aggregate's current state, stored under the aggregate's id, version and topic; with
   * per-subject encryption, under the key of its {@link PersonalData#subjectOf subject}.
   *
   * @throws TopicException if the aggregate's class is not declared
   */
  public StoredEvent toStoredSnapshot(Aggregate<?> aggregate) {
    requireDeclared(aggregate.getClass(), "aggregate", aggregate.id(), aggregate.version(),
        Topics.of(aggregate.getClass()), "snapshot");
    byte[] state =
        transcoder.encode(new Envelope(aggregate.modifiedOn(), null, aggregate.createdOn(), aggregate));
    return new StoredEvent(aggregate.id(), aggregate.version(), Topics.of(aggregate.getClass()),
        protect(state, PersonalData.subjectOf(aggregate), aggregate.modifiedOn(), null, false));
  }

  /**
   * The aggregate a stored snapshot holds.
   *
   * @throws DataErasedException if its subject was forgotten
   */
  public Aggregate<?> toAggregate(StoredEvent snapshot) {
    String where = describe(snapshot.originatorId(), snapshot.originatorVersion(), snapshot.topic(), "snapshot");
    byte[] state = snapshot.state();
    if (dataKeys != null) {
      DataKeys.Opened opened = open(dataKeys, state, where);
      if (opened.plaintext() == null) {
        throw new DataErasedException(opened.subjectId(), where + ": data subject " + opened.subjectId()
            + " was forgotten, so the snapshot can't be read");
      }
      state = opened.plaintext();
    }
    Class<?> type = resolve(snapshot.topic(), where);
    if (!Aggregate.class.isAssignableFrom(type)) {
      throw new TopicException(where + ": topic names " + type.getName() + ", which is not an aggregate class");
    }
    Envelope envelope = decode(state, type, where);
    if (envelope.createdOn() == null) {
      throw new DataException(where + ": stored state lacks created_on");
    }
    Aggregate<?> aggregate = (Aggregate<?>) envelope.payload();
    Aggregates.restore(
        aggregate,
        snapshot.originatorId(),
        snapshot.originatorVersion(),
        envelope.createdOn(),
        envelope.timestamp());
    return aggregate;
  }

  private DomainEvent<?> toDomainEvent(UUID originatorId, int originatorVersion, String topic, byte[] state) {
    String where = describe(originatorId, originatorVersion, topic, "event");
    byte[] plain = state;
    if (dataKeys != null) {
      DataKeys.Opened opened = open(dataKeys, state, where);
      if (opened.plaintext() == null) {
        return new DomainEvent<>(originatorId, originatorVersion, opened.timestamp(), topic,
            new ErasedEvent(opened.subjectId(), topic), null);
      }
      plain = opened.plaintext();
    }
    Class<?> payloadType = resolve(topic, where);
    Envelope envelope = decode(plain, payloadType, where);
    Class<?> originatorType = null;
    if (envelope.originatorTopic() != null) {
      originatorType = resolve(envelope.originatorTopic(), where);
      if (!Aggregate.class.isAssignableFrom(originatorType)) {
        throw new TopicException(where + ": originator topic names " + originatorType.getName()
            + ", which is not an aggregate class");
      }
    }
    return new DomainEvent<>(originatorId, originatorVersion, envelope.timestamp(), Topics.of(payloadType),
        envelope.payload(), originatorType);
  }

  private byte[] protect(
      byte[] state, UUID subjectId, Instant timestamp, DataKeys.@Nullable Batch newKeys, boolean mayCreateKey) {
    byte[] result = state;
    if (compressor != null) {
      result = compressor.compress(result);
    }
    if (cipher != null) {
      result = cipher.encrypt(result);
    } else if (dataKeys != null) {
      result = dataKeys.encrypt(subjectId, timestamp, result, newKeys, mayCreateKey);
    }
    return result;
  }

  private static DataKeys.Opened open(DataKeys keys, byte[] state, String where) {
    try {
      return keys.decrypt(state);
    } catch (MasterKeyException e) {
      throw new MasterKeyException(where + ": " + e.getMessage(), e);
    } catch (CipherException e) {
      throw new CipherException(where + ": " + e.getMessage(), e);
    } catch (DataException e) {
      throw new DataException(where + ": " + e.getMessage(), e);
    }
  }

  private Envelope decode(byte[] state, Class<?> type, String where) {
    byte[] plain = state;
    try {
      if (cipher != null) {
        plain = cipher.decrypt(plain);
      }
      if (compressor != null) {
        plain = compressor.decompress(plain);
      }
      return transcoder.decode(plain, type);
    } catch (CipherException e) {
      throw new CipherException(where + ": " + e.getMessage(), e);
    } catch (DataException e) {
      throw new DataException(where + ": " + e.getMessage(), e);
    }
  }

  private Class<?> resolve(String topic, String where) {
    try {
      return types.resolve(topic);
    } catch (TopicException e) {
      throw new TopicException(where + ": " + e.getMessage(), e);
    }
  }

  private void requireDeclared(
      Class<?> type, String role, UUID originatorId, int originatorVersion, String topic, String kind) {
    if (!types.declares(type)) {
      throw new TopicException(kind + " of " + originatorId + " at version " + originatorVersion + " (topic '" + topic
          + "') can't be stored: its " + role + " class " + type.getName() + " is not among"
          + " the application's declared types, so it could not be read back; declare it (or its aggregate class)"
          + " in the application's types()");
    }
  }

  private static String describe(UUID originatorId, int originatorVersion, String topic, String kind) {
    return "stored " + kind + " of " + originatorId + " at version " + originatorVersion + " (topic '" + topic + "')";
  }
}
