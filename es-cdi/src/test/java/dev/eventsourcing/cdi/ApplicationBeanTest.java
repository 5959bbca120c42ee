package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArquillianExtension.class)
class ApplicationBeanTest {
  @Deployment
  static JavaArchive deployment() {
    CountingStore.reset();
    Universe.CONSTRUCTED.set(0);
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(Universe.class, WorldService.class, SqliteFileConfig.class)
        .addAsServiceProvider(Extension.class, EventSourcingExtension.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject Universe universe;
  @Inject WorldService service;

  @Test
  void theApplicationIsInjectedIntoTestsAndBeans() {
    UUID id = service.createWorldWithHistory("Earth", "dinosaurs", "trucks");
    assertThat(universe.getHistory(id)).containsExactly("dinosaurs", "trucks");
    assertThat(service.history(id)).containsExactly("dinosaurs", "trucks");
    assertThat(service.universe().recorder()).isSameAs(universe.recorder());
  }

  @Test
  void oneApplicationOneStoreAndOneSetOfTablesNamedAfterTheUsersClass() throws SQLException {
    universe.createWorld("Mars");
    service.createWorldWithHistory("Venus");
    assertThat(universe.name()).isEqualTo("Universe");
    assertThat(universe.getClass()).isNotEqualTo(Universe.class); // the container's client proxy
    assertThat(CountingStore.OPENED).hasValue(1);
    // The client proxy runs the constructor too, and opens nothing.
    assertThat(Universe.CONSTRUCTED).hasValue(2);
    assertThat(tables()).containsExactly("universe_events");
  }

  private static List<String> tables() throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + SqliteFileConfig.FILE);
        ResultSet tables = connection.createStatement()
            .executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (tables.next()) {
        names.add(tables.getString(1));
      }
    }
    return names;
  }
}
