package dev.eventsourcing.domain;

import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The types one application's stored events and snapshots may be decoded into, by topic: its aggregate classes and
 * their payload types, the payload types of its Kotlin {@code aggregate { }} types, other payload types, and the
 * old topics (aliases) of renamed or moved classes. An application declares them (see {@code Application.types()});
 * its mapper encodes only events of declared types and resolves a stored topic only to a declared class.
 *
 * <p>Declaring an aggregate class declares its payload types: the concrete classes its sealed event type permits
 * (through sealed subtypes too), or, if its event type is not sealed, its nested classes of that type. Declaring a
 * sealed interface or class declares the concrete classes it permits. A declared class's upcasters ({@link
 * Upcaster}) come with it.
 *
 * <p>Resolution is a lookup: a stored topic never loads, let alone initialises, a class. Values are immutable and
 * safe to share between threads.
 */
public final class DecodableTypes {
  private static final DecodableTypes NONE = new DecodableTypes(Map.of(), Map.of());

  private final Map<String, Class<?>> classes;
  private final Map<Class<?>, String> topics;

  private DecodableTypes(Map<String, Class<?>> classes, Map<Class<?>, String> topics) {
    this.classes = classes;
    this.topics = topics;
  }

  /** No types: nothing can be encoded or decoded. */
  public static DecodableTypes none() {
    return NONE;
  }

  /**
   * The given aggregate classes, payload types and sealed event types, with the payload types they declare (see
   * the class description).
   *
   * @throws TopicException if a class can't be stored (such as a non-sealed interface), or two declared classes
   *     have the same topic
   */
  public static DecodableTypes of(Class<?>... types) {
    return builder().add(types).build();
  }

  /** A builder of types, for aliases or to combine the types of several aggregates. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * These types and the other's.
   *
   * @throws TopicException if a topic names a different class in each
   */
  public DecodableTypes and(DecodableTypes other) {
    return builder().add(this).add(other).build();
  }

  /**
   * The declared class a stored topic names.
   *
   * @throws TopicException if no declared class has this topic or alias
   */
  public Class<?> resolve(String topic) {
    Class<?> type = classes.get(topic);
    if (type == null) {
      throw new TopicException("topic '" + topic + "' names none of the application's declared types: declare the"
          + " aggregate class, aggregate { } type or payload type it names (or an alias for it) in the"
          + " application's types()");
    }
    return type;
  }

  /** Whether data of this class may be stored and read: whether it is declared. */
  public boolean declares(Class<?> type) {
    return topics.containsKey(type);
  }

  /** The declared classes. */
  public Set<Class<?>> classes() {
    return topics.keySet();
  }

  @Override
  public String toString() {
    return "DecodableTypes" + classes.keySet();
  }

  /** Collects types; not safe for concurrent use. */
  public static final class Builder {
    private final Map<String, Class<?>> classes = new LinkedHashMap<>();
    private final Map<Class<?>, String> topics = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds aggregate classes, payload types and sealed event types, with the payload types they declare.
     *
     * @throws TopicException if a class can't be stored, or its topic names another class already
     */
    public Builder add(Class<?>... types) {
      for (Class<?> type : types) {
        Objects.requireNonNull(type, "type");
        if (Aggregate.class.isAssignableFrom(type)) {
          addConcrete(type, type);
          for (Class<?> payloadType : payloadTypes(type)) {
            addConcrete(payloadType, type);
          }
        } else if (type.isSealed()) {
          for (Class<?> payloadType : permittedLeaves(type)) {
            addConcrete(payloadType, type);
          }
        } else {
          addConcrete(type, type);
        }
      }
      return this;
    }

    /**
     * Adds other types, aliases included.
     *
     * @throws TopicException if a topic names a different class already
     */
    public Builder add(DecodableTypes types) {
      types.classes.forEach(this::put);
      return this;
    }

    /**
     * Adds a class (as {@link #add(Class[])} does) under an earlier topic as well, so data stored before it was
     * renamed or moved keeps loading.
     *
     * @param oldTopic the topic the data was stored under
     * @throws TopicException if the old topic is blank or names another class already
     */
    public Builder alias(String oldTopic, Class<?> type) {
      if (oldTopic.isBlank()) {
        throw new TopicException("a topic alias must not be blank (for " + type.getName() + ")");
      }
      add(type);
      put(oldTopic, type);
      return this;
    }

    public DecodableTypes build() {
      return new DecodableTypes(Map.copyOf(classes), Map.copyOf(topics));
    }

    private void addConcrete(Class<?> type, Class<?> declared) {
      if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isPrimitive()) {
        throw new TopicException(type.getName() + (declared == type ? "" : " (declared by " + declared.getName()
            + ")") + " is abstract, so it can't be decoded: declare its concrete classes, or make it sealed");
      }
      Topics.versionOf(type);
      put(Topics.of(type), type);
    }

    private void put(String topic, Class<?> type) {
      Class<?> previous = classes.putIfAbsent(topic, type);
      if (previous != null && previous != type) {
        throw new TopicException("topic '" + topic + "' names both " + previous.getName() + " and " + type.getName()
            + ": give one of them another @Topic");
      }
      topics.putIfAbsent(type, Topics.of(type));
    }
  }

  /** The concrete payload types of an aggregate class: those permitted by its sealed event type, or nested in it. */
  private static List<Class<?>> payloadTypes(Class<?> aggregateType) {
    Class<?> eventType = eventTypeOf(aggregateType);
    if (eventType != null && eventType.isSealed()) {
      return permittedLeaves(eventType);
    }
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> nested : aggregateType.getDeclaredClasses()) {
      if (eventType == null || eventType.isAssignableFrom(nested)) {
        for (Class<?> leaf : nested.isSealed() ? permittedLeaves(nested) : List.<Class<?>>of(nested)) {
          if (isConcrete(leaf) && !found.contains(leaf)) {
            found.add(leaf);
          }
        }
      }
    }
    return found;
  }

  private static List<Class<?>> permittedLeaves(Class<?> sealedType) {
    List<Class<?>> found = new ArrayList<>();
    Deque<Class<?>> pending = new ArrayDeque<>(List.of(sealedType));
    while (!pending.isEmpty()) {
      Class<?> type = pending.remove();
      if (type.isSealed()) {
        pending.addAll(List.of(type.getPermittedSubclasses()));
      }
      if (isConcrete(type) && !found.contains(type)) {
        found.add(type);
      }
    }
    return found;
  }

  private static boolean isConcrete(Class<?> type) {
    return !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
  }

  private static @Nullable Class<?> eventTypeOf(Class<?> aggregateType) {
    for (Class<?> c = aggregateType; c != null && c != Aggregate.class; c = c.getSuperclass()) {
      Type superType = c.getGenericSuperclass();
      if (superType instanceof ParameterizedType parameterized && parameterized.getRawType() == Aggregate.class) {
        Type argument = parameterized.getActualTypeArguments()[0];
        if (argument instanceof Class<?> eventClass) {
          return eventClass;
        }
        if (argument instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
          return raw;
        }
        return null;
      }
    }
    return null;
  }
}
