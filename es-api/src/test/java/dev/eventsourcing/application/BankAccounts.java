package dev.eventsourcing.application;

import dev.eventsourcing.domain.DecodableTypes;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** An application of bank accounts: the application of the application contract tests. Its name is its class's. */
public class BankAccounts extends Application {
  public BankAccounts(Map<String, String> environment) {
    super(environment);
  }

  protected BankAccounts(ApplicationContext context) {
    super(context);
  }

  public UUID openAccount(String fullName, String emailAddress) {
    BankAccount account = new BankAccount(fullName, emailAddress);
    save(account);
    return account.id();
  }

  public void creditAccount(UUID accountId, BigDecimal amount) {
    BankAccount account = getAccount(accountId);
    account.appendTransaction(amount);
    save(account);
  }

  public BigDecimal getBalance(UUID accountId) {
    return getAccount(accountId).balance();
  }

  public BankAccount getAccount(UUID accountId) {
    return repository().get(accountId, BankAccount.class);
  }

  @Override
  protected DecodableTypes types() {
    return DecodableTypes.of(BankAccount.class, Customer.class);
  }
}
