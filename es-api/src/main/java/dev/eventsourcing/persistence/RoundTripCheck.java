package dev.eventsourcing.persistence;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jspecify.annotations.Nullable;

/**
 * A transcoder that, the first time it encodes a payload class, decodes what it wrote and compares it with the
 * payload: a payload that would not read back as it was is refused before anything is stored. Values are compared
 * with {@code equals} (records and data classes have it), arrays by content, and classes without their own {@code
 * equals} (aggregates, in snapshots) field by field. Error messages name types and properties, never values.
 */
final class RoundTripCheck implements Transcoder {
  private static final int MAX_DEPTH = 32;

  private final Transcoder transcoder;
  private final ConcurrentMap<Class<?>, Boolean> checked = new ConcurrentHashMap<>();

  RoundTripCheck(Transcoder transcoder) {
    this.transcoder = transcoder;
  }

  @Override
  public byte[] encode(Envelope envelope) {
    byte[] data = transcoder.encode(envelope);
    Class<?> type = envelope.payload().getClass();
    if (!checked.containsKey(type)) {
      checked.computeIfAbsent(type, t -> verify(envelope.payload(), data));
    }
    return data;
  }

  @Override
  public Envelope decode(byte[] data, Class<?> payloadType) {
    return transcoder.decode(data, payloadType);
  }

  private Boolean verify(Object payload, byte[] data) {
    String type = payload.getClass().getName();
    Object decoded;
    try {
      decoded = transcoder.decode(data, payload.getClass()).payload();
    } catch (DataException e) {
      throw new DataException("a " + type + " was not saved: it would not read back (" + e.getMessage() + ")"
          + advice(), e);
    }
    String difference = difference(payload, decoded, "", 0);
    if (difference != null) {
      throw new DataException("a " + type + " was not saved: it would read back different"
          + (difference.isEmpty() ? "" : ", in its property " + difference) + advice());
    }
    return Boolean.TRUE;
  }

  private static String advice() {
    return ". Give the type a form Jackson writes completely (a sealed type, or a Jackson module or annotations"
        + " for the value), or turn this check off with " + InfrastructureFactory.PAYLOAD_ROUND_TRIP_CHECK + "=false";
  }

  /** Where two values differ: {@code null} if they don't, the empty string if not narrowed to a property. */
  private static @Nullable String difference(@Nullable Object written, @Nullable Object read, String path,
      int depth) {
    if (written == read) {
      return null;
    }
    if (written == null || read == null || depth > MAX_DEPTH) {
      return path;
    }
    if (written instanceof List<?> list && read instanceof List<?> other) {
      return list.size() == other.size() ? elements(list, other, path, depth) : path;
    }
    if (written instanceof Map<?, ?> map && read instanceof Map<?, ?> other) {
      return entries(map, other, path, depth);
    }
    if (written instanceof Set<?> set && read instanceof Set<?> other) {
      return set.equals(other) ? null : path;
    }
    if (written.getClass() != read.getClass()) {
      return path;
    }
    if (written.getClass().isArray()) {
      return Objects.deepEquals(written, read) ? null : path;
    }
    if (written.equals(read) && !isIdentityEquals(written.getClass())) {
      return null;
    }
    if (written instanceof Optional<?> optional) {
      return difference(optional.orElse(null), ((Optional<?>) read).orElse(null), path, depth + 1);
    }
    if (isLibraryClass(written.getClass())) {
      return path;
    }
    return properties(written, read, path, depth);
  }

  private static @Nullable String entries(Map<?, ?> written, Map<?, ?> read, String path, int depth) {
    if (!written.keySet().equals(read.keySet())) {
      return path;
    }
    for (Map.Entry<?, ?> entry : written.entrySet()) {
      String found = difference(entry.getValue(), read.get(entry.getKey()), path + "{}", depth + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static @Nullable String elements(List<?> written, List<?> read, String path, int depth) {
    Iterator<?> other = read.iterator();
    int index = 0;
    for (Object element : written) {
      String found = difference(element, other.next(), path + "[" + index++ + "]", depth + 1);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Compares record components, or else the fields that are neither static nor transient, of user classes. */
  private static @Nullable String properties(Object written, Object read, String path, int depth) {
    String prefix = path.isEmpty() ? "" : path + ".";
    try {
      if (written instanceof Record) {
        for (RecordComponent component : written.getClass().getRecordComponents()) {
          component.getAccessor().setAccessible(true);
          String found = difference(component.getAccessor().invoke(written), component.getAccessor().invoke(read),
              prefix + component.getName(), depth + 1);
          if (found != null) {
            return found;
          }
        }
        return null;
      }
      for (Field field : fields(written.getClass())) {
        field.setAccessible(true);
        String found = difference(field.get(written), field.get(read), prefix + field.getName(), depth + 1);
        if (found != null) {
          return found;
        }
      }
      return null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      // Not readable here (a module that does not open the class): equals has the last word.
      return written.equals(read) ? null : path;
    }
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && !isLibraryClass(c); c = c.getSuperclass()) {
      for (Field field : c.getDeclaredFields()) {
        int modifiers = field.getModifiers();
        if (!Modifier.isStatic(modifiers) && !Modifier.isTransient(modifiers)) {
          fields.add(field);
        }
      }
    }
    return fields;
  }

  private static boolean isIdentityEquals(Class<?> type) {
    try {
      return type.getMethod("equals", Object.class).getDeclaringClass() == Object.class;
    } catch (NoSuchMethodException e) {
      return true;
    }
  }

  private static boolean isLibraryClass(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("kotlin.");
  }
}
