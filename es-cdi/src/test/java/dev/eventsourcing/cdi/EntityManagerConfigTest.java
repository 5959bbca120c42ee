package dev.eventsourcing.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.ConfigurationException;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An {@code EntityManager} given in an {@link EventSourcingConfig} makes the jpa store of the applications the
 * configuration is for; it and a {@code DataSource} replace each other. The store itself runs in a server (the
 * example WAR's server tests); here, in Java SE, it refuses, naming why.
 */
class EntityManagerConfigTest {
  private final EntityManager entityManager = unused(EntityManager.class);
  private final DataSource dataSource = unused(DataSource.class);

  @Test
  void anEntityManagerAndADataSourceReplaceEachOther() {
    EventSourcingConfig config = EventSourcingConfig.of(Map.of()).withDataSource(dataSource);
    EventSourcingConfig withEntityManager = config.withEntityManager(entityManager);
    assertThat(withEntityManager.entityManager()).isSameAs(entityManager);
    assertThat(withEntityManager.dataSource()).isNull();
    assertThat(withEntityManager).hasToString("EventSourcingConfig[] with an EntityManager");

    EventSourcingConfig withDataSource = withEntityManager.withDataSource(dataSource);
    assertThat(withDataSource.dataSource()).isSameAs(dataSource);
    assertThat(withDataSource.entityManager()).isNull();
  }

  @Test
  void anApplicationsOwnEntityManagerReplacesTheDeploymentsDataSource() {
    ContainerSettings deployment =
        ContainerSettings.resolve(EventSourcingConfig.of(Map.of()).withDataSource(dataSource));
    ContainerSettings own = deployment.overlaid(EventSourcingConfig.of(Map.of()).withEntityManager(entityManager));
    assertThat(own.entityManager()).isSameAs(entityManager);
    assertThat(own.dataSource()).isNull();

    ContainerSettings other = deployment.overlaid(EventSourcingConfig.of(Map.of("X", "y")));
    assertThat(other.dataSource()).isSameAs(dataSource);
    assertThat(other.entityManager()).isNull();
  }

  @Test
  void theJpaStoreOnAnEntityManagerNeedsAServer() {
    ContainerSettings settings = ContainerSettings.resolve(
        EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "jpa")).withEntityManager(entityManager));
    assertThatThrownBy(() -> settings.builder(Universe.class).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Universe is given an EntityManager")
        .hasMessageContaining("no server here");
  }

  @Test
  void anEntityManagerGivenWithAnotherStoreFailsNamingTheSetting() {
    ContainerSettings settings = ContainerSettings.resolve(
        EventSourcingConfig.of(Map.of("PERSISTENCE_MODULE", "postgres")).withEntityManager(entityManager));
    assertThatThrownBy(() -> settings.builder(Universe.class).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PERSISTENCE_MODULE='postgres'")
        .hasMessageContaining("set it to jpa");
  }

  /** A stand-in that fails if it is used at all. */
  private static <T> T unused(Class<T> type) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
      throw new AssertionError(type.getSimpleName() + "." + method.getName() + " was called");
    }));
  }
}
