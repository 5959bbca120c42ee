package dev.eventsourcing.jpa;

import dev.eventsourcing.persistence.DataKey;
import dev.eventsourcing.persistence.DataKeyRecorder;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The keys table of an application that encrypts per subject; new keys are inserted with events by the store. */
final class JpaDataKeys implements DataKeyRecorder {
  private final JpaStore store;
  private final String selectKey;
  private final String selectKeysNotWrappedBy;
  private final String updateKey;
  private final String eraseKey;

  JpaDataKeys(JpaStore store) {
    this.store = store;
    String table = store.tables().keys();
    this.selectKey = "SELECT master_key_id, wrapped_key FROM " + table + " WHERE subject_id = ?";
    this.selectKeysNotWrappedBy = "SELECT subject_id, master_key_id, wrapped_key FROM " + table
        + " WHERE wrapped_key IS NOT NULL AND master_key_id <> ? ORDER BY subject_id LIMIT ?";
    this.updateKey = "UPDATE " + table + " SET master_key_id = ?, wrapped_key = ?"
        + " WHERE subject_id = ? AND master_key_id = ?";
    this.eraseKey = "INSERT INTO " + table + " (subject_id, master_key_id, wrapped_key) VALUES (?, NULL, NULL)"
        + " ON CONFLICT (subject_id) DO UPDATE SET master_key_id = NULL, wrapped_key = NULL";
  }

  @Override
  public @Nullable DataKey selectDataKey(UUID subjectId) {
    return store.select("selecting the data key of subject " + subjectId, connection ->
        store.withStatement(connection, selectKey, select -> {
          store.setUuid(select, 1, subjectId);
          try (ResultSet results = select.executeQuery()) {
            return results.next() ? new DataKey(subjectId, results.getString(1), results.getBytes(2)) : null;
          }
        }));
  }

  @Override
  public List<DataKey> selectDataKeysNotWrappedBy(String masterKeyId, int limit) {
    return store.select("selecting data keys to rewrap", connection ->
        store.withStatement(connection, selectKeysNotWrappedBy, select -> {
          select.setString(1, masterKeyId);
          select.setInt(2, limit);
          List<DataKey> keys = new ArrayList<>();
          try (ResultSet results = select.executeQuery()) {
            while (results.next()) {
              keys.add(new DataKey(store.getUuid(results, 1), results.getString(2), results.getBytes(3)));
            }
          }
          return keys;
        }));
  }

  @Override
  public int updateDataKeys(List<DataKey> selected, List<DataKey> replacements) {
    if (selected.isEmpty()) {
      return 0;
    }
    return store.writeEvents("rewrapping " + selected.size() + " data keys", connection ->
        store.withStatement(connection, updateKey, update -> {
          int updated = 0;
          for (int i = 0; i < selected.size(); i++) {
            DataKey replacement = replacements.get(i);
            update.setString(1, replacement.masterKeyId());
            update.setBytes(2, replacement.wrappedKey());
            store.setUuid(update, 3, replacement.subjectId());
            update.setString(4, selected.get(i).masterKeyId());
            updated += update.executeUpdate();
          }
          return updated;
        }));
  }

  @Override
  public void eraseDataKey(UUID subjectId) {
    String operation = "erasing the data key of subject " + subjectId;
    store.writeEvents(operation, connection ->
        store.withStatement(connection, eraseKey, erase -> {
          store.setUuid(erase, 1, subjectId);
          return erase.executeUpdate();
        }));
    store.select(operation, connection -> {
      store.removeErasedCopies(connection);
      return null;
    });
  }
}
