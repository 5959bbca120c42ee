package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.Application
import dev.eventsourcing.application.get
import dev.eventsourcing.domain.Aggregate
import dev.eventsourcing.jpa.TestPostgres
import java.nio.file.Path
import java.util.UUID
import kotlin.time.Duration
import kotlin.time.Duration.Companion.milliseconds
import kotlin.time.Duration.Companion.minutes
import kotlin.time.Duration.Companion.nanoseconds
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import tools.jackson.databind.json.JsonMapper
import tools.jackson.databind.node.ObjectNode

/** An id: a value class over a UUID, stored as the UUID. */
@JvmInline
value class TaskId(val value: UUID)

/** A label: a value class over a string, stored as the string. */
@JvmInline
value class Label(val text: String)

/**
 * A Kotlin aggregate whose events hold what Kotlin adds to the Java types: `kotlin.time.Duration`, unsigned
 * numbers, value classes over UUID and String, `data object` events, a sealed class as a field, and defaults.
 */
class Task private constructor() : Aggregate<Task.Event>() {
  sealed interface Event

  sealed class Estimate {
    data class Fixed(val duration: Duration) : Estimate()

    data class Range(val least: Duration, val most: Duration) : Estimate()

    data object Unknown : Estimate()
  }

  data class Created(
      val taskId: TaskId,
      val label: Label,
      val took: Duration,
      val attempts: UInt,
      val size: ULong,
      val flags: UByte,
      val estimate: Estimate,
      val parent: TaskId? = null,
      val tags: List<Label> = emptyList(),
      val priority: Int = 3,
  ) : Event

  data object Started : Event

  data class Estimated(val estimates: List<Estimate>) : Event

  data object Finished : Event

  var label: Label? = null
    private set
  var took: Duration = Duration.ZERO
    private set
  var estimate: Estimate = Estimate.Unknown
    private set
  var state = "new"
    private set

  constructor(created: Created) : this() {
    trigger(created)
  }

  fun record(event: Event) = trigger(event)

  override fun apply(event: Event) {
    when (event) {
      is Created -> {
        label = event.label
        took = event.took
        estimate = event.estimate
      }
      Started -> state = "started"
      is Estimated -> estimate = event.estimates.last()
      Finished -> state = "finished"
    }
  }
}

/** Kotlin's value types as payloads, through the default transcoder, on the in-memory store, SQLite and PostgreSQL. */
class KotlinValueTypesTest {
  private fun tasks(settings: Map<String, String>): Application =
      Application.builder(Application::class.java).environment(settings).types(Task::class.java).build()

  @TempDir lateinit var dir: Path

  private fun settings(store: String): Map<String, String> = when (store) {
    "memory" -> mapOf("PERSISTENCE_MODULE" to "memory")
    "sqlite" -> mapOf("PERSISTENCE_MODULE" to "sqlite", "SQLITE_DBNAME" to dir.resolve("tasks.db").toString())
    else -> TestPostgres.newSchema() + ("PERSISTENCE_MODULE" to "postgres")
  }

  private fun created() = Task.Created(
      taskId = TaskId(UUID.randomUUID()),
      label = Label("write docs"),
      took = 90.minutes + 1.milliseconds + 7.nanoseconds,
      attempts = UInt.MAX_VALUE,
      size = ULong.MAX_VALUE,
      flags = 200u.toUByte(),
      estimate = Task.Estimate.Range(1.minutes, 90.minutes),
      parent = TaskId(UUID.randomUUID()),
      tags = listOf(Label("docs"), Label("kotlin")),
  )

  @ParameterizedTest
  @ValueSource(strings = ["memory", "sqlite", "postgres"])
  fun kotlinValueTypesReadBackEqual(store: String) {
    tasks(settings(store)).use { app ->
      val task = Task(created())
      task.record(Task.Started)
      task.record(Task.Estimated(listOf(Task.Estimate.Unknown, Task.Estimate.Fixed(2.minutes))))
      task.record(Task.Finished)
      val saved = task.pendingEvents().map { it.payload() }
      app.save(task)

      val read = app.events().get(task.id(), null, null, false, null).map { it.payload() }
      assertThat(read).isEqualTo(saved)
      assertThat(read[1]).isSameAs(Task.Started)
      val copy = app.repository().get<Task>(task.id())
      assertThat(copy.state).isEqualTo("finished")
      assertThat(copy.took).isEqualTo(90.minutes + 1.milliseconds + 7.nanoseconds)
      assertThat(copy.estimate).isEqualTo(Task.Estimate.Fixed(2.minutes))

      val json = String(app.recorder().selectEvents(task.id(), null, null, false, null)[0].state())
      assertThat(json).contains("\"label\":\"write docs\"", "\"attempts\":4294967295", "\"@type\":")
    }
  }

  @org.junit.jupiter.api.Test
  fun fieldsMissingFromOldJsonTakeTheirDefaults() {
    val created = created()
    val json = JsonMapper.builder().build()
    tasks(settings("sqlite")).use { app ->
      val task = Task(created)
      app.save(task)
    }
    val file = dir.resolve("tasks.db")
    java.sql.DriverManager.getConnection("jdbc:sqlite:$file").use { connection ->
      val state = connection.prepareStatement("SELECT state FROM application_events").use { select ->
        select.executeQuery().use { it.next(); it.getBytes(1) }
      }
      val envelope = json.readTree(state) as ObjectNode
      (envelope.get("payload") as ObjectNode).remove(listOf("parent", "tags", "priority"))
      connection.prepareStatement("UPDATE application_events SET state = ?").use { update ->
        update.setBytes(1, json.writeValueAsBytes(envelope))
        assertThat(update.executeUpdate()).isEqualTo(1)
      }
    }
    tasks(settings("sqlite")).use { app ->
      val id = app.recorder().selectNotifications(1, 1)[0].originatorId()
      val read = app.events().get(id, null, null, false, null)[0].payload()
      assertThat(read).isEqualTo(created.copy(parent = null, tags = emptyList(), priority = 3))
    }
  }
}
