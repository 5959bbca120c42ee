package dev.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.domain.TopicException;
import dev.eventsourcing.memory.MemoryInfrastructureFactory;
import dev.eventsourcing.persistence.ConfigurationException;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.io.PrintWriter;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class ApplicationBuilderTest {
  /** An application with nothing but the implicit constructor, as a CDI bean or a system's member would be. */
  static class Ledger extends Application {
    record Entry(String text) {}
  }

  /** Stands for a container's client proxy of {@link Ledger}: a generated subclass constructed by the container. */
  static class Ledger$$Proxy extends Ledger {}

  /** Counts the stores it opens. */
  static class CountedLedger extends Ledger {
    static final AtomicInteger OPENED = new AtomicInteger();

    @Override
    protected InfrastructureFactory constructFactory(Environment environment) {
      OPENED.incrementAndGet();
      return super.constructFactory(environment);
    }
  }

  /** An application whose constructor goes around the constructors a builder works through. */
  static class Detour extends Application {
    static final AtomicInteger CLOSED = new AtomicInteger();

    Detour() {
      super(new Environment("Detour", Map.of()), new CountingFactory(new Environment("Detour", Map.of()), CLOSED));
    }
  }

  static class NoDefaultConstructor extends Application {
    NoDefaultConstructor(String unused) {}
  }

  static final class CountingFactory extends MemoryInfrastructureFactory {
    private final AtomicInteger closed;

    CountingFactory(Environment environment, AtomicInteger closed) {
      super(environment);
      this.closed = closed;
    }

    @Override
    public void close() {
      closed.incrementAndGet();
    }
  }

  @Test
  void buildsWithTheConstructorWithoutParametersAndTheGivenSettings() {
    try (Ledger ledger = Application.builder(Ledger.class).setting("IS_SNAPSHOTTING_ENABLED", "true").build()) {
      assertThat(ledger.name()).isEqualTo("Ledger");
      assertThat(ledger.environment().get("IS_SNAPSHOTTING_ENABLED")).isEqualTo("true");
      assertThat(ledger.snapshots()).isNotNull();
    }
  }

  @Test
  void givenSettingsTakePrecedenceOverTheConstructorsOwn() {
    try (BankAccounts accounts =
        Application.builder(BankAccounts.class).setting("IS_SNAPSHOTTING_ENABLED", "true").build()) {
      assertThat(accounts.snapshots()).isNotNull();
    }
    Map<String, String> own = Map.of("IS_SNAPSHOTTING_ENABLED", "true");
    ApplicationBuilder<BankAccounts> builder =
        Application.builder(BankAccounts.class).environment(Map.of("IS_SNAPSHOTTING_ENABLED", "false"));
    try (BankAccounts accounts = builder.construct(() -> new BankAccounts(own))) {
      assertThat(accounts.snapshots()).isNull();
    }
  }

  @Test
  void theGivenTypesAreAddedToThoseTheClassDeclares() {
    try (Application plain = Application.builder(Application.class).types(BankAccount.class).build();
        BankAccounts accounts = Application.builder(BankAccounts.class).types(Ledger.Entry.class).build()) {
      BankAccount account = new BankAccount("Ada", "ada@example.com");
      plain.save(account);

      assertThat(plain.repository().get(account.id(), BankAccount.class).fullName()).isEqualTo("Ada");
      assertThat(accounts.mapper().types().classes()).contains(BankAccount.class, Customer.class, Ledger.Entry.class);
    }
  }

  @Test
  void anApplicationWithoutTypesSavesNothing() {
    try (Ledger ledger = Application.builder(Ledger.class).build()) {
      BankAccount account = new BankAccount("Ada", "ada@example.com");

      assertThatThrownBy(() -> ledger.save(account))
          .isInstanceOf(TopicException.class)
          .hasMessageContaining(BankAccount.class.getName())
          .hasMessageContaining("types()");
      assertThat(ledger.recorder().maxNotificationId()).isNull();
      assertThat(account.pendingEvents()).hasSize(1);
    }
  }

  @Test
  void usesTheGivenFactoryAndClosesItWithTheApplication() {
    AtomicInteger closed = new AtomicInteger();
    Ledger ledger = Application.builder(Ledger.class)
        .factory(environment -> new CountingFactory(environment, closed))
        .build();
    assertThat(ledger.environment().name()).isEqualTo("Ledger");
    ledger.close();
    assertThat(closed).hasValue(1);
  }

  @Test
  void aDataSourceNeedsADatabaseStore() {
    assertThatThrownBy(() -> Application.builder(Ledger.class).dataSource(new UnusableDataSource()).build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("application Ledger is given a DataSource, but PERSISTENCE_MODULE is not set");
    assertThatThrownBy(() -> Application.builder(Ledger.class)
            .setting(InfrastructureFactory.PERSISTENCE_MODULE, "memory")
            .dataSource(new UnusableDataSource())
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PERSISTENCE_MODULE=memory takes no DataSource");
  }

  @Test
  void aConstructorThatBypassesTheBuilderIsAnErrorAndItsStoreIsClosed() {
    Detour.CLOSED.set(0);
    assertThatThrownBy(() -> Application.builder(Detour.class).build())
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining("given its own ApplicationContext by its constructor")
        .hasMessageContaining("a constructor that takes the ApplicationContext");
    assertThat(Detour.CLOSED).hasValue(1);
  }

  @Test
  void aClassWithoutAConstructorWithoutParametersIsNamed() {
    assertThatThrownBy(() -> Application.builder(NoDefaultConstructor.class).build())
        .isInstanceOf(EventSourcingException.class)
        .hasMessageContaining(NoDefaultConstructor.class.getName())
        .hasMessageContaining("a constructor taking an ApplicationContext, one without parameters, or one taking a"
            + " Map of settings");
  }

  @Test
  void aContainersGeneratedSubclassOpensNoStoreWhenConstructedOrClosed() {
    CountedLedger.OPENED.set(0);
    CountedLedger proxy = new CountedLedger() {};
    proxy.close();
    assertThat(CountedLedger.OPENED).hasValue(0);
    assertThatThrownBy(proxy::repository).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    assertThat(CountedLedger.OPENED).hasValue(0);
  }

  @Test
  void aGeneratedSubclassBuiltByTheBuilderIsARealApplication() {
    try (Ledger intercepted = Application.builder(Ledger.class).construct(Ledger$$Proxy::new)) {
      assertThat(intercepted.name()).isEqualTo("Ledger");
      assertThat(intercepted.repository()).isNotNull();
    }
  }

  @Test
  void anAnonymousSubclassIsNamedAfterItsSuperclass() {
    try (Ledger ledger = new Ledger() {}) {
      assertThat(ledger.name()).isEqualTo("Ledger");
    }
  }

  /** A DataSource that must never be asked for a connection. */
  private static final class UnusableDataSource implements DataSource {
    @Override
    public Connection getConnection() {
      throw new AssertionError("no connection expected");
    }

    @Override
    public Connection getConnection(String username, String password) {
      throw new AssertionError("no connection expected");
    }

    @Override
    public PrintWriter getLogWriter() {
      return new PrintWriter(System.err);
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> iface) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
      return false;
    }
  }
}
