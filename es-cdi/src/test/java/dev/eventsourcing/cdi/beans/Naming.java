package dev.eventsourcing.cdi.beans;

import jakarta.enterprise.context.ApplicationScoped;

/** A bean of the deployment that the process applications' policies use. */
@ApplicationScoped
public class Naming {
  public String of(String name) {
    return "named " + name;
  }
}
