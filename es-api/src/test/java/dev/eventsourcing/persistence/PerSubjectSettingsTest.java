package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.cipher.AesCipher;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PerSubjectSettingsTest {
  private final String key = AesCipher.createKey(32);

  @Test
  void perSubjectEncryptionNeedsAMasterKeyAndNoCipherTopic() {
    assertThatThrownBy(() -> new Application(Map.of("CIPHER_MODE", "per-subject")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("CIPHER_KEY");
    assertThatThrownBy(() -> new Application(Map.of("CIPHER_MODE", "per-subject", "CIPHER_KEY", key,
            "CIPHER_TOPIC", "dev.eventsourcing.cipher:AesCipher")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("CIPHER_TOPIC");
    assertThatThrownBy(() -> new Application(Map.of("CIPHER_MODE", "per-aggregate", "CIPHER_KEY", key)))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("per-subject");
    assertThatThrownBy(() -> InfrastructureFactory.check(
            new Environment("Clinic", Map.of("CIPHER_MODE", "per-subject", "CIPHER_KEY", AesCipher.createKey(16)))))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> new Application(Map.of("CIPHER_MODE", "per-subject", "CIPHER_KEY", key,
            "DATA_KEY_CACHE_SIZE", "-1")))
        .isInstanceOf(ConfigurationException.class).hasMessageContaining("DATA_KEY_CACHE_SIZE");
  }

  @Test
  void forgettingAndRewrappingNeedPerSubjectEncryption() {
    try (Application plain = new Application(Map.of("CIPHER_KEY", key))) {
      assertThatThrownBy(() -> plain.forget(UUID.randomUUID()))
          .isInstanceOf(ConfigurationException.class).hasMessageContaining("CIPHER_MODE=per-subject");
      assertThatThrownBy(() -> plain.rewrapDataKeys(10)).isInstanceOf(ConfigurationException.class);
    }
    try (Application perSubject = new Application(Map.of("CIPHER_MODE", "per-subject", "CIPHER_KEY", key))) {
      assertThat(perSubject.rewrapDataKeys(10)).isZero();
      assertThatThrownBy(() -> perSubject.rewrapDataKeys(0)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
