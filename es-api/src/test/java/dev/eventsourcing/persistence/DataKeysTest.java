package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.cipher.AesCipher;
import dev.eventsourcing.memory.MemoryApplicationRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DataKeysTest {
  private static final byte[] PLAIN = "the diagnosis".getBytes(StandardCharsets.UTF_8);

  /** The data keys of a recorder, counting the key reads. */
  private static final class CountingKeys implements DataKeyRecorder {
    final AtomicInteger reads = new AtomicInteger();
    private final DataKeyRecorder keys;

    CountingKeys(DataKeyRecorder keys) {
      this.keys = keys;
    }

    @Override
    public @Nullable DataKey selectDataKey(UUID subjectId) {
      reads.incrementAndGet();
      return keys.selectDataKey(subjectId);
    }

    @Override
    public List<DataKey> selectDataKeysNotWrappedBy(String masterKeyId, int limit) {
      return keys.selectDataKeysNotWrappedBy(masterKeyId, limit);
    }

    @Override
    public int updateDataKeys(List<DataKey> selected, List<DataKey> replacements) {
      return keys.updateDataKeys(selected, replacements);
    }

    @Override
    public void eraseDataKey(UUID subjectId) {
      keys.eraseDataKey(subjectId);
    }
  }

  private final String master = AesCipher.createKey(32);
  private final MemoryApplicationRecorder recorder = new MemoryApplicationRecorder();
  private final CountingKeys counting = new CountingKeys(recorder.dataKeys().orElseThrow());

  private DataKeys dataKeys(int cacheSize) {
    MasterKeys masters = MasterKeys.of(new Environment("Clinic", Map.of("CIPHER_KEY", master)));
    return new DataKeys(masters, counting, cacheSize);
  }

  /** Encrypts records of a new subject and records its key, as the event store does. */
  private List<byte[]> records(DataKeys keys, UUID subject, int count) {
    DataKeys.Batch batch = keys.newBatch();
    List<byte[]> records = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      records.add(keys.encrypt(subject, Instant.now(), PLAIN, batch, true));
    }
    recorder.insertEvents(List.of(new StoredEvent(subject, 1, "t", new byte[0])), batch.newKeys(), null);
    batch.recorded();
    return records;
  }

  @Test
  void decryptsWhatItEncryptedWithTheSubjectAndTimeInTheClear() {
    DataKeys keys = dataKeys(10);
    UUID subject = UUID.randomUUID();
    Instant when = Instant.now().truncatedTo(ChronoUnit.MICROS);
    DataKeys.Batch batch = keys.newBatch();
    byte[] record = keys.encrypt(subject, when, PLAIN, batch, true);
    recorder.insertEvents(List.of(), batch.newKeys(), null);

    DataKeys.Opened opened = dataKeys(10).decrypt(record);
    assertThat(opened.subjectId()).isEqualTo(subject);
    assertThat(opened.timestamp()).isEqualTo(when);
    assertThat(opened.plaintext()).isEqualTo(PLAIN);
    assertThat(new String(record, StandardCharsets.ISO_8859_1)).doesNotContain("diagnosis");
  }

  @Test
  void aChangedHeaderOrCiphertextIsRefused() {
    DataKeys keys = dataKeys(10);
    UUID subject = UUID.randomUUID();
    byte[] record = records(keys, subject, 1).get(0);
    for (int index : new int[] {20, record.length - 1}) {
      byte[] changed = record.clone();
      changed[index] ^= 1;
      assertThatThrownBy(() -> keys.decrypt(changed)).isInstanceOf(CipherException.class);
    }
    assertThatThrownBy(() -> keys.decrypt(PLAIN)).isInstanceOf(DataException.class);
  }

  @Test
  void readsASubjectsKeyOnceWhileItIsCached() {
    UUID subject = UUID.randomUUID();
    List<byte[]> records = records(dataKeys(10), subject, 100);
    DataKeys cold = dataKeys(10);
    counting.reads.set(0);

    records.forEach(cold::decrypt);
    records.forEach(cold::decrypt);

    assertThat(counting.reads).hasValue(1);
  }

  @Test
  void withoutACacheReadsTheKeyForEveryRecord() {
    UUID subject = UUID.randomUUID();
    List<byte[]> records = records(dataKeys(0), subject, 3);
    DataKeys uncached = dataKeys(0);
    counting.reads.set(0);

    records.forEach(uncached::decrypt);

    assertThat(counting.reads).hasValue(3);
  }

  @Test
  void aKeyIsNotUsableByOthersBeforeItIsRecorded() {
    DataKeys keys = dataKeys(10);
    UUID subject = UUID.randomUUID();
    DataKeys.Batch batch = keys.newBatch();
    keys.encrypt(subject, Instant.now(), PLAIN, batch, true);

    assertThatThrownBy(() -> keys.encrypt(subject, Instant.now(), PLAIN, null, false))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("has no data key");
    assertThatThrownBy(() -> keys.encrypt(subject, Instant.now(), PLAIN, keys.newBatch(), false))
        .as("only an aggregate's first event creates a key")
        .isInstanceOf(DataException.class);
  }

  @Test
  void forgettingErasesTheCachedKeyToo() {
    DataKeys keys = dataKeys(10);
    UUID subject = UUID.randomUUID();
    byte[] record = records(keys, subject, 1).get(0);
    assertThat(keys.decrypt(record).plaintext()).isEqualTo(PLAIN);

    keys.forget(subject);

    assertThat(keys.decrypt(record).plaintext()).isNull();
    assertThat(dataKeys(10).decrypt(record).plaintext()).isNull();
    assertThat(counting.selectDataKey(subject)).isEqualTo(DataKey.erased(subject));
  }

  @Test
  void masterKeysAreCheckedAndNeverShown() {
    String short16 = AesCipher.createKey(16);
    assertThatThrownBy(() -> MasterKeys.of(new Environment("Clinic", Map.of())))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("CIPHER_KEY");
    assertThatThrownBy(() -> MasterKeys.of(new Environment("Clinic", Map.of("CIPHER_KEY", short16))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("32").hasMessageNotContaining(short16);
    assertThatThrownBy(() -> MasterKeys.of(
            new Environment("Clinic", Map.of("CIPHER_KEY", master, "CIPHER_OTHER_KEYS", "not base64!"))))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("CIPHER_OTHER_KEYS");
    MasterKeys keys = MasterKeys.of(new Environment("Clinic", Map.of("CIPHER_KEY", master)));
    assertThat(keys.currentId()).hasSize(16).doesNotContain(master);
    assertThat(keys.toString()).doesNotContain(master);
    assertThat(Base64.getDecoder().decode(master)).hasSize(32);
    assertThat(dataKeys(1).toString()).doesNotContain(master);
  }
}
