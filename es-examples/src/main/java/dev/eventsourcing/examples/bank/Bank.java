package dev.eventsourcing.examples.bank;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.DecodableTypes;
import java.util.Map;
import java.util.UUID;

/** Opens accounts and moves money; a transfer changes both accounts in one atomic save. */
public class Bank extends Application {
  public Bank() {}

  public Bank(Map<String, String> environment) {
    super(environment);
  }

  public UUID open(String owner) {
    Account account = new Account(owner);
    save(account);
    return account.id();
  }

  public void deposit(UUID accountId, long cents) {
    Account account = account(accountId);
    account.deposit(cents);
    save(account);
  }

  public void withdraw(UUID accountId, long cents) {
    Account account = account(accountId);
    account.withdraw(cents);
    save(account);
  }

  /**
   * Moves money from one account to another: both accounts change, or neither.
   *
   * @throws dev.eventsourcing.persistence.RecordConflictException if either account changed meanwhile
   */
  public void transfer(UUID from, UUID to, long cents) {
    Account source = account(from);
    Account target = account(to);
    source.withdraw(cents);
    target.deposit(cents);
    save(source, target);
  }

  public Account account(UUID accountId) {
    return repository().get(accountId, Account.class);
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(Account.class);
  }
}
