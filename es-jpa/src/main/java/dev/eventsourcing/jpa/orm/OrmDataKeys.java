package dev.eventsourcing.jpa.orm;

import dev.eventsourcing.jpa.entity.DataKeyRecord;
import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyRecorder;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The data keys of per-subject encryption of an application's JPA store, as {@link DataKeyRecord}s. */
final class OrmDataKeys implements DataKeyRecorder {
  private static final String SELECT_KEYS_NOT_WRAPPED_BY = "SELECT k FROM " + DataKeyRecord.ENTITY + " k"
      + " WHERE k.wrappedKey IS NOT NULL AND k.masterKeyId <> :masterKeyId ORDER BY ";
  private static final String UPDATE_KEY = "UPDATE " + DataKeyRecord.ENTITY + " k"
      + " SET k.masterKeyId = :masterKeyId, k.wrappedKey = :wrappedKey"
      + " WHERE k.subjectId = :subjectId AND k.masterKeyId = :selectedMasterKeyId";

  private final OrmStore store;
  private final String selectKeysNotWrappedBy;

  OrmDataKeys(OrmStore store) {
    this.store = store;
    // In ascending order of the subjects' bytes: the canonical text of a UUID sorts so where the type doesn't.
    this.selectKeysNotWrappedBy = SELECT_KEYS_NOT_WRAPPED_BY
        + (store.database().sortsUuidsBytewise() ? "k.subjectId" : "cast(k.subjectId as String)");
  }

  @Override
  public @Nullable DataKey selectDataKey(UUID subjectId) {
    return store.read("selecting the data key of subject " + subjectId, entityManager -> {
      DataKeyRecord found = entityManager.find(DataKeyRecord.class, subjectId);
      return found == null ? null : found.toDataKey();
    });
  }

  @Override
  public List<DataKey> selectDataKeysNotWrappedBy(String masterKeyId, int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return store.read("selecting data keys to rewrap", entityManager ->
        entityManager.createQuery(selectKeysNotWrappedBy, DataKeyRecord.class)
            .setParameter("masterKeyId", masterKeyId)
            .setMaxResults(limit)
            .getResultList().stream()
            .map(DataKeyRecord::toDataKey)
            .toList());
  }

  /** Under the events' lock, as the first keys of subjects are inserted, so no insert comes between. */
  @Override
  public int updateDataKeys(List<DataKey> selected, List<DataKey> replacements) {
    if (selected.isEmpty()) {
      return 0;
    }
    return store.writeEvents("rewrapping " + selected.size() + " data keys", entityManager -> {
      store.lockEvents(entityManager);
      int updated = 0;
      for (int i = 0; i < selected.size(); i++) {
        DataKey replacement = replacements.get(i);
        updated += entityManager.createQuery(UPDATE_KEY)
            .setParameter("masterKeyId", replacement.masterKeyId())
            .setParameter("wrappedKey", replacement.wrappedKey())
            .setParameter("subjectId", replacement.subjectId())
            .setParameter("selectedMasterKeyId", selected.get(i).masterKeyId())
            .executeUpdate();
      }
      return updated;
    });
  }

  /** Under the events' lock, as the first keys of subjects are inserted, so no insert comes between. */
  @Override
  public void eraseDataKey(UUID subjectId) {
    store.writeEvents("erasing the data key of subject " + subjectId, entityManager -> {
      store.lockEvents(entityManager);
      DataKeyRecord found = entityManager.find(DataKeyRecord.class, subjectId);
      if (found == null) {
        entityManager.persist(new DataKeyRecord(DataKey.erased(subjectId)));
      } else {
        found.erase();
      }
      return null;
    });
    store.removeErasedCopies();
  }
}
