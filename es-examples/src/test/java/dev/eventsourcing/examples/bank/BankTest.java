package dev.eventsourcing.examples.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.jpa.ProjectionPosition;
import dev.eventsourcing.jpa.TestPostgres;
import dev.eventsourcing.persistence.RecordConflictException;
import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bank on PostgreSQL, with its balance view in the same database. */
class BankTest {
  private Bank bank;
  private EntityManagerFactory views;

  @BeforeEach
  void openTheBank() {
    Map<String, String> settings = new HashMap<>(TestPostgres.newSchema());
    settings.put("PERSISTENCE_MODULE", "postgres");
    // Built, so its store is open, with the schema the view shares, before the view's persistence unit starts.
    bank = Application.builder(Bank.class).environment(settings).build();
    views = persistenceUnit(TestPostgres.dataSource(settings));
  }

  @AfterEach
  void closeTheBank() {
    views.close();
    bank.close();
  }

  @Test
  void aTransferChangesBothAccountsOrNeither() {
    UUID alice = bank.open("Alice");
    UUID bob = bank.open("Bob");
    bank.deposit(alice, 100);

    bank.transfer(alice, bob, 30);
    assertThatThrownBy(() -> bank.transfer(alice, bob, 71)).isInstanceOf(IllegalStateException.class);

    assertThat(bank.account(alice).balance()).isEqualTo(70);
    assertThat(bank.account(bob).balance()).isEqualTo(30);
  }

  @Test
  void concurrentTransfersKeepTheTotal() throws Exception {
    UUID alice = bank.open("Alice");
    UUID bob = bank.open("Bob");
    bank.deposit(alice, 1_000);
    bank.deposit(bob, 1_000);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> threads = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      boolean fromAlice = thread % 2 == 0;
      threads.add(CompletableFuture.supplyAsync(() -> {
        int conflicts = 0;
        awaitQuietly(start);
        for (int i = 0; i < 20; i++) {
          try {
            bank.transfer(fromAlice ? alice : bob, fromAlice ? bob : alice, 5);
          } catch (RecordConflictException e) {
            conflicts++;
          }
        }
        return conflicts;
      }));
    }
    start.countDown();
    int conflicts = 0;
    for (CompletableFuture<Integer> thread : threads) {
      conflicts += thread.get();
    }

    long transfersFromAlice = countWithdrawals(alice);
    long transfersFromBob = countWithdrawals(bob);
    assertThat(transfersFromAlice + transfersFromBob + conflicts).isEqualTo(80);
    assertThat(bank.account(alice).balance()).isEqualTo(1_000 - 5 * transfersFromAlice + 5 * transfersFromBob);
    assertThat(bank.account(alice).balance() + bank.account(bob).balance()).isEqualTo(2_000);
  }

  @Test
  void theBalancesViewCountsEachEventOnceAndIsRebuilt() {
    Balances balances = new Balances(views);
    balances.follow(bank);
    bank.addSaveListener(ids -> balances.pullAndProcess(bank.name()));

    UUID alice = bank.open("Alice");
    UUID bob = bank.open("Bob");
    bank.deposit(alice, 100);
    bank.transfer(alice, bob, 30);
    bank.withdraw(bob, 10);

    assertThat(Balances.find(views, alice).cents()).isEqualTo(70);
    assertThat(Balances.find(views, bob).cents()).isEqualTo(20);
    assertThat(Balances.find(views, bob).owner()).isEqualTo("Bob");
    assertThat(balances.pullAndProcess(bank.name())).isZero();

    balances.reset();
    assertThat(Balances.find(views, alice)).isNull();
    assertThat(balances.pullAndProcess(bank.name())).isEqualTo(6);
    assertThat(Balances.find(views, alice).cents()).isEqualTo(70);
    assertThat(Balances.find(views, bob).cents()).isEqualTo(20);
  }

  @Test
  void twoProjectorsOfOneViewCountEachEventOnce() throws Exception {
    List<UUID> accounts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      accounts.add(bank.open("owner " + i));
    }
    for (int round = 0; round < 60; round++) {
      bank.deposit(accounts.get(round % accounts.size()), round + 1);
    }
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> projectors = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Balances balances = new Balances(views);
      balances.follow(bank);
      projectors.add(CompletableFuture.supplyAsync(() -> {
        awaitQuietly(start);
        int projected = 0;
        for (int pull = 0; pull < 20; pull++) {
          projected += balances.pullAndProcess(bank.name());
        }
        return projected;
      }));
    }
    start.countDown();
    for (CompletableFuture<Integer> projector : projectors) {
      projector.get();
    }

    for (UUID account : accounts) {
      assertThat(Balances.find(views, account).cents()).as("balance of %s", account)
          .isEqualTo(bank.account(account).balance());
    }
  }

  private long countWithdrawals(UUID account) {
    return bank.events().get(account, null, null, false, null).stream()
        .filter(event -> event.payload() instanceof Account.Withdrawn)
        .count();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The persistence unit of the view on Hibernate, in the given database; it creates the view's tables if they are missing.
   * Hibernate does not log the SQL errors it throws: a conflict with another projector is a normal outcome.
   */
  private static EntityManagerFactory persistenceUnit(DataSource dataSource) {
    HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("bank-views")
        .managedClasses(Balance.class, ProjectionPosition.class);
    Map.<String, Object>of(
            AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource,
            AvailableSettings.JAKARTA_HBM2DDL_DATABASE_ACTION, "update",
            // Two projectors of one view may insert the same row; the loser's conflict is expected, not an error.
            AvailableSettings.LOG_JDBC_ERRORS, false)
        .forEach(configuration::property);
    return configuration.createEntityManagerFactory();
  }
}
