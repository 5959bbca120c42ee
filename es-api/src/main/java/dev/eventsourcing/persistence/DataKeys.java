package dev.eventsourcing.persistence;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Per-subject envelope encryption ({@code CIPHER_MODE=per-subject}): every data subject has a data key of its
 * own, 32 random bytes, stored wrapped by the current {@link MasterKeys master key} in a {@link DataKeyRecorder}
 * of the application's store, and recorded in the transaction of the first events it encrypts. Events and
 * snapshots are encrypted with AES-256-GCM under their subject's key. Destroying a key ({@link #forget}) makes the
 * subject's data unreadable for good; rewrapping ({@link #rewrap}) moves keys to a new master key without
 * touching the events.
 *
 * <p>A record is one format byte, the subject id (16 bytes), the timestamp in microseconds (8 bytes), a random
 * 96-bit nonce, and the ciphertext with its 128-bit tag; the first 25 bytes, stored in plain text, are
 * authenticated with the ciphertext. A wrapped key is a nonce followed by the key encrypted under the master key
 * and its tag, authenticated with the subject id.
 *
 * <p>Unwrapped keys are cached, up to a bound, in this object, so an aggregate's events cost at most one key read;
 * a key erased through another application object stays readable by this one until it leaves the cache. Safe to
 * use from many threads.
 */
public final class DataKeys {
  private static final byte FORMAT = 1;
  private static final int HEADER_BYTES = 1 + 16 + 8;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Object ERASED = new Object();

  private final MasterKeys masterKeys;
  private final DataKeyRecorder recorder;
  private final int cacheSize;
  private final Map<UUID, Object> cache;
  private long erasures;

  /**
   * @param cacheSize how many subjects' keys are kept unwrapped in memory; 0 reads every key from the recorder
   */
  public DataKeys(MasterKeys masterKeys, DataKeyRecorder recorder, int cacheSize) {
    this.masterKeys = masterKeys;
    this.recorder = recorder;
    this.cacheSize = cacheSize;
    this.cache = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, Object> eldest) {
        return size() > DataKeys.this.cacheSize;
      }
    };
  }

  /** The keys a write of events creates, to be recorded in its transaction. */
  public Batch newBatch() {
    return new Batch();
  }

  /**
   * Encrypts a record of a subject with its key. A subject without a key gets a new one in {@code batch}, if
   * given and {@code mayCreate}.
   *
   * @throws DataErasedException if the subject was forgotten
   * @throws DataException if the subject has no key and none may be created here
   */
  public byte[] encrypt(
      UUID subjectId, Instant timestamp, byte[] plaintext, @Nullable Batch batch, boolean mayCreate) {
    SecretKey key = batch == null ? null : batch.created.get(subjectId);
    if (key == null) {
      Object found = lookUp(subjectId);
      if (found == ERASED) {
        throw new DataErasedException(subjectId, "data subject " + subjectId + " was forgotten: its data key is"
            + " destroyed, so nothing more can be stored for it");
      }
      if (found != null) {
        key = (SecretKey) found;
      } else if (batch != null && mayCreate) {
        key = batch.create(subjectId);
      } else {
        throw new DataException("data subject " + subjectId + " has no data key: a subject's key is created with"
            + " the first event of its first aggregate, and an aggregate's subject must not change");
      }
    }
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, timestamp);
    byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(FORMAT)
        .putLong(subjectId.getMostSignificantBits()).putLong(subjectId.getLeastSignificantBits())
        .putLong(micros).array();
    return Gcm.seal(key, header, plaintext, true);
  }

  /**
   * Decrypts what {@link #encrypt} returned.
   *
   * @return the record's subject, timestamp, and plaintext, or no plaintext if the subject was forgotten
   * @throws CipherException if the record was changed, or its key can't be unwrapped
   * @throws DataException if it is not a record of per-subject encryption, or its subject has no key
   */
  public Opened decrypt(byte[] record) {
    if (record.length < HEADER_BYTES + Gcm.NONCE_BYTES + Gcm.TAG_BYTES || record[0] != FORMAT) {
      throw new DataException("stored state is not a record of per-subject encryption");
    }
    ByteBuffer header = ByteBuffer.wrap(record, 1, HEADER_BYTES - 1);
    UUID subjectId = new UUID(header.getLong(), header.getLong());
    Instant timestamp = Instant.EPOCH.plus(header.getLong(), ChronoUnit.MICROS);
    Object found = lookUp(subjectId);
    if (found == null) {
      throw new DataException("data subject " + subjectId + " has no data key record");
    }
    if (found == ERASED) {
      return new Opened(subjectId, timestamp, null);
    }
    byte[] plaintext = Gcm.open((SecretKey) found, Arrays.copyOf(record, HEADER_BYTES), record, HEADER_BYTES);
    return new Opened(subjectId, timestamp, plaintext);
  }

  /**
   * Destroys a subject's data key, here and in the store: its events and snapshots become unreadable, and no new
   * ones can be stored for it. Forgetting a subject twice, or one that has no key yet, is allowed.
   */
  public void forget(UUID subjectId) {
    recorder.eraseDataKey(subjectId);
    synchronized (cache) {
      erasures++;
      cache.put(subjectId, ERASED);
    }
  }

  /**
   * Rewraps up to {@code limit} data keys that another master key wraps with the current one, in one write.
   * Call it until it returns 0: the keys still to rewrap are found in the store each time, so a rotation that
   * stopped resumes where it was.
   *
   * @return how many keys were found to rewrap; 0 when every key is wrapped by the current master key
   * @throws MasterKeyException if a key is wrapped by a master key that is not configured
   */
  public int rewrap(int limit) {
    List<DataKey> selected = recorder.selectDataKeysNotWrappedBy(masterKeys.currentId(), limit);
    if (selected.isEmpty()) {
      return 0;
    }
    List<DataKey> replacements = new ArrayList<>(selected.size());
    for (DataKey key : selected) {
      replacements.add(masterKeys.wrap(key.subjectId(), masterKeys.unwrap(key)));
    }
    recorder.updateDataKeys(selected, replacements);
    return selected.size();
  }

  /** The subject's unwrapped key, {@link #ERASED}, or {@code null} if it has none. */
  private @Nullable Object lookUp(UUID subjectId) {
    long erasuresBefore;
    synchronized (cache) {
      Object cached = cache.get(subjectId);
      if (cached != null) {
        return cached;
      }
      erasuresBefore = erasures;
    }
    DataKey record = recorder.selectDataKey(subjectId);
    if (record == null) {
      return null;
    }
    Object found = record.isErased() ? ERASED : masterKeys.unwrap(record);
    cache(subjectId, found, erasuresBefore);
    return found;
  }

  /** Caches a key read before an erasure only if no erasure happened meanwhile, so a forgotten key stays gone. */
  private void cache(UUID subjectId, Object key, long erasuresBefore) {
    synchronized (cache) {
      if (erasures == erasuresBefore && cacheSize > 0) {
        cache.putIfAbsent(subjectId, key);
      }
    }
  }

  /** Never shows a key. */
  @Override
  public String toString() {
    return "DataKeys[" + masterKeys + "]";
  }

  /**
   * A decrypted record.
   *
   * @param plaintext {@code null} if the subject was forgotten
   */
  public record Opened(UUID subjectId, Instant timestamp, byte @Nullable [] plaintext) {}

  /** The keys one write of events creates: recorded with the events, and usable by others only after that. */
  public final class Batch {
    private final Map<UUID, SecretKey> created = new LinkedHashMap<>();
    private final List<DataKey> wrapped = new ArrayList<>();
    private final long erasuresBefore;

    private Batch() {
      synchronized (cache) {
        erasuresBefore = erasures;
      }
    }

    /** The wrapped keys to record with the events. */
    public List<DataKey> newKeys() {
      return List.copyOf(wrapped);
    }

    /** Makes the keys usable by later writes and reads, once they are recorded. */
    public void recorded() {
      created.forEach((subjectId, key) -> cache(subjectId, key, erasuresBefore));
    }

    private SecretKey create(UUID subjectId) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      SecretKey key = new SecretKeySpec(bytes, "AES");
      created.put(subjectId, key);
      wrapped.add(masterKeys.wrap(subjectId, key));
      return key;
    }
  }
}
