package dev.eventsourcing.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.eventsourcing.domain.Aggregate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A shopping cart whose events hold the value types a domain model commonly uses: sealed hierarchies (an interface
 * with a nested sealed interface, and an abstract class) as fields, list elements, map values and optionals;
 * {@code java.time}, {@code BigDecimal}, {@code UUID}, enums, nested records and nullable fields.
 */
public final class Cart extends Aggregate<Cart.Event> {
  /** What a cart holds: a closed hierarchy. */
  public sealed interface Item permits Book, Stationery {}

  public record Book(String title, BigDecimal price) implements Item {}

  /** A closed hierarchy within the closed hierarchy. */
  public sealed interface Stationery extends Item permits Pen, Paper {}

  public record Pen(Colour colour) implements Stationery {}

  public record Paper(int sheets, @Nullable String size) implements Stationery {}

  /** A sealed abstract class, rather than an interface. */
  public abstract static sealed class Discount permits Percent, Amount {}

  public static final class Percent extends Discount {
    private final int percent;

    public Percent(int percent) {
      this.percent = percent;
    }

    public int getPercent() {
      return percent;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Percent that && that.percent == percent;
    }

    @Override
    public int hashCode() {
      return percent;
    }
  }

  public static final class Amount extends Discount {
    private final BigDecimal amount;

    public Amount(BigDecimal amount) {
      this.amount = amount;
    }

    public BigDecimal getAmount() {
      return amount;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Amount that && that.amount.equals(amount);
    }

    @Override
    public int hashCode() {
      return amount.hashCode();
    }
  }

  public enum Colour {
    RED,
    BLUE
  }

  public record Address(String street, @Nullable String city) {}

  /** The events of a cart. */
  public sealed interface Event permits Opened, Added, Listed, Scheduled, Discounted, Noted {}

  public record Opened(UUID owner, Address delivery, @Nullable String note, Colour colour) implements Event {}

  public record Added(Item item) implements Event {}

  public record Listed(
      List<Item> items, Map<String, Item> byName, Optional<Item> favourite, Optional<String> comment)
      implements Event {}

  public record Scheduled(
      Instant at, LocalDate on, Duration took, ZonedDateTime meeting, OffsetDateTime sent, BigDecimal total)
      implements Event {}

  public record Discounted(Discount discount, List<Discount> more) implements Event {}

  /** An event that loses a property on the way: its {@code secret} is never written. */
  public record Noted(String text, @JsonIgnore @Nullable String secret) implements Event {}

  private UUID owner;
  private final List<Item> items = new ArrayList<>();
  private @Nullable Item last;
  private @Nullable Discount discount;
  private @Nullable ZonedDateTime meeting;

  private Cart() {}

  public Cart(UUID owner, Address delivery) {
    trigger(new Opened(owner, delivery, null, Colour.BLUE));
  }

  public void record(Event event) {
    trigger(event);
  }

  public UUID owner() {
    return owner;
  }

  public List<Item> items() {
    return items;
  }

  public @Nullable Item last() {
    return last;
  }

  public @Nullable Discount discount() {
    return discount;
  }

  public @Nullable ZonedDateTime meeting() {
    return meeting;
  }

  @Override
  protected void apply(Event event) {
    if (event instanceof Opened opened) {
      owner = opened.owner();
    } else if (event instanceof Added added) {
      items.add(added.item());
      last = added.item();
    } else if (event instanceof Listed listed) {
      items.addAll(listed.items());
    } else if (event instanceof Scheduled scheduled) {
      meeting = scheduled.meeting();
    } else if (event instanceof Discounted discounted) {
      discount = discounted.discount();
    }
  }
}
