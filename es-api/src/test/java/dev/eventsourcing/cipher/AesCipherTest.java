package dev.eventsourcing.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.persistence.CipherException;
import dev.eventsourcing.persistence.Environment;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AesCipherTest {
  private static final byte[] PLAINTEXT = "the eagle has landed".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @ValueSource(ints = {16, 24, 32})
  void keysOfEveryAesLengthEncryptAndDecrypt(int numBytes) {
    String key = AesCipher.createKey(numBytes);
    AesCipher cipher = new AesCipher(key);

    assertThat(Base64.getDecoder().decode(key)).hasSize(numBytes);
    assertThat(cipher.decrypt(cipher.encrypt(PLAINTEXT))).isEqualTo(PLAINTEXT);
  }

  @Test
  void theCiphertextHidesThePlaintextAndDiffersEachTime() {
    AesCipher cipher = new AesCipher(AesCipher.createKey(32));

    byte[] first = cipher.encrypt(PLAINTEXT);
    byte[] second = cipher.encrypt(PLAINTEXT);

    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("eagle");
    assertThat(first).isNotEqualTo(second);
    assertThat(first).hasSize(12 + PLAINTEXT.length + 16);
  }

  @Test
  void aWrongKeyIsACipherException() {
    byte[] encrypted = new AesCipher(AesCipher.createKey(32)).encrypt(PLAINTEXT);
    AesCipher other = new AesCipher(AesCipher.createKey(32));

    assertThatThrownBy(() -> other.decrypt(encrypted))
        .isInstanceOf(CipherException.class)
        .hasMessageContaining("wrong cipher key");
  }

  @Test
  void anyFlippedByteIsACipherException() {
    AesCipher cipher = new AesCipher(AesCipher.createKey(32));
    byte[] encrypted = cipher.encrypt(PLAINTEXT);

    for (int i = 0; i < encrypted.length; i++) {
      byte[] tampered = encrypted.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> cipher.decrypt(tampered)).as("byte %d", i).isInstanceOf(CipherException.class);
    }
  }

  @Test
  void tooShortARecordIsACipherException() {
    AesCipher cipher = new AesCipher(AesCipher.createKey(16));

    assertThatThrownBy(() -> cipher.decrypt(new byte[5]))
        .isInstanceOf(CipherException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void emptyPlaintextRoundTrips() {
    AesCipher cipher = new AesCipher(AesCipher.createKey(32));

    assertThat(cipher.decrypt(cipher.encrypt(new byte[0]))).isEmpty();
  }

  @Test
  void badKeysAreRefusedWithoutShowingThem() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[10]);

    assertThatThrownBy(() -> new AesCipher(shortKey))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining("10 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> new AesCipher("%%%not base64%%%"))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining("base64")
        .hasMessageNotContaining("%%%not");
    assertThatThrownBy(() -> AesCipher.createKey(20)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theKeyComesFromCipherKeyInTheEnvironment() {
    String key = AesCipher.createKey(32);
    AesCipher fromEnvironment = new AesCipher(new Environment("App", Map.of("CIPHER_KEY", key)));

    assertThat(new AesCipher(key).decrypt(fromEnvironment.encrypt(PLAINTEXT))).isEqualTo(PLAINTEXT);
    assertThatThrownBy(() -> new AesCipher(new Environment("App", Map.of())))
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining("CIPHER_KEY");
    assertThat(fromEnvironment.toString()).doesNotContain(key).contains("256");
  }
}
