package dev.eventsourcing.jpa.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.jpa.worlds.Universe;
import dev.eventsourcing.jpa.worlds.World;
import dev.eventsourcing.persistence.OperationalException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With its PostgreSQL server stopped, an application's save fails with a transient error naming the application
 * and writes nothing; once the server is back (same port, same data), the same application object works again.
 * The test runs its own server, as it stops it.
 */
class PostgresFaultTest {
  @TempDir Path data;

  @Test
  void saveFailsCleanlyWhileTheServerIsDownAndWorksOnceItIsBack() throws IOException {
    int port = freePort();
    EmbeddedPostgres postgres = server(port);
    Map<String, String> environment = new HashMap<>(TestPostgres.settingsOf(postgres));
    environment.put("PERSISTENCE_MODULE", "postgres");
    environment.put("POSTGRES_CONNECT_TIMEOUT", "1");
    try (Universe universe = new Universe(environment)) {
      UUID id = universe.createWorld("Earth");
      universe.makeItSo(id, "dinosaurs");
      World world = universe.repository().get(id, World.class);
      world.makeItSo("trucks");
      world.makeItSo("internet");

      postgres.close();
      for (int attempt = 0; attempt < 2; attempt++) {
        assertThatThrownBy(() -> universe.save(world))
            .isInstanceOf(OperationalException.class)
            .hasMessageContaining("application Universe");
      }
      assertThatThrownBy(() -> universe.getHistory(id))
          .isInstanceOf(OperationalException.class)
          .hasMessageContaining("application Universe");

      postgres = server(port);
      assertThat(universe.getHistory(id)).containsExactly("dinosaurs");
      assertThat(universe.recorder().maxNotificationId()).isEqualTo(2L);

      universe.save(world);
      assertThat(universe.getHistory(id)).containsExactly("dinosaurs", "trucks", "internet");
      assertThat(universe.recorder().selectNotifications(1, 10)).hasSize(4);
    } finally {
      postgres.close();
    }
  }

  private EmbeddedPostgres server(int port) throws IOException {
    return TestPostgres.embedded().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
