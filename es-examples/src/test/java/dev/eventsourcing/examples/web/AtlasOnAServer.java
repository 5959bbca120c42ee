package dev.eventsourcing.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example WAR's path through its persistence unit, in a server whose JPA provider runs the jpa store: the
 * {@link Atlas}'s events and the example's {@link WorldSummary} rows in PostgreSQL, committed together in the
 * caller's JTA transaction, or neither.
 */
abstract class AtlasOnAServer extends UniverseOnAServer {
  /** The Atlas opens its store, and creates its tables, when it is first used. */
  @BeforeEach
  void useTheAtlas() throws Exception {
    assertThat(get("api/atlas/" + UUID.randomUUID() + "/history").statusCode()).isEqualTo(404);
  }

  @Test
  void chartingAWorldCommitsItsEventsAndItsSummaryTogether() throws Exception {
    HttpResponse<String> charted = post("api/atlas", "Io");
    assertThat(charted.statusCode()).as(charted.body()).isEqualTo(201);
    String id = charted.body();
    assertThat(get("api/atlas/" + id + "/history").body()).isEqualTo("[\"charted\"]");
    assertThat(get("api/atlas").body()).contains("\"Io\"");
    assertThat(query("SELECT count(*) FROM atlas_events WHERE originator_id = '" + id + "'::uuid")).isEqualTo(2);
    assertThat(query("SELECT count(*) FROM atlas_world_summaries WHERE name = 'Io' AND world_id = '" + id + "'"))
        .isEqualTo(1);

    long events = query("SELECT count(*) FROM atlas_events");
    assertThat(post("api/atlas", "Io").statusCode()).isEqualTo(409);
    assertThat(query("SELECT count(*) FROM atlas_events")).isEqualTo(events);
  }

  @Test
  void whenTheTransactionFailsNeitherTheEventsNorTheSummaryAreThere() throws Exception {
    long events = query("SELECT count(*) FROM atlas_events");
    HttpResponse<String> failed = post("api/transactional-worlds/atlas?name=Europa&fail=true", "");
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(query("SELECT count(*) FROM atlas_events")).isEqualTo(events);
    assertThat(query("SELECT count(*) FROM atlas_world_summaries WHERE name = 'Europa'")).isZero();

    HttpResponse<String> charted = post("api/transactional-worlds/atlas?name=Europa", "");
    assertThat(charted.statusCode()).as(charted.body()).isEqualTo(200);
    assertThat(query("SELECT count(*) FROM atlas_events")).isEqualTo(events + 2);
    assertThat(query("SELECT count(*) FROM atlas_world_summaries WHERE name = 'Europa'")).isEqualTo(1);
  }

  @Test
  void aConflictingSaveIsARecordConflictAndNothingOfItsTransactionIsKept() throws Exception {
    long events = query("SELECT count(*) FROM atlas_events");
    HttpResponse<String> conflict = post("api/transactional-worlds/atlas/conflict?name=Ganymede", "");
    assertThat(conflict.statusCode()).as(conflict.body()).isEqualTo(409);
    assertThat(conflict.body()).contains("application Atlas");
    assertThat(query("SELECT count(*) FROM atlas_events")).isEqualTo(events);
  }

  @Test
  void concurrentTransactionsNeverLetAReaderSkipAnEventOfTheAtlas() throws Exception {
    long summaries = query("SELECT count(*) FROM atlas_world_summaries");
    int committed = concurrentTransactionsNeverLetAReaderSkipAnEventOf("api/transactional-worlds/atlas",
        "atlas_events");
    assertThat(query("SELECT count(*) FROM atlas_world_summaries")).isEqualTo(summaries + committed);
  }
}
