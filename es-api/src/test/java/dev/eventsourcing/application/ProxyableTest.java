package dev.eventsourcing.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.system.ProcessApplication;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CDI containers make application-scoped beans of applications through client proxies, subclasses that override
 * every method: an application class may have no final method that is not private or static.
 */
class ProxyableTest {
  @ParameterizedTest
  @ValueSource(classes = {Application.class, ProcessApplication.class})
  void applicationsHaveNoFinalMethodsAProxyMustOverride(Class<?> type) {
    List<String> finalMethods = new ArrayList<>();
    for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
      for (Method method : c.getDeclaredMethods()) {
        int modifiers = method.getModifiers();
        if (Modifier.isFinal(modifiers) && !Modifier.isPrivate(modifiers) && !Modifier.isStatic(modifiers)
            && !method.isSynthetic()) {
          finalMethods.add(c.getSimpleName() + "." + method.getName());
        }
      }
    }
    assertThat(finalMethods).isEmpty();
  }
}
