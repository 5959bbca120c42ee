package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessingSettingsTest {
  @Test
  void unsetSettingsAreTheDefaults() {
    assertThat(ProcessingSettings.parse(new Environment("Reservations", Map.of())))
        .isEqualTo(ProcessingSettings.DEFAULTS)
        .isEqualTo(new ProcessingSettings(100, Duration.ofMillis(100), Duration.ofSeconds(10)));
  }

  @Test
  void settingsAreReadWithTheApplicationsPrefixFirst() {
    ProcessingSettings settings = ProcessingSettings.parse(new Environment("Reservations", Map.of(
        "PROCESSING_BATCH_SIZE", "5",
        "RESERVATIONS_PROCESSING_BATCH_SIZE", "50",
        "PROCESSING_RETRY_DELAY_MILLIS", "20",
        "PROCESSING_MAX_RETRY_DELAY_MILLIS", "300")));
    assertThat(settings).isEqualTo(new ProcessingSettings(50, Duration.ofMillis(20), Duration.ofMillis(300)));
  }

  @Test
  void aFirstDelayLongerThanTheDefaultLongestRaisesTheLongest() {
    ProcessingSettings settings = ProcessingSettings.parse(
        new Environment("Reservations", Map.of("PROCESSING_RETRY_DELAY_MILLIS", "20000")));
    assertThat(settings.maxRetryDelay()).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void badSettingsFailNamingTheSetting() {
    assertThatThrownBy(() -> ProcessingSettings.parse(
            new Environment("Reservations", Map.of("PROCESSING_BATCH_SIZE", "501"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PROCESSING_BATCH_SIZE");
    assertThatThrownBy(() -> ProcessingSettings.parse(
            new Environment("Reservations", Map.of("PROCESSING_RETRY_DELAY_MILLIS", "soon"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PROCESSING_RETRY_DELAY_MILLIS");
    assertThatThrownBy(() -> ProcessingSettings.parse(new Environment("Reservations",
            Map.of("PROCESSING_RETRY_DELAY_MILLIS", "500", "PROCESSING_MAX_RETRY_DELAY_MILLIS", "100"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PROCESSING_MAX_RETRY_DELAY_MILLIS=100")
        .hasMessageContaining("application Reservations");
  }

  @Test
  void aProcessApplicationReadsItsSettingsWhenConstructed() {
    assertThatThrownBy(() -> new Reservations(Map.of("RESERVATIONS_PROCESSING_BATCH_SIZE", "0")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Reservations: RESERVATIONS_PROCESSING_BATCH_SIZE=0 is out of range");
    try (Reservations reservations = new Reservations(Map.of("PROCESSING_BATCH_SIZE", "7"))) {
      assertThat(reservations.processingSettings().batchSize()).isEqualTo(7);
    }
  }
}
