package dev.eventsourcing.examples.orders;

import dev.eventsourcing.system.EventSystem;
import java.util.List;

/** The system of orders, reservations and payments. */
public final class OrderSystem {
  /** Reservations follow orders and orders follow reservations; payments follow orders and orders payments. */
  public static final EventSystem SYSTEM = new EventSystem(List.of(
      List.of(Orders.class, Reservations.class, Orders.class, Payments.class, Orders.class)));

  private OrderSystem() {}
}
