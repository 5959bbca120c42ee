package dev.eventsourcing.persistence;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonTypeResolver;
import tools.jackson.databind.deser.AbstractDeserializer;
import tools.jackson.databind.deser.bean.BeanDeserializerBase;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a payload class with a property, at any depth, declared as an abstract class or interface that Jackson
 * would write without its type: the stored JSON could then not be read back. Sealed types (see {@link
 * SealedTypes}), types and properties annotated for Jackson's polymorphism or deserialization, and abstract types
 * Jackson reads by itself (such as {@code Number} or {@code CharSequence}) pass.
 */
final class DeclaredTypes {
  private final DeserializationContext context;
  private final Class<?> payloadType;
  private final Set<Class<?>> seen = new HashSet<>();

  private DeclaredTypes(JsonMapper mapper, Class<?> payloadType) {
    this.context = mapper._deserializationContext();
    this.payloadType = payloadType;
  }

  /**
   * Checks a payload class.
   *
   * @throws DataException naming the class and the property if one of its values would be written without its type
   */
  static void check(JsonMapper mapper, Class<?> payloadType) {
    DeclaredTypes check = new DeclaredTypes(mapper, payloadType);
    check.bean(check.context.constructType(payloadType), "");
  }

  private void bean(JavaType type, String path) {
    if (!seen.add(type.getRawClass())) {
      return;
    }
    for (BeanPropertyDefinition property : context.introspectBeanDescription(type).findProperties()) {
      AnnotatedMember member = property.getPrimaryMember();
      if (!property.couldDeserialize() || member == null || member.hasAnnotation(JsonTypeInfo.class)
          || member.hasAnnotation(JsonDeserialize.class) || member.hasAnnotation(JsonTypeResolver.class)) {
        continue;
      }
      value(property.getPrimaryType(), path + property.getName());
    }
  }

  private void value(JavaType type, String path) {
    if (type.isContainerType() || type.isReferenceType()) {
      JavaType content = type.getContentType();
      if (content != null) {
        value(content, type.isReferenceType() ? path : path + "[]");
      }
      return;
    }
    if (!type.isConcrete()) {
      if (context.findTypeDeserializer(type) == null) {
        if (context.findRootValueDeserializer(type) instanceof AbstractDeserializer) {
          throw refused(type.getRawClass(), path);
        }
        return;
      }
      if (SealedTypes.isSealedHierarchy(type.getRawClass())) {
        for (Class<?> permitted : type.getRawClass().getPermittedSubclasses()) {
          value(context.constructType(permitted), path);
        }
      }
      return;
    }
    if (context.findRootValueDeserializer(type) instanceof BeanDeserializerBase) {
      bean(type, path + ".");
    }
  }

  private DataException refused(Class<?> declared, String path) {
    String kind = declared.isInterface() ? "interface" : "abstract class";
    return new DataException(payloadType.getName() + " can't be saved: its property " + path + " is declared as "
        + declared.getName() + ", an " + kind + " that is not sealed, so the stored JSON would not say which class"
        + " its value is and could not be read back. Seal it (sealed " + (declared.isInterface() ? "interface " :
        "abstract class ") + declared.getSimpleName() + " permits ...), and its permitted subclass is stored with"
        + " the value; or annotate it for Jackson (@JsonTypeInfo with @JsonSubTypes, or @JsonDeserialize(as = ...))");
  }
}
