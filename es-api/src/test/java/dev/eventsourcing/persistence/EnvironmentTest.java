package dev.eventsourcing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentTest {
  @Test
  void aKeyIsGivenPrefixedOnlyWhenThePrefixedKeyIsSet() {
    Environment environment = new Environment("Universe",
        Map.of("UNIVERSE_CIPHER_KEY", "k1", "CIPHER_KEY", "k2", "UNIVERSE_CIPHER_MODE", "", "CIPHER_MODE", "single"));

    assertThat(environment.given("CIPHER_KEY")).isEqualTo("UNIVERSE_CIPHER_KEY");
    assertThat(environment.get("CIPHER_KEY")).isEqualTo("k1");
    assertThat(environment.given("CIPHER_MODE")).as("an empty prefixed value counts as unset").isEqualTo("CIPHER_MODE");
    assertThat(environment.get("CIPHER_MODE")).isEqualTo("single");
    assertThat(environment.given("COMPRESSOR_TOPIC")).isEqualTo("COMPRESSOR_TOPIC");
  }

  @Test
  void anInvalidSettingNamesTheApplicationAndTheKeyAsGivenAndNoValueUnlessShown() {
    Environment environment = new Environment("Universe", Map.of("UNIVERSE_CIPHER_KEY", "secret", "CREATE_TABLE", "x"));

    assertThat(environment.invalid("CIPHER_KEY", "is not valid base64"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("application Universe: UNIVERSE_CIPHER_KEY is not valid base64");
    assertThat(environment.invalid("CREATE_TABLE", "='x' is not a boolean"))
        .hasMessage("application Universe: CREATE_TABLE='x' is not a boolean");
    assertThatThrownBy(() -> environment.getBoolean("CREATE_TABLE", true))
        .hasMessage("application Universe: CREATE_TABLE='x' is not a boolean: use true or false");
    assertThatThrownBy(() -> environment.require("POSTGRES_DBNAME", "connecting to PostgreSQL"))
        .hasMessageStartingWith("application Universe: POSTGRES_DBNAME is not set")
        .hasMessageContaining("UNIVERSE_POSTGRES_DBNAME");
  }

  @Test
  void noMessageShowsTheValueOfASettingNamedAsASecret() {
    Environment environment = new Environment("Universe", Map.of("UNIVERSE_DATA_KEY_CACHE_SIZE", "s3cr3t",
        "POSTGRES_PASSWORD_RETRIES", "999", "API_SECRET_ON", "s3cr3t", "POOL_SIZE", "lots"));

    assertThatThrownBy(() -> environment.getInt("DATA_KEY_CACHE_SIZE", 1, 0, 10))
        .hasMessage("application Universe: UNIVERSE_DATA_KEY_CACHE_SIZE is not an integer");
    assertThatThrownBy(() -> environment.getInt("POSTGRES_PASSWORD_RETRIES", 1, 0, 10))
        .hasMessage("application Universe: POSTGRES_PASSWORD_RETRIES is out of range: use 0 to 10");
    assertThatThrownBy(() -> environment.getBoolean("API_SECRET_ON", true))
        .hasMessage("application Universe: API_SECRET_ON is not a boolean: use true or false");
    assertThat(environment.invalid("CIPHER_KEY", "='s3cr3t' is wrong"))
        .hasMessageStartingWith("application Universe: CIPHER_KEY has a value that is not valid (not shown")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> environment.getInt("POOL_SIZE", 1, 0, 10))
        .as("a setting named otherwise shows its value")
        .hasMessage("application Universe: POOL_SIZE='lots' is not an integer");
  }
}
