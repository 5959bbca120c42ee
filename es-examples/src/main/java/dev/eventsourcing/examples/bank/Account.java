package dev.eventsourcing.examples.bank;

import dev.eventsourcing.domain.Aggregate;

/** A bank account; amounts are in cents. */
public final class Account extends Aggregate<Account.Event> {
  public sealed interface Event permits Opened, Deposited, Withdrawn {}

  public record Opened(String owner) implements Event {}

  public record Deposited(long cents) implements Event {}

  public record Withdrawn(long cents) implements Event {}

  private String owner = "";
  private long balance;

  private Account() {}

  public Account(String owner) {
    trigger(new Opened(owner));
  }

  public void deposit(long cents) {
    requirePositive(cents);
    trigger(new Deposited(cents));
  }

  /**
   * @throws IllegalStateException if the balance is less than the amount
   */
  public void withdraw(long cents) {
    requirePositive(cents);
    if (cents > balance) {
      throw new IllegalStateException("account " + id() + " has " + balance + " cents, less than " + cents);
    }
    trigger(new Withdrawn(cents));
  }

  public String owner() {
    return owner;
  }

  public long balance() {
    return balance;
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Opened opened) {
      owner = opened.owner();
    } else if (event instanceof Deposited deposited) {
      balance += deposited.cents();
    } else if (event instanceof Withdrawn withdrawn) {
      balance -= withdrawn.cents();
    } else {
      throw new IllegalArgumentException("unexpected event " + event);
    }
  }

  private static void requirePositive(long cents) {
    if (cents <= 0) {
      throw new IllegalArgumentException("amounts must be positive, got " + cents);
    }
  }
}
