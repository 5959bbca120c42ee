package dev.eventsourcing.domain;

/**
 * Topics name stored types: a class's topic is the value of its {@link Topic} annotation, or else {@code
 * package:Outer.Inner}.
 *
 * <p>A topic read from stored data resolves only to a class its application declares ({@link DecodableTypes}), never
 * through the class path. Safe to use from many threads.
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
      type = load(name);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new TopicException(key + "='" + topic + "' names no class on the class path", e);
    }
    if (!expected.isAssignableFrom(type)) {
      throw new TopicException(key + "='" + topic + "' names " + type.getName() + ", which is not a "
          + expected.getName());
    }
    return type.asSubclass(expected);
  }

  private static String binaryName(String topic) {
    int colon = topic.indexOf(':');
    if (colon < 0 || colon != topic.lastIndexOf(':') || colon == topic.length() - 1) {
      throw new TopicException("topic '" + topic + "' is not of the form package:Outer.Inner");
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

  /**
   * The class through the context class loader, or else the library's own: a container's thread may have a context
   * class loader that does not see the library, whose own classes (such as its cipher) a setting may name.
   */
  private static Class<?> load(String name) throws ClassNotFoundException {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      try {
        return Class.forName(name, false, context);
      } catch (ClassNotFoundException e) {
        // tried with the library's class loader below
      }
    }
    return Class.forName(name, false, Topics.class.getClassLoader());
  }
}
