package dev.eventsourcing.domain;

import dev.eventsourcing.persistence.TopicException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * Topics name stored types; this registry computes them and resolves them back to classes.
 *
 * <p>A class's topic is the value of its {@link Topic} annotation, or else {@code package:Outer.Inner}. Resolution is
 * deliberately narrow, because topics are read from stored data: a topic resolves only to a class that is
 * registered (directly, through an alias, or as a payload type of a registered aggregate), or, in the default
 * form, to an {@link Aggregate} subclass or a payload type of one (a class nested in an aggregate class, or
 * permitted by a sealed event interface nested in one). Candidate classes are loaded without being initialised, so
 * naming a class in stored data never runs its static initialiser. Everything else raises {@link TopicException}.
 *
 * <p>The registry is global to the class loader that holds the library, like Python's topic cache. It is safe to use
 * from many threads.
 */
public final class Topics {
  private static final ClassValue<String> TOPICS =
      new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
          Topic annotation = type.getAnnotation(Topic.class);
          if (annotation != null && !annotation.value().isEmpty()) {
            return annotation.value();
          }
          return defaultTopic(type);
        }
      };

  private static final ConcurrentMap<String, Class<?>> REGISTERED = new ConcurrentHashMap<>();
  private static final ClassValue<Boolean> AGGREGATE_REGISTERED =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          registerAggregate(type);
          return Boolean.TRUE;
        }
      };

  private Topics() {}

  /** The topic of a class: its {@link Topic} value, or {@code package:Outer.Inner}. */
  public static String of(Class<?> type) {
    return TOPICS.get(type);
  }

  /** The version of a class's stored form, from its {@link Topic} annotation (1 by default). */
  public static int versionOf(Class<?> type) {
    Topic annotation = type.getAnnotation(Topic.class);
    int version = annotation == null ? 1 : annotation.version();
    if (version < 1) {
      throw new TopicException("@Topic(version = " + version + ") on " + type.getName() + ": versions start at 1");
    }
    return version;
  }

  /**
   * Registers a class under its topic, so stored data naming that topic resolves to it. Registering an aggregate
   * class registers its payload types too. Fails if the topic already names a different class.
   */
  public static void register(Class<?> type) {
    put(of(type), type);
    if (Aggregate.class.isAssignableFrom(type)) {
      AGGREGATE_REGISTERED.get(type);
    }
  }

  /**
   * Registers an earlier topic of a renamed or moved class, so data stored under the old topic keeps loading.
   *
   * @param oldTopic the topic the data was stored under
   * @param type the class it now resolves to
   */
  public static void registerAlias(String oldTopic, Class<?> type) {
    if (oldTopic.isBlank()) {
      throw new TopicException("a topic alias must not be blank (for " + type.getName() + ")");
    }
    put(oldTopic, type);
    register(type);
  }

  /**
   * Resolves a stored topic to a class, under the rules of this class's description.
   *
   * @throws TopicException if the topic names no class, or a class that may not be resolved from stored data
   */
  public static Class<?> resolve(String topic) {
    Class<?> registered = REGISTERED.get(topic);
    if (registered != null) {
      return registered;
    }
    Class<?> type = load(topic, binaryName(topic));
    if (!isAggregateOrPayloadType(type)) {
      throw new TopicException(
          "topic '" + topic + "' names " + type.getName() + ", which is neither an aggregate class nor a payload"
              + " type of one, nor registered: register it with Topics.register(" + type.getSimpleName()
              + ".class)");
    }
    if (Aggregate.class.isAssignableFrom(type)) {
      AGGREGATE_REGISTERED.get(type);
    } else {
      REGISTERED.putIfAbsent(topic, type);
    }
    return type;
  }

  /**
   * Resolves a topic given in configuration (not in stored data) to a class that must implement {@code expected}.
   * Accepts {@code package:Class} or a plain class name. The class is loaded without being initialised and checked
   * before anything else happens to it.
   *
   * @param key the setting the topic came from, named in error messages
   */
  public static <T> Class<? extends T> resolveConfigured(String key, String topic, Class<T> expected) {
    String name = topic.contains(":") ? binaryName(topic) : topic;
    Class<?> type;
    try {
      type = Class.forName(name, false, classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new TopicException(key + "='" + topic + "' names no class on the class path", e);
    }
    if (!expected.isAssignableFrom(type)) {
      throw new TopicException(key + "='" + topic + "' names " + type.getName() + ", which is not a "
          + expected.getName());
    }
    return type.asSubclass(expected);
  }

  private static void put(String topic, Class<?> type) {
    Class<?> previous = REGISTERED.putIfAbsent(topic, type);
    if (previous != null && previous != type) {
      throw new TopicException(
          "topic '" + topic + "' already names " + previous.getName() + ", so it cannot also name " + type.getName());
    }
  }

  private static void registerAggregate(Class<?> aggregateType) {
    put(of(aggregateType), aggregateType);
    for (Class<?> payloadType : payloadTypes(aggregateType)) {
      put(of(payloadType), payloadType);
    }
  }

  /** The concrete payload types of an aggregate class: those permitted by its sealed event type, or nested in it. */
  static List<Class<?>> payloadTypes(Class<?> aggregateType) {
    Class<?> eventType = eventTypeOf(aggregateType);
    List<Class<?>> found = new ArrayList<>();
    Deque<Class<?>> pending = new ArrayDeque<>();
    if (eventType != null && eventType.isSealed()) {
      pending.add(eventType);
    } else {
      for (Class<?> nested : aggregateType.getDeclaredClasses()) {
        if (eventType == null || eventType.isAssignableFrom(nested)) {
          pending.add(nested);
        }
      }
    }
    while (!pending.isEmpty()) {
      Class<?> type = pending.remove();
      if (type.isSealed()) {
        pending.addAll(List.of(type.getPermittedSubclasses()));
      }
      if (!type.isInterface() && !Modifier.isAbstract(type.getModifiers()) && !found.contains(type)) {
        found.add(type);
      }
    }
    return found;
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

  private static boolean isAggregateOrPayloadType(Class<?> type) {
    if (Aggregate.class.isAssignableFrom(type)) {
      return true;
    }
    if (type.isInterface() || type.isArray() || type.isPrimitive()) {
      return false;
    }
    for (Class<?> c = type.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      if (Aggregate.class.isAssignableFrom(c)) {
        return true;
      }
    }
    return permittedByAggregateEventType(type, type);
  }

  private static boolean permittedByAggregateEventType(Class<?> payloadType, Class<?> subtype) {
    for (Class<?> supertype : subtype.getInterfaces()) {
      if (supertype.isSealed() && List.of(supertype.getPermittedSubclasses()).contains(subtype)) {
        for (Class<?> c = supertype.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
          if (Aggregate.class.isAssignableFrom(c) && payloadTypes(c).contains(payloadType)) {
            return true;
          }
        }
        if (permittedByAggregateEventType(payloadType, supertype)) {
          return true;
        }
      }
    }
    return false;
  }

  private static Class<?> load(String topic, String binaryName) {
    try {
      return Class.forName(binaryName, false, classLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new TopicException("topic '" + topic + "' names no known class (looked for " + binaryName + ")", e);
    }
  }

  private static String binaryName(String topic) {
    int colon = topic.indexOf(':');
    if (colon < 0 || colon != topic.lastIndexOf(':') || colon == topic.length() - 1) {
      throw new TopicException("topic '" + topic + "' is neither registered nor of the form package:Outer.Inner");
    }
    String packageName = topic.substring(0, colon);
    String nested = topic.substring(colon + 1).replace('.', '$');
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }

  private static String defaultTopic(Class<?> type) {
    if (type.isAnonymousClass() || type.isLocalClass() || type.isHidden() || type.isArray()) {
      throw new TopicException(type.getName() + " has no topic: anonymous, local, hidden and array classes can't be"
          + " stored; declare the class as a top-level or nested member class");
    }
    StringBuilder qualifiedName = new StringBuilder(type.getSimpleName());
    for (Class<?> c = type.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
      qualifiedName.insert(0, c.getSimpleName() + ".");
    }
    return type.getPackageName() + ":" + qualifiedName;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : Topics.class.getClassLoader();
  }
}
