package dev.eventsourcing.jpa.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventsourcing.application.Application;
import dev.eventsourcing.domain.Aggregate;
import dev.eventsourcing.domain.EventSourcingException;
import dev.eventsourcing.jpa.sqlite.SqliteInfrastructureFactory;
import dev.eventsourcing.persistence.Environment;
import dev.eventsourcing.persistence.InfrastructureFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/**
 * The Java code of {@code docs/persistence-sql.md}, as the docs test in es-examples runs it: its declarations as
 * nested classes, its statements in order in one test (with assertions enabled, as surefire runs tests).
 */
class PersistenceSqlPageTest {
  static final class Dog extends Aggregate<Dog.Event> {
    public sealed interface Event permits Registered, TrickAdded {}

    public record Registered(String name) implements Event {}

    public record TrickAdded(String trick) implements Event {}

    private final List<String> tricks = new ArrayList<>();

    private Dog() {}

    public Dog(String name) {
      trigger(new Registered(name));
    }

    public void addTrick(String trick) {
      trigger(new TrickAdded(trick));
    }

    public List<String> tricks() {
      return List.copyOf(tricks);
    }

    @Override
    protected void apply(Event event) {
      if (event instanceof TrickAdded added) {
        tricks.add(added.trick());
      } else if (!(event instanceof Registered)) {
        throw new IllegalArgumentException("unexpected event " + event);
      }
    }
  }

  static class DogSchool extends Application {
    public DogSchool(Map<String, String> environment) {
      super(environment);
    }

    public UUID register(String name) {
      Dog dog = new Dog(name);
      save(dog);
      return dog.id();
    }

    public void addTrick(UUID dogId, String trick) {
      Dog dog = repository().get(dogId, Dog.class);
      dog.addTrick(trick);
      save(dog);
    }

    public List<String> tricks(UUID dogId) {
      return repository().get(dogId, Dog.class).tricks();
    }
  }

  @Test
  void thePagesCodeRuns() throws Exception {
    assertThat(PersistenceSqlPageTest.class.desiredAssertionStatus()).as("assertions are enabled").isTrue();

    Path dir = Files.createTempDirectory("dogs");
    Map<String, String> sqlite = Map.of(
        "PERSISTENCE_MODULE", "sqlite",
        "SQLITE_DBNAME", dir.resolve("dogs.db").toString());

    UUID fido;
    try (DogSchool school = new DogSchool(sqlite)) {
      fido = school.register("Fido");
      school.addTrick(fido, "roll over");
      school.addTrick(fido, "play dead");
    }

    try (DogSchool school = new DogSchool(sqlite)) {
      assert school.tricks(fido).equals(List.of("roll over", "play dead"));
      assert school.log().section("1,10").items().size() == 3;
    }

    try (DogSchool school = new DogSchool(Map.of("PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", ":memory:"))) {
      UUID rex = school.register("Rex");
      school.addTrick(rex, "fetch");
      assert school.tricks(rex).equals(List.of("fetch"));
    }

    try {
      new DogSchool(Map.of(
          "PERSISTENCE_MODULE", "sqlite", "SQLITE_DBNAME", ":memory:", "SQLITE_LOCK_TIMEOUT", "soon"));
      throw new AssertionError();
    } catch (EventSourcingException expected) {
      assert expected.getMessage().contains("SQLITE_LOCK_TIMEOUT");
    }

    SQLiteDataSource dataSource = new SQLiteDataSource();
    dataSource.setUrl("jdbc:sqlite:" + dir.resolve("given.db"));

    try (DogSchool school = new DogSchool(Map.of()) {
      @Override
      protected InfrastructureFactory constructFactory(Environment environment) {
        return new SqliteInfrastructureFactory(environment, dataSource);
      }
    }) {
      UUID lassie = school.register("Lassie");
      school.addTrick(lassie, "find help");
      assert school.tricks(lassie).equals(List.of("find help"));
      assert school.name().equals("DogSchool");
    }
  }
}
