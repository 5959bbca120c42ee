package dev.eventsourcing.examples.bank;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of the balance view: an account's owner and balance. */
@Entity
@Table(name = "balances")
public class Balance {
  @Id
  @Column(name = "account_id")
  private UUID accountId;

  @Column(name = "owner", nullable = false)
  private String owner;

  @Column(name = "cents", nullable = false)
  private long cents;

  protected Balance() {
    this.accountId = new UUID(0, 0);
    this.owner = "";
  }

  Balance(UUID accountId, String owner) {
    this.accountId = accountId;
    this.owner = owner;
  }

  public UUID accountId() {
    return accountId;
  }

  public String owner() {
    return owner;
  }

  public long cents() {
    return cents;
  }

  void add(long change) {
    cents += change;
  }
}
