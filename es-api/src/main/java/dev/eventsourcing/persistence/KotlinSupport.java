package dev.eventsourcing.persistence;

import java.util.Arrays;
import tools.jackson.databind.JacksonModule;
import tools.jackson.module.kotlin.KotlinFeature;
import tools.jackson.module.kotlin.KotlinModule;

/**
 * Jackson's Kotlin module, for Kotlin data classes as payloads (default values, nullable fields, value classes), when
 * the Kotlin standard library and {@code jackson-module-kotlin} are on the class path. This class is loaded only then.
 * A {@code kotlin.time.Duration} is written as a {@code java.time.Duration} (its internal form does not read back),
 * and an {@code object} reads back as its one instance.
 */
final class KotlinSupport {
  private static final String KOTLIN_PACKAGE = "tools.jackson.module.kotlin.";
  private static final boolean AVAILABLE =
      isPresent("kotlin.Metadata") && isPresent(KOTLIN_PACKAGE + "KotlinModule");

  private KotlinSupport() {}

  /** The modules, with Kotlin's first when it is available and not among them. */
  static JacksonModule[] withKotlin(JacksonModule[] modules) {
    if (!AVAILABLE || Arrays.stream(modules).anyMatch(m -> m.getClass().getName().startsWith(KOTLIN_PACKAGE))) {
      return modules;
    }
    JacksonModule[] all = new JacksonModule[modules.length + 1];
    all[0] = Module.kotlin();
    System.arraycopy(modules, 0, all, 1, modules.length);
    return all;
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, KotlinSupport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Refers to the Kotlin module's classes, so it is loaded only when they are there. */
  private static final class Module {
    static JacksonModule kotlin() {
      return new KotlinModule.Builder()
          .enable(KotlinFeature.UseJavaDurationConversion)
          .enable(KotlinFeature.SingletonSupport)
          .build();
    }
  }
}
