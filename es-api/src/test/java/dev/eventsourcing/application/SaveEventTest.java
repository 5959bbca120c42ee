package dev.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * A save allocates no JFR event while no recording enables it, and the JDK's default settings, those of {@code jcmd
 * <pid> JFR.start}, enable it.
 */
class SaveEventTest {
  @Test
  void anEventIsMadeOnlyWhileARecordingEnablesItAndTheDefaultSettingsDo() throws Exception {
    assertThat(SaveEvent.start()).isNull();
    try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
      recording.start();
      assertThat(SaveEvent.start()).isNotNull();
    }
    assertThat(SaveEvent.start()).isNull();
  }
}
