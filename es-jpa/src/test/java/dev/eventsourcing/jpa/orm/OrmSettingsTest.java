package dev.eventsourcing.jpa.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The jpa store's settings are checked without opening anything, and a bad one is named. */
class OrmSettingsTest {
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "jdbc:postgresql://localhost/orders, POSTGRESQL",
    "jdbc:postgresql:orders, POSTGRESQL",
    "jdbc:sqlite:orders.db, SQLITE",
    "jdbc:sqlite:/var/lib/orders.db, SQLITE"
  })
  void theDatabaseFollowsFromTheUrl(String url, Database database) {
    OrmSettings settings = OrmSettings.of(new Environment("Orders", Map.of("JPA_JDBC_URL", url,
        "JPA_JDBC_USER", "orders", "JPA_JDBC_PASSWORD", "secret")));

    assertThat(settings.database()).isEqualTo(database);
    assertThat(settings.tables().events()).isEqualTo("orders_events");
    assertThat(settings.user()).isEqualTo("orders");
    assertThat(settings.toString()).doesNotContain("secret");
    assertThat(settings.createTables()).isTrue();
  }

  @Test
  void aUrlOfAnotherDatabaseFailsNamingTheSettingButNotTheUrlsParameters() {
    Map<String, String> settings = Map.of("JPA_JDBC_URL", "jdbc:mysql://localhost/orders?password=secret");

    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", settings)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JPA_JDBC_URL='jdbc:mysql://localhost/orders?...'")
        .hasMessageContaining("jdbc:postgresql:")
        .hasMessageNotContaining("secret");
  }

  @Test
  void aPrefixedBadSettingIsNamedAsGivenWithTheApplication() {
    Map<String, String> url = Map.of("ORDERS_JPA_JDBC_URL", "jdbc:mysql://localhost/orders?password=secret");
    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", url)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("application Orders: ORDERS_JPA_JDBC_URL='jdbc:mysql://localhost/orders?...'")
        .hasMessageNotContaining("secret");
    Map<String, String> both = Map.of("ORDERS_JPA_JDBC_URL", "jdbc:sqlite:orders.db", "JPA_PERSISTENCE_UNIT", "orders");
    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", both)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage("application Orders: ORDERS_JPA_JDBC_URL and JPA_PERSISTENCE_UNIT are both set: the jpa store"
            + " builds a persistence unit from the URL, or uses the named one; unset one of them");
  }

  @Test
  void neitherUrlNorUnitFailsNamingBoth() {
    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", Map.of("PERSISTENCE_MODULE", "jpa"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JPA_JDBC_URL")
        .hasMessageContaining("JPA_PERSISTENCE_UNIT");
  }

  @Test
  void bothUrlAndUnitFailNamingBoth() {
    Map<String, String> settings = Map.of("JPA_JDBC_URL", "jdbc:sqlite:orders.db", "JPA_PERSISTENCE_UNIT", "orders");

    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", settings)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JPA_JDBC_URL and JPA_PERSISTENCE_UNIT are both set");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "jdbc:h2:mem:orders, H2",
    "jdbc:mariadb://localhost/orders, MARIADB"
  })
  void theOtherDatabasesFollowFromTheUrlToo(String url, Database database) {
    OrmSettings settings = OrmSettings.of(new Environment("Orders", Map.of("JPA_JDBC_URL", url)));

    assertThat(settings.database()).isEqualTo(database);
    assertThat(settings.provider()).isEqualTo(JpaProvider.HIBERNATE);
    assertThat(database.countsInARow()).isTrue();
  }

  @Test
  void eclipseLinkIsChosenBySetting() {
    OrmSettings settings = OrmSettings.of(new Environment("Orders",
        Map.of("JPA_JDBC_URL", "jdbc:postgresql:orders", "ORDERS_JPA_PROVIDER", "EclipseLink")));

    assertThat(settings.provider()).isEqualTo(JpaProvider.ECLIPSELINK);
  }

  @Test
  void anUnknownProviderFailsNamingTheSettingAndTheChoices() {
    Map<String, String> settings = Map.of("JPA_JDBC_URL", "jdbc:postgresql:orders", "JPA_PROVIDER", "openjpa");

    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", settings)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JPA_PROVIDER='openjpa'")
        .hasMessageContaining("hibernate")
        .hasMessageContaining("eclipselink");
  }

  @ParameterizedTest
  @CsvSource({"jdbc:sqlite:orders.db, SQLite", "jdbc:mariadb://localhost/orders, MariaDB"})
  void eclipseLinkOnADatabaseItIsNotTestedOnFailsNamingTheDatabase(String url, String database) {
    Map<String, String> settings = Map.of("JPA_JDBC_URL", url, "JPA_PROVIDER", "eclipselink");

    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", settings)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("database of " + database)
        .hasMessageContaining("JPA_PROVIDER=hibernate");
  }

  @Test
  void aProviderWithANamedUnitFails() {
    Map<String, String> settings = Map.of("JPA_PERSISTENCE_UNIT", "orders", "JPA_PROVIDER", "eclipselink");

    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders", settings)))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("JPA_PROVIDER and JPA_PERSISTENCE_UNIT are both set");
  }

  @Test
  void aNamedUnitNeedsNoUrl() {
    OrmSettings settings = OrmSettings.of(new Environment("Orders",
        Map.of("JPA_PERSISTENCE_UNIT", "orders", "ORDERS_CREATE_TABLE", "false")));

    assertThat(settings.unit()).isEqualTo("orders");
    assertThat(settings.database()).isNull();
    assertThat(settings.createTables()).isFalse();
  }

  @Test
  void anApplicationNameThatCantNameTablesFails() {
    assertThatThrownBy(() -> OrmSettings.of(new Environment("Orders-2", Map.of("JPA_JDBC_URL", "jdbc:sqlite:x.db"))))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Orders-2");
  }
}
