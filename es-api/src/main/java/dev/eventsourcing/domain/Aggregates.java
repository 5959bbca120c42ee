package dev.eventsourcing.domain;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.UUID;

/**
 * Support for the persistence layer: creating aggregates for replay and restoring them from snapshots. Not for
 * application code.
 */
public final class Aggregates {
  private static final ClassValue<Constructor<?>> CONSTRUCTORS =
      new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
          if (!Aggregate.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
            throw new EventSourcingException(type.getName() + " is not a concrete aggregate class");
          }
          try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor;
          } catch (NoSuchMethodException e) {
            throw new EventSourcingException(type.getName()
                + " needs a no-argument constructor (of any visibility) so it can be rebuilt from its events", e);
          }
        }
      };

  private Aggregates() {}

  /** A new, empty instance of an aggregate class, made with its no-argument constructor. */
  public static Aggregate<?> newInstance(Class<?> type) {
    try {
      return (Aggregate<?>) CONSTRUCTORS.get(type).newInstance();
    } catch (InvocationTargetException e) {
      throw new EventSourcingException("the no-argument constructor of " + type.getName() + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new EventSourcingException("can't construct " + type.getName(), e);
    }
  }

  /** Sets the id, version and timestamps of an aggregate whose own fields were read from a snapshot. */
  public static void restore(Aggregate<?> aggregate, UUID id, int version, Instant createdOn, Instant modifiedOn) {
    aggregate.restore(id, version, createdOn, modifiedOn);
  }
}
