package dev.eventsourcing.persistence;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.eventsourcing.domain.Topics;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.Version;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedClass;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;

/**
 * Values whose declared type is a sealed interface or class are written with a type id, {@value #TYPE_PROPERTY}: the
 * topic of their permitted subclass. Jackson lists the permitted subclasses as the subtypes, and resolves a stored
 * id only among them, so stored text never names an arbitrary class. Jackson's own annotations on a type take
 * precedence (this introspector is consulted after the others). JDK and Kotlin library types and enums are left
 * alone.
 */
final class SealedTypes extends JacksonModule {
  static final String TYPE_PROPERTY = "@type";

  private static final JsonTypeInfo.Value TYPE_INFO =
      JsonTypeInfo.Value.construct(JsonTypeInfo.Id.NAME, JsonTypeInfo.As.PROPERTY, TYPE_PROPERTY, null, false, null);

  @Override
  public String getModuleName() {
    return "eventsourcing-sealed-types";
  }

  @Override
  public Version version() {
    return Version.unknownVersion();
  }

  @Override
  public void setupModule(SetupContext context) {
    context.appendAnnotationIntrospector(new Introspector());
  }

  /** Whether values declared as this type carry a type id. */
  static boolean isSealedHierarchy(Class<?> type) {
    return type.isSealed() && !type.isEnum() && !isLibraryType(type);
  }

  private static boolean isLibraryType(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("kotlin.");
  }

  private static final class Introspector extends NopAnnotationIntrospector {
    @Override
    public JsonTypeInfo.@Nullable Value findPolymorphicTypeInfo(MapperConfig<?> config, Annotated annotated) {
      return annotated instanceof AnnotatedClass type && isSealedHierarchy(type.getRawType()) ? TYPE_INFO : null;
    }

    @Override
    public @Nullable String findTypeName(MapperConfig<?> config, AnnotatedClass annotated) {
      Class<?> type = annotated.getRawType();
      return isPermitted(type) ? Topics.of(type) : null;
    }

    private static boolean isPermitted(Class<?> type) {
      Class<?> parent = type.getSuperclass();
      if (parent != null && isSealedHierarchy(parent)) {
        return true;
      }
      for (Class<?> implemented : type.getInterfaces()) {
        if (isSealedHierarchy(implemented)) {
          return true;
        }
      }
      return false;
    }
  }
}
