package dev.eventsourcing.testing;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the "when" of a fixture did: the payloads of the new events it made, or the exception it threw. Its {@code
 * then} methods check one or the other, and fail with an {@link AssertionError} that lists the expected and the
 * actual events.
 *
 * @param <R> what a successful "when" gives for further checks: the aggregate, its state, or the application
 */
public final class Outcome<R> {
  private final String what;
  private final List<Object> events;
  private final @Nullable RuntimeException thrown;
  private final @Nullable R result;

  private Outcome(String what, List<Object> events, @Nullable RuntimeException thrown, @Nullable R result) {
    this.what = what;
    this.events = events;
    this.thrown = thrown;
    this.result = result;
  }

  static <R> Outcome<R> made(String what, List<?> events, R result) {
    return new Outcome<>(what, List.copyOf(events), null, result);
  }

  static <R> Outcome<R> threw(String what, RuntimeException thrown) {
    return new Outcome<>(what, List.of(), thrown, null);
  }

  /**
   * Checks that the new events' payloads are these, in this order (compared with {@code equals}), and nothing else.
   *
   * @return the aggregate, its state or the application after the "when", for further checks
   * @throws AssertionError if the events differ, or the "when" threw
   */
  public R then(Object... expected) {
    List<Object> wanted = Arrays.asList(expected);
    RuntimeException failure = thrown;
    if (failure != null) {
      throw new AssertionError(what + " threw " + failure + "\n" + list("Expected", wanted), failure);
    }
    if (!events.equals(wanted)) {
      throw new AssertionError(what + " made other events than expected.\n" + list("Expected", wanted)
          + list("Actual", events) + difference(wanted, events));
    }
    return Objects.requireNonNull(result);
  }

  /** Checks that the "when" made no event, as {@link #then(Object...)} with none. */
  public R thenNothing() {
    return then();
  }

  /**
   * Checks that the "when" threw an exception of this type, or one caused by one (as a process application's
   * {@code ProcessingException} is by its policy's exception).
   *
   * @return that exception, for checks of its message
   * @throws AssertionError if the "when" threw none, or another
   */
  public <X extends Throwable> X thenThrows(Class<X> type) {
    RuntimeException failure = thrown;
    if (failure == null) {
      throw new AssertionError(what + " threw nothing; expected " + type.getName() + ".\n" + list("Actual", events));
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    throw new AssertionError(what + " threw " + failure + "; expected " + type.getName(), failure);
  }

  /**
   * The new events' payloads, for checks the {@code then} methods don't make.
   *
   * @throws AssertionError if the "when" threw
   */
  public List<Object> events() {
    RuntimeException failure = thrown;
    if (failure != null) {
      throw new AssertionError(what + " threw " + failure, failure);
    }
    return events;
  }

  private static String list(String title, List<?> events) {
    StringBuilder list = new StringBuilder(title).append(": ").append(count(events.size()))
        .append(events.isEmpty() ? "\n" : ":\n");
    for (int i = 0; i < events.size(); i++) {
      list.append("  ").append(i + 1).append(". ").append(events.get(i)).append('\n');
    }
    return list.toString();
  }

  private static String difference(List<?> expected, List<?> actual) {
    int i = 0;
    while (i < expected.size() && i < actual.size() && Objects.equals(expected.get(i), actual.get(i))) {
      i++;
    }
    if (i == expected.size()) {
      return "The first " + count(i) + " are as expected; then " + count(actual.size() - i) + " more.";
    }
    if (i == actual.size()) {
      return "The first " + count(i) + " are as expected; " + count(expected.size() - i) + " missing.";
    }
    Object wanted = expected.get(i);
    Object got = actual.get(i);
    String first = "The first difference is event " + (i + 1) + ": expected " + wanted + " but was " + got;
    if (String.valueOf(wanted).equals(String.valueOf(got))) {
      first += " (" + className(wanted) + " and " + className(got) + ")";
    }
    return first + ".";
  }

  private static String className(@Nullable Object value) {
    return value == null ? "null" : value.getClass().getName();
  }

  private static String count(int n) {
    return n + (n == 1 ? " event" : " events");
  }
}
