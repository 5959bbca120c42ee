package dev.eventsourcing.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.application.ApplicationContext;
import dev.eventsourcing.domain.DomainEvent;
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
        .isEqualTo(new ProcessingSettings(1, Duration.ofMillis(100), Duration.ofSeconds(10)));
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

  /** A process application with the constructor without parameters only, as a container's proxy needs. */
  static class Tallies extends ProcessApplication {
    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {}
  }

  /** One with the constructor taking settings only. */
  static class Counts extends ProcessApplication {
    Counts(Map<String, String> settings) {
      super(settings);
    }

    @Override
    protected void policy(DomainEvent<?> event, ProcessingEvent processing) {}
  }

  @Test
  void aBadSettingFailsTheConstructorGivenAContext() {
    ApplicationContext context = Application.builder(Reservations.class)
        .setting("RESERVATIONS_PROCESSING_RETRY_DELAY_MILLIS", "soon").context();

    assertThatThrownBy(() -> new Reservations(context))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Reservations: RESERVATIONS_PROCESSING_RETRY_DELAY_MILLIS");
  }

  @Test
  void aBadSettingOfAnApplicationWithoutAContextConstructorFailsWhereItsStoreOpens() {
    assertThatThrownBy(() -> Application.builder(Tallies.class).setting("PROCESSING_BATCH_SIZE", "0").build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Tallies: PROCESSING_BATCH_SIZE=0 is out of range");
    assertThatThrownBy(() -> Application.builder(Tallies.class).setting("PROCESSING_BATCH_SIZE", "0")
        .construct(Tallies::new))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Tallies: PROCESSING_BATCH_SIZE=0 is out of range");
  }

  @Test
  void theSettingsAreThoseOfTheContextTheApplicationOpensWith() {
    try (Tallies tallies = Application.builder(Tallies.class).name("Scores")
            .setting("SCORES_PROCESSING_BATCH_SIZE", "9").build();
        Counts counts = Application.builder(Counts.class).name("Sums")
            .setting("PROCESSING_BATCH_SIZE", "4").setting("SUMS_PROCESSING_BATCH_SIZE", "6").build()) {
      assertThat(tallies.processingSettings().batchSize()).isEqualTo(9);
      assertThat(counts.processingSettings().batchSize()).isEqualTo(6);
    }
  }
}
