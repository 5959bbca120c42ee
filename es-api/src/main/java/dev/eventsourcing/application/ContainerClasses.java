package dev.eventsourcing.application;

/**
 * Recognises classes that containers generate as subclasses of an application class: client proxies and
 * intercepting subclasses of CDI containers (Weld, OpenWebBeans, Quarkus ArC) and of byte-code libraries.
 */
final class ContainerClasses {
  private ContainerClasses() {}

  static boolean isGenerated(Class<?> type) {
    if (type.isSynthetic()) {
      return true;
    }
    String name = type.getName();
    return name.contains("$$") || name.endsWith("_ClientProxy") || name.endsWith("_Subclass");
  }
}
