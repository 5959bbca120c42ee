package dev.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Projector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A repository answering from unsaved aggregates, on the thread that asked it to, and nowhere else. */
class RepositoryAnsweringFromTest {
  @Test
  void currentStateComesFromTheUnsavedAggregateOnThisThreadAlone() throws Exception {
    try (BankAccounts accounts = new BankAccounts(Map.of("PERSISTENCE_MODULE", "memory"))) {
      UUID id = accounts.openAccount("Alice", "alice@example.com");
      BankAccount changed = accounts.getAccount(id);
      changed.appendTransaction(BigDecimal.TEN);
      BankAccount created = new BankAccount("Bob", "bob@example.com");
      Map<UUID, dev.eventsourcing.domain.Aggregate<?>> unsaved = new HashMap<>();
      unsaved.put(id, changed);
      Repository repository = accounts.repository();

      repository.answeringFrom(unsaved, Map.of(), () -> {
        assertThat(repository.get(id, BankAccount.class)).isSameAs(changed);
        assertThat(repository.<BankAccount, BankAccount>get(id)).isSameAs(changed);
        assertThat(repository.get(id, 1, BankAccount.class)).as("a version reads the store")
            .isNotSameAs(changed).extracting(BankAccount::balance).isEqualTo(BigDecimal.ZERO);
        assertThat(repository.contains(created.id())).isFalse();
        unsaved.put(created.id(), created);
        assertThat(repository.contains(created.id())).as("added while the work runs").isTrue();
        assertThat(repository.get(created.id(), BankAccount.class)).isSameAs(created);
        BankAccount elsewhere = CompletableFuture.supplyAsync(() -> repository.get(id, BankAccount.class)).join();
        assertThat(elsewhere).as("another thread reads the store").isNotSameAs(changed)
            .extracting(BankAccount::balance).isEqualTo(BigDecimal.ZERO);
        assertThatThrownBy(() -> repository.answeringFrom(Map.of(), Map.of(), () -> {}))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("BankAccounts");
      });

      assertThat(repository.get(id, BankAccount.class)).as("after the work, the store").isNotSameAs(changed)
          .extracting(BankAccount::balance).isEqualTo(BigDecimal.ZERO);
      assertThat(repository.contains(created.id())).isFalse();
    }
  }

  @Test
  void aProjectionFoldsTheUnsavedEventsAfterTheStoredOnes() {
    try (BankAccounts accounts = new BankAccounts(Map.of("PERSISTENCE_MODULE", "memory"))) {
      UUID id = accounts.openAccount("Alice", "alice@example.com");
      BankAccount changed = accounts.getAccount(id);
      changed.appendTransaction(BigDecimal.TEN);
      List<DomainEvent<?>> later = List.copyOf(changed.pendingEvents());
      Projector<List<Integer>> versions = (state, event) -> {
        List<Integer> next = new ArrayList<>(state == null ? List.of() : state);
        next.add(event.originatorVersion());
        return next;
      };
      UUID fresh = UUID.randomUUID();
      Repository repository = accounts.repository();

      repository.answeringFrom(Map.of(), Map.of(id, later), () -> {
        assertThat(repository.get(id, null, versions)).containsExactly(1, 2);
        assertThat(repository.get(id, 1, versions)).as("a version reads the store").containsExactly(1);
        assertThat(repository.contains(id)).isTrue();
        assertThat(repository.contains(fresh)).isFalse();
      });

      assertThat(repository.get(id, null, versions)).containsExactly(1);
    }
  }
}
