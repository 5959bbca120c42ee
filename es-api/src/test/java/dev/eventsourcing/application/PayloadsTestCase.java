package dev.eventsourcing.application;

import static dev.eventsourcing.persistence.InfrastructureFactory.IS_SNAPSHOTTING_ENABLED;
import static dev.eventsourcing.persistence.InfrastructureFactory.PAYLOAD_ROUND_TRIP_CHECK;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventsourcing.application.Cart.Added;
import dev.eventsourcing.application.Cart.Address;
import dev.eventsourcing.application.Cart.Amount;
import dev.eventsourcing.application.Cart.Book;
import dev.eventsourcing.application.Cart.Colour;
import dev.eventsourcing.application.Cart.Discounted;
import dev.eventsourcing.application.Cart.Listed;
import dev.eventsourcing.application.Cart.Noted;
import dev.eventsourcing.application.Cart.Paper;
import dev.eventsourcing.application.Cart.Pen;
import dev.eventsourcing.application.Cart.Percent;
import dev.eventsourcing.application.Cart.Scheduled;
import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.DomainEvent;
import dev.eventsourcing.domain.Topics;
import dev.eventsourcing.persistence.DataException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of payloads on a store: what is saved reads back equal, through a second application object on the
 * same store (so nothing comes from the first one's memory), for the value types a domain model commonly uses; and
 * what would not read back is refused at its first save, with nothing written. A store's test is a subclass that
 * gives the settings selecting a shared, empty store.
 */
public abstract class PayloadsTestCase {
  private final List<Application> applications = new ArrayList<>();
  private @Nullable Map<String, String> settings;

  /** The settings that select a shared, empty store; called once per test. */
  protected abstract Map<String, String> environment();

  /** Called after each test once its applications are closed: delete what the test stored, if it outlives them. */
  protected void cleanUp() {}

  /** The application of these tests. */
  public static class Carts extends Application {
    public Carts(Map<String, String> environment) {
      super(environment);
    }

    @Override
    protected DecodableTypes types() {
      return DecodableTypes.of(Cart.class, Drawer.class);
    }
  }

  @AfterEach
  final void closeApplications() {
    try {
      applications.forEach(Application::close);
      applications.clear();
    } finally {
      settings = null;
      cleanUp();
    }
  }

  @Test
  void sealedHierarchiesReadBackAsTheSubclassThatWasSaved() {
    Carts app = carts(Map.of());
    Cart cart = new Cart(UUID.randomUUID(), new Address("1 High Street", null));
    Map<String, Cart.Item> byName = new LinkedHashMap<>();
    byName.put("novel", new Book("Emma", new BigDecimal("9.90")));
    byName.put("pad", new Paper(50, "A5"));
    cart.record(new Added(new Book("Persuasion", new BigDecimal("12.00"))));
    cart.record(new Added(new Pen(Colour.RED)));
    cart.record(new Listed(List.of(new Paper(500, null), new Pen(Colour.BLUE), new Book("Sanditon", BigDecimal.ONE)),
        byName, Optional.of(new Pen(Colour.BLUE)), Optional.empty()));
    cart.record(new Listed(List.of(), Map.of(), Optional.empty(), Optional.of("gift")));
    cart.record(new Discounted(new Percent(10), List.of(new Amount(new BigDecimal("2.50")), new Percent(5))));
    List<Object> saved = payloads(cart);
    app.save(cart);

    Carts other = carts(Map.of());
    assertThat(payloads(other, cart.id())).isEqualTo(saved);
    Cart copy = other.repository().get(cart.id());
    assertThat(copy.last()).isEqualTo(new Pen(Colour.RED));
    assertThat(copy.items()).hasSize(5).element(3).isInstanceOf(Pen.class);
    assertThat(copy.discount()).isInstanceOf(Percent.class);

    String added = new String(app.recorder().selectEvents(cart.id(), 1, 2, false, null).get(0).state(), UTF_8);
    assertThat(added).contains("\"@type\":\"" + Topics.of(Book.class) + "\"");
  }

  @Test
  void javaTimeBigDecimalUuidEnumsNestedRecordsAndNullsReadBackEqual() {
    Carts app = carts(Map.of());
    UUID owner = UUID.randomUUID();
    Cart cart = new Cart(owner, new Address("2 Low Road", null));
    ZonedDateTime meeting = ZonedDateTime.of(2026, 3, 29, 1, 30, 0, 0, ZoneId.of("Europe/Paris"));
    Scheduled scheduled = new Scheduled(Instant.parse("2026-12-04T18:00:00.123456789Z"), LocalDate.of(2026, 2, 28),
        Duration.ofHours(26).plusNanos(7), meeting, OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 6, ZoneOffset.ofHours(-7)),
        new BigDecimal("1250.500"));
    cart.record(scheduled);
    cart.record(new Scheduled(Instant.EPOCH, LocalDate.MIN, Duration.ZERO,
        ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC), OffsetDateTime.MAX, new BigDecimal("1E+3")));
    List<Object> saved = payloads(cart);
    app.save(cart);

    List<Object> read = payloads(carts(Map.of()), cart.id());
    assertThat(read).isEqualTo(saved);
    Scheduled copy = (Scheduled) read.get(1);
    assertThat(copy.meeting().getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(copy.total().scale()).isEqualTo(3);
    assertThat(((Scheduled) read.get(2)).total().scale()).isEqualTo(-3);
    assertThat(((Cart.Opened) read.get(0)).note()).isNull();
    assertThat(((Cart.Opened) read.get(0)).delivery().city()).isNull();
    assertThat(((Cart.Opened) read.get(0)).owner()).isEqualTo(owner);
  }

  @Test
  void snapshotsOfAggregatesWithSealedFieldsReadBack() {
    Carts app = carts(Map.of(IS_SNAPSHOTTING_ENABLED, "true"));
    Cart cart = new Cart(UUID.randomUUID(), new Address("3 Mill Lane", null));
    cart.record(new Added(new Paper(20, "A4")));
    cart.record(new Discounted(new Amount(new BigDecimal("0.10")), List.of()));
    cart.record(new Scheduled(Instant.EPOCH, LocalDate.EPOCH, Duration.ofMillis(1),
        ZonedDateTime.of(2026, 10, 25, 2, 30, 0, 0, ZoneId.of("Europe/London")), OffsetDateTime.MIN, BigDecimal.TEN));
    app.save(cart);
    app.takeSnapshot(cart.id());

    Carts other = carts(Map.of(IS_SNAPSHOTTING_ENABLED, "true"));
    Cart snapshot = (Cart) other.snapshots().latest(cart.id(), null);
    assertThat(snapshot).isNotNull();
    assertThat(snapshot.version()).isEqualTo(4);
    assertThat(snapshot.owner()).isEqualTo(cart.owner());
    assertThat(snapshot.items()).containsExactly(new Paper(20, "A4"));
    assertThat(snapshot.last()).isEqualTo(new Paper(20, "A4"));
    assertThat(snapshot.discount()).isEqualTo(new Amount(new BigDecimal("0.10")));
    assertThat(snapshot.meeting()).isEqualTo(cart.meeting());
  }

  @Test
  void aFieldDeclaredAsAnInterfaceThatIsNotSealedIsRefusedAtItsFirstSaveWithNothingWritten() {
    Carts app = carts(Map.of());
    Cart cart = new Cart(UUID.randomUUID(), new Address("4 Bridge Street", null));
    Drawer drawer = new Drawer("desk");
    drawer.record(new Drawer.Filed(new Drawer.Plain("tax")));

    assertThatThrownBy(() -> app.save(cart, drawer))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(Drawer.Filed.class.getName())
        .hasMessageContaining("property label")
        .hasMessageContaining(Drawer.Label.class.getName())
        .hasMessageContaining("not sealed")
        .hasMessageContaining("@JsonTypeInfo")
        .message().doesNotContain("tax");
    assertThat(app.recorder().maxNotificationId()).isNull();

    Drawer sorted = new Drawer("shelf");
    sorted.record(new Drawer.Sorted(List.of()));
    assertThatThrownBy(() -> app.save(sorted))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(Drawer.Sorted.class.getName())
        .hasMessageContaining("property labels[]");
    assertThat(app.recorder().maxNotificationId()).isNull();
    assertThat(app.repository().contains(cart.id())).isFalse();
  }

  @Test
  void aPayloadThatWouldNotReadBackEqualIsRefusedAtItsFirstSaveWithNothingWritten() {
    Carts app = carts(Map.of());
    Cart cart = new Cart(UUID.randomUUID(), new Address("5 Station Road", null));
    cart.record(new Noted("call first", "pin 4711"));

    assertThatThrownBy(() -> app.save(cart))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(Noted.class.getName())
        .hasMessageContaining("property secret")
        .hasMessageContaining(PAYLOAD_ROUND_TRIP_CHECK)
        .message().doesNotContain("4711", "call first");
    assertThat(app.recorder().maxNotificationId()).isNull();
    assertThat(cart.pendingEvents()).hasSize(2);

    // Refused again, not only the first time: a class passes only once it has read back equal.
    assertThatThrownBy(() -> app.save(cart)).isInstanceOf(DataException.class);
    assertThat(app.recorder().maxNotificationId()).isNull();
  }

  @Test
  void theRoundTripCheckCanBeSwitchedOff() {
    Carts app = carts(Map.of(PAYLOAD_ROUND_TRIP_CHECK, "false"));
    Cart cart = new Cart(UUID.randomUUID(), new Address("6 Church Lane", null));
    cart.record(new Noted("call first", "pin 4711"));
    app.save(cart);

    assertThat(payloads(carts(Map.of()), cart.id())).element(1).isEqualTo(new Noted("call first", null));
  }

  private static List<Object> payloads(Cart cart) {
    List<Object> payloads = new ArrayList<>();
    for (DomainEvent<?> event : cart.pendingEvents()) {
      payloads.add(event.payload());
    }
    return payloads;
  }

  private static List<Object> payloads(Application app, UUID id) {
    List<Object> payloads = new ArrayList<>();
    for (DomainEvent<?> event : app.events().get(id, null, null, false, null)) {
      payloads.add(event.payload());
    }
    return payloads;
  }

  private Carts carts(Map<String, String> added) {
    if (settings == null) {
      settings = Map.copyOf(environment());
    }
    Map<String, String> merged = new HashMap<>(settings);
    merged.putAll(added);
    Carts app = new Carts(merged);
    applications.add(app);
    return app;
  }
}
