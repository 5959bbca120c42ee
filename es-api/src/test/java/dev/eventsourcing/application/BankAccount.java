package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import java.math.BigDecimal;

/** A bank account: the aggregate of the application contract tests, after the Python library's test domain. */
public final class BankAccount extends Aggregate<BankAccount.Event> {
  /** The events of a bank account. */
  public sealed interface Event permits Opened, TransactionAppended {}

  /** An account was opened for its owner. */
  public record Opened(String fullName, String emailAddress) implements Event {}

  /** An amount was credited (positive) or debited (negative). */
  public record TransactionAppended(BigDecimal amount) implements Event {}

  private String fullName = "";
  private String emailAddress = "";
  private BigDecimal balance = BigDecimal.ZERO;

  private BankAccount() {}

  public BankAccount(String fullName, String emailAddress) {
    trigger(new Opened(fullName, emailAddress));
  }

  public void appendTransaction(BigDecimal amount) {
    trigger(new TransactionAppended(amount));
  }

  public String fullName() {
    return fullName;
  }

  public String emailAddress() {
    return emailAddress;
  }

  public BigDecimal balance() {
    return balance;
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Opened opened) {
      fullName = opened.fullName();
      emailAddress = opened.emailAddress();
    } else if (event instanceof TransactionAppended transaction) {
      balance = balance.add(transaction.amount());
    } else {
      throw new IllegalArgumentException("BankAccount can't apply " + event);
    }
  }
}
