package dev.eventsourcing.cdi.beans;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/** Decorates what a {@link Described} bean says of itself. */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class Decorated implements Described {
  @Inject @Delegate @Any Described delegate;

  @Override
  public String describe() {
    return "decorated " + delegate.describe();
  }
}
