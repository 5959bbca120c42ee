package dev.eventsourcing.persistence;

import dev.eventsourcing.domain.DecodableTypes;
import dev.eventsourcing.domain.TopicException;
import dev.eventsourcing.domain.Topics;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.ServiceLoader;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Builds an application's persistence from its {@link Environment}: the recorders of one store, and the mapper
 * with the configured cipher and compressor. Every setting is parsed once, when the factory is constructed, so a
 * bad configuration fails when the application is constructed, with a {@link ConfigurationException} that names
 * the application and the key as {@linkplain Environment#given given}, never a key's value; {@link #check} parses
 * the settings in the same way without opening anything.
 *
 * <p>Settings read here (each may be prefixed with the application's name):
 *
 * <ul>
 *   <li>{@value #PERSISTENCE_MODULE}: {@code memory} (the default), or a store added by another module, such as
 *       {@code sqlite} or {@code postgres}, or the class name of a {@link PersistenceModule} or {@code
 *       InfrastructureFactory}.
 *   <li>{@value #INFRASTRUCTURE_FACTORY}: the class name of an {@code InfrastructureFactory} subclass with a
 *       public constructor taking the {@link Environment}; takes precedence over {@value #PERSISTENCE_MODULE}.
 *   <li>{@value #CIPHER_TOPIC}: a {@link Cipher} class, such as {@code dev.eventsourcing.cipher:AesCipher}; with
 *       {@value #CIPHER_KEY} set and this unset, {@value #DEFAULT_CIPHER_TOPIC} is used (found by its topic, as
 *       a configured cipher is: persistence depends on no cipher).
 *   <li>{@value #CIPHER_KEY}: the cipher's key (for {@code AesCipher}, base64 of 16, 24 or 32 bytes); with
 *       per-subject encryption, the master key (base64 of 32 bytes).
 *   <li>{@value #CIPHER_MODE}: {@code single} (the default: one cipher for every record) or {@code per-subject}:
 *       envelope encryption with a data key per data subject, wrapped by the master key {@value #CIPHER_KEY} and
 *       kept in the store, so a subject's data can be erased ({@link DataKeys}); it takes no {@value
 *       #CIPHER_TOPIC}. Other master keys accepted for unwrapping, as during a rotation, are listed in {@value
 *       MasterKeys#CIPHER_OTHER_KEYS}.
 *   <li>{@value #DATA_KEY_CACHE_SIZE}: with per-subject encryption, how many subjects' keys are kept unwrapped in
 *       memory (default 10,000; 0 for none).
 *   <li>{@value #COMPRESSOR_TOPIC}: a {@link Compressor} class, such as {@code
 *       dev.eventsourcing.compressor:ZlibCompressor}.
 *   <li>{@value #IS_SNAPSHOTTING_ENABLED}: {@code true} to keep snapshots (default {@code false}).
 *   <li>{@value #PAYLOAD_ROUND_TRIP_CHECK}: {@code true} (the default) for the mapper to decode the first payload
 *       of each class it saves and refuse the save if it does not read back equal; {@code false} to skip that.
 * </ul>
 *
 * <p>A class name may be given as {@code package.Class} or {@code package:Class}.
 */
public abstract class InfrastructureFactory implements AutoCloseable {
  public static final String PERSISTENCE_MODULE = "PERSISTENCE_MODULE";
  public static final String INFRASTRUCTURE_FACTORY = "INFRASTRUCTURE_FACTORY";
  public static final String CIPHER_TOPIC = "CIPHER_TOPIC";
  public static final String CIPHER_KEY = "CIPHER_KEY";
  public static final String CIPHER_MODE = "CIPHER_MODE";
  public static final String DATA_KEY_CACHE_SIZE = "DATA_KEY_CACHE_SIZE";
  public static final String COMPRESSOR_TOPIC = "COMPRESSOR_TOPIC";
  public static final String IS_SNAPSHOTTING_ENABLED = "IS_SNAPSHOTTING_ENABLED";
  public static final String PAYLOAD_ROUND_TRIP_CHECK = "PAYLOAD_ROUND_TRIP_CHECK";
  /** The cipher used when {@value #CIPHER_KEY} is set and {@value #CIPHER_TOPIC} is not. */
  public static final String DEFAULT_CIPHER_TOPIC = "dev.eventsourcing.cipher:AesCipher";

  private final Environment environment;
  private final Settings settings;

  /**
   * The settings every store reads, parsed once from the environment: the cipher (or the master keys of
   * per-subject encryption), the compressor, snapshotting, and the payloads' round-trip check. Parsing opens
   * nothing.
   */
  private record Settings(@Nullable Cipher cipher, @Nullable MasterKeys masterKeys, int dataKeyCacheSize,
      @Nullable Compressor compressor, boolean snapshottingEnabled, boolean roundTripCheck) {
    static Settings parse(Environment environment) {
      MasterKeys masterKeys = parseMasterKeys(environment);
      return new Settings(masterKeys == null ? constructCipher(environment) : null, masterKeys,
          environment.getInt(DATA_KEY_CACHE_SIZE, 10_000, 0, 100_000_000), constructCompressor(environment),
          environment.getBoolean(IS_SNAPSHOTTING_ENABLED, false),
          environment.getBoolean(PAYLOAD_ROUND_TRIP_CHECK, true));
    }
  }

  /**
   * Parses the settings common to every store.
   *
   * @throws ConfigurationException if one is invalid
   */
  protected InfrastructureFactory(Environment environment) {
    this.environment = environment;
    this.settings = Settings.parse(environment);
  }

  /**
   * The factory that the environment's {@value #INFRASTRUCTURE_FACTORY} or {@value #PERSISTENCE_MODULE} names.
   *
   * @throws ConfigurationException if the named store is unknown or its settings are invalid
   */
  public static InfrastructureFactory construct(Environment environment) {
    String factoryClass = environment.get(INFRASTRUCTURE_FACTORY);
    if (factoryClass != null) {
      return instantiate(environment, INFRASTRUCTURE_FACTORY, factoryClass, InfrastructureFactory.class, true);
    }
    String module = environment.get(PERSISTENCE_MODULE, "memory").trim();
    PersistenceModule found = findModule(environment, module);
    if (found != null) {
      return found.createFactory(environment);
    }
    return instantiate(environment, PERSISTENCE_MODULE, module, InfrastructureFactory.class, true);
  }

  /**
   * Checks, without opening anything, the settings that every store reads, that the store the environment names
   * exists, and the settings of a {@link PersistenceModule}'s store ({@link PersistenceModule#check}): what a
   * container can check when it deploys an application it constructs later. The settings are parsed as {@link
   * #construct} parses them, so a setting that fails one fails the other in the same way.
   *
   * @throws ConfigurationException naming the application and the first bad setting
   */
  public static void check(Environment environment) {
    String factoryClass = environment.get(INFRASTRUCTURE_FACTORY);
    if (factoryClass != null) {
      resolve(environment, INFRASTRUCTURE_FACTORY, factoryClass, InfrastructureFactory.class);
    } else {
      String module = environment.get(PERSISTENCE_MODULE, "memory").trim();
      PersistenceModule found = findModule(environment, module);
      if (found != null) {
        found.check(environment);
      } else {
        resolve(environment, PERSISTENCE_MODULE, module, InfrastructureFactory.class);
      }
    }
    Settings.parse(environment);
  }

  /**
   * The factory of the store that the environment's {@value #PERSISTENCE_MODULE} names, on a {@code DataSource}
   * that the caller keeps and closes.
   *
   * @throws ConfigurationException if the named store is unknown, takes no {@code DataSource}, or its settings are
   *     invalid
   */
  public static InfrastructureFactory construct(Environment environment, DataSource dataSource) {
    String module = environment.get(PERSISTENCE_MODULE);
    if (module == null) {
      throw new ConfigurationException("application " + environment.name() + " is given a DataSource, but "
          + PERSISTENCE_MODULE + " is not set: set it to the DataSource's database, such as postgres or sqlite");
    }
    PersistenceModule found = findModule(environment, module.trim());
    if (found == null) {
      throw environment.invalid(PERSISTENCE_MODULE, "='" + module + "' names no store that takes a DataSource: use"
          + " a store's name or the class name of a PersistenceModule");
    }
    return found.createFactory(environment, dataSource);
  }

  /**
   * The store module of that name, or the named {@link PersistenceModule} class; {@code null} if the name is a
   * class name of an {@code InfrastructureFactory}.
   */
  private static @Nullable PersistenceModule findModule(Environment environment, String module) {
    List<String> known = new ArrayList<>();
    for (PersistenceModule candidate : modules()) {
      if (candidate.name().equals(module)) {
        return candidate;
      }
      known.add(candidate.name());
    }
    if (module.contains(".") || module.contains(":")) {
      Class<?> type = resolve(environment, PERSISTENCE_MODULE, module, Object.class);
      return PersistenceModule.class.isAssignableFrom(type)
          ? instantiate(environment, PERSISTENCE_MODULE, module, PersistenceModule.class, false)
          : null;
    }
    throw environment.invalid(PERSISTENCE_MODULE, "='" + module + "' names no store: use one of " + known
        + " (a store outside es-api needs its module on the class path, such as es-jpa for sqlite and postgres),"
        + " or a class name");
  }

  public Environment environment() {
    return environment;
  }

  /**
   * A mapper of the given types, with this environment's compressor and cipher, and unless {@value
   * #PAYLOAD_ROUND_TRIP_CHECK} is {@code false}, its check that payloads read back as they were saved.
   *
   * @throws ConfigurationException with per-subject encryption, which needs the recorder that keeps the keys
   */
  public Mapper mapper(DecodableTypes types, Transcoder transcoder) {
    if (settings.masterKeys() != null) {
      throw new ConfigurationException("application " + environment.name() + ": " + CIPHER_MODE + "=per-subject"
          + " keeps data keys in the store: make the mapper with mapper(types, transcoder, recorder)");
    }
    return new Mapper(types, checked(transcoder), settings.compressor(), settings.cipher());
  }

  /**
   * A mapper of the given types, with this environment's compressor and cipher; with per-subject encryption, its
   * data keys are kept by the {@linkplain ApplicationRecorder#dataKeys() data keys} of {@code recorder}, the
   * recorder of the events they encrypt.
   *
   * @throws ConfigurationException if per-subject encryption is configured and the recorder keeps no data keys
   */
  public Mapper mapper(DecodableTypes types, Transcoder transcoder, ApplicationRecorder recorder) {
    MasterKeys masterKeys = settings.masterKeys();
    if (masterKeys == null) {
      return new Mapper(types, checked(transcoder), settings.compressor(), settings.cipher());
    }
    DataKeyRecorder keys = recorder.dataKeys().orElseThrow(() -> new ConfigurationException("application "
        + environment.name() + ": " + CIPHER_MODE + "=per-subject needs a store that keeps data keys, and "
        + recorder.getClass().getName() + " does not"));
    return Mapper.perSubject(types, checked(transcoder), settings.compressor(),
        new DataKeys(masterKeys, keys, settings.dataKeyCacheSize()));
  }

  private Transcoder checked(Transcoder transcoder) {
    return settings.roundTripCheck() ? new RoundTripCheck(transcoder) : transcoder;
  }

  /** Whether {@value #CIPHER_MODE} is {@code per-subject}: a store then keeps data keys beside the events. */
  public boolean isPerSubjectEncryption() {
    return settings.masterKeys() != null;
  }

  /**
   * A recorder for aggregate events that need no notification ids.
   *
   * @param purpose what is recorded, such as {@code snapshots}; stores keep each purpose apart
   */
  public abstract AggregateRecorder aggregateRecorder(String purpose);

  /** The recorder of an application's events and notification log. */
  public abstract ApplicationRecorder applicationRecorder();

  /** The recorder of a process application's events, notification log and tracking records. */
  public abstract ProcessRecorder processRecorder();

  /** Whether {@value #IS_SNAPSHOTTING_ENABLED} is set. */
  public boolean isSnapshottingEnabled() {
    return settings.snapshottingEnabled();
  }

  /** Releases what the factory holds, such as a connection pool. Its recorders are unusable afterwards. */
  @Override
  public void close() {}

  private static @Nullable MasterKeys parseMasterKeys(Environment environment) {
    String mode = environment.get(CIPHER_MODE, "single").trim().toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "single" -> null;
      case "per-subject" -> {
        if (environment.get(CIPHER_TOPIC) != null) {
          throw environment.invalid(CIPHER_TOPIC, "is set, and " + environment.given(CIPHER_MODE) + "=per-subject"
              + " encrypts with AES-256-GCM data keys and takes no " + CIPHER_TOPIC + ": unset it");
        }
        yield MasterKeys.of(environment);
      }
      default -> throw environment.invalid(CIPHER_MODE, "='" + mode + "' is not a cipher mode: use single or"
          + " per-subject");
    };
  }

  private static @Nullable Cipher constructCipher(Environment environment) {
    String topic = environment.get(CIPHER_TOPIC);
    if (topic == null) {
      return environment.get(CIPHER_KEY) == null
          ? null
          : instantiate(environment, CIPHER_KEY, DEFAULT_CIPHER_TOPIC, Cipher.class, true);
    }
    return instantiate(environment, CIPHER_TOPIC, topic, Cipher.class, true);
  }

  private static @Nullable Compressor constructCompressor(Environment environment) {
    String topic = environment.get(COMPRESSOR_TOPIC);
    return topic == null ? null : instantiate(environment, COMPRESSOR_TOPIC, topic, Compressor.class, true);
  }

  /**
   * Instantiates the class a setting names, with its (Environment) constructor if {@code withEnvironment} and it has
   * one, else its no-argument one.
   */
  private static <T> T instantiate(
      Environment environment, String key, String topic, Class<T> expected, boolean withEnvironment) {
    Class<? extends T> type = resolve(environment, key, topic, expected);
    try {
      if (withEnvironment) {
        try {
          Constructor<? extends T> constructor = type.getConstructor(Environment.class);
          return constructor.newInstance(environment);
        } catch (NoSuchMethodException e) {
          // fall back to the no-argument constructor
        }
      }
      return type.getConstructor().newInstance();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw environment.invalid(key, "='" + topic + "': constructing " + type.getName() + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw environment.invalid(key, "='" + topic + "': " + type.getName()
          + " needs a public constructor taking an Environment, or none", e);
    }
  }

  private static <T> Class<? extends T> resolve(Environment environment, String key, String topic, Class<T> expected) {
    try {
      return Topics.resolveConfigured(environment.given(key), topic, expected);
    } catch (TopicException e) {
      throw new ConfigurationException("application " + environment.name() + ": " + e.getMessage(), e);
    }
  }

  /**
   * The store modules that the context class loader and the library's own class loader see: a container's thread
   * may have a context class loader that does not see the application's libraries.
   */
  private static List<PersistenceModule> modules() {
    Map<String, PersistenceModule> found = new LinkedHashMap<>();
    Set<ClassLoader> loaders = new LinkedHashSet<>(List.of(classLoader(), InfrastructureFactory.class.getClassLoader()));
    for (ClassLoader loader : loaders) {
      for (PersistenceModule candidate : ServiceLoader.load(PersistenceModule.class, loader)) {
        found.putIfAbsent(candidate.name(), candidate);
      }
    }
    return List.copyOf(found.values());
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : InfrastructureFactory.class.getClassLoader();
  }
}
