package dev.eventsourcing.application;

import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.PersonalData;
import java.util.UUID;

/** A customer record of a person: aggregates of one person share the person's data key. */
public final class Customer extends Aggregate<Customer.Event> implements PersonalData {
  /** The events of a customer record. */
  public sealed interface Event permits Registered, Moved {}

  /** A person registered as a customer. */
  public record Registered(UUID personId, String fullName, String address) implements Event {}

  /** The customer moved. */
  public record Moved(String address) implements Event {}

  private UUID personId;
  private String fullName = "";
  private String address = "";

  private Customer() {}

  public Customer(UUID personId, String fullName, String address) {
    trigger(new Registered(personId, fullName, address));
  }

  public void move(String newAddress) {
    trigger(new Moved(newAddress));
  }

  @Override
  public UUID dataSubjectId() {
    return personId;
  }

  public String fullName() {
    return fullName;
  }

  public String address() {
    return address;
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Registered registered) {
      personId = registered.personId();
      fullName = registered.fullName();
      address = registered.address();
    } else if (event instanceof Moved moved) {
      address = moved.address();
    }
  }
}
