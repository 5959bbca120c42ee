package dev.eventsourcing.domain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the topic under which instances of a payload or aggregate class are stored, and the version of its stored
 * form.
 *
 * <p>Without this annotation a class's topic is {@code package:Outer.Inner} (Python's {@code module:QualName}), for
 * example {@code dev.example:World.Created}. Stored data naming a topic, of either form, is read only into a class
 * its application declares ({@link DecodableTypes}).
 *
 * <p>Raise {@link #version()} when the stored form of a class changes, and declare one {@link Upcaster} for each
 * earlier version, so that stored data of every version is read into the current class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Topic {
  /** The topic; empty means the default {@code package:Outer.Inner} form. */
  String value() default "";

  /** The version of the class's stored form; 1 for a class that has never changed. */
  int version() default 1;
}
