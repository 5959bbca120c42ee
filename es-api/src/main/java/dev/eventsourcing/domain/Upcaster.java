package dev.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method that rewrites the stored JSON of a payload (or of an aggregate's snapshot) from version
 * {@link #from()} to version {@code from + 1}, before it is bound to the class.
 *
 * <p>The method is declared on the versioned class, is {@code static}, returns {@code void} and takes one {@code
 * tools.jackson.databind.node.ObjectNode}, which it changes in place. A class at {@code @Topic(version = 3)} declares
 * upcasters from 1 and from 2; stored data at version 1 passes through both. For example:
 *
 * <pre>{@code
 * @Topic(version = 2)
 * record Created(String name, String founder) implements Event {
 *   @Upcaster(from = 1)
 *   static void addFounder(ObjectNode state) {
 *     state.put("founder", "unknown");
 *   }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Upcaster {
  /** The version this method upcasts from; it produces version {@code from + 1}. */
  int from();
}
