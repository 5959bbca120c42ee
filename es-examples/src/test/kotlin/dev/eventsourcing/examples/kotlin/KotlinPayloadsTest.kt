package dev.eventsourcing.examples.kotlin

import dev.eventsourcing.application.Application
import dev.eventsourcing.application.get
import dev.eventsourcing.domain.Aggregate
import java.nio.file.Path
import java.sql.DriverManager
import java.util.UUID
import org.assertj.core.api.Assertions.assertThat
import org.junit.jupiter.api.io.TempDir
import org.junit.jupiter.params.ParameterizedTest
import org.junit.jupiter.params.provider.ValueSource
import tools.jackson.databind.json.JsonMapper
import tools.jackson.databind.node.ObjectNode

/** An e-mail address: a value class, stored as its string. */
@JvmInline
value class Email(val address: String)

/**
 * A Kotlin aggregate whose events use what Kotlin data classes have: default values, nullable fields, value
 * classes, and a sealed hierarchy within the sealed events.
 */
class Profile private constructor() : Aggregate<Profile.Event>() {
  sealed interface Event

  data class Registered(
      val name: String,
      val email: Email,
      val nickname: String? = null,
      val tags: List<String> = listOf("new"),
  ) : Event

  sealed interface Contact : Event {
    data class EmailChanged(val email: Email) : Contact

    data class PhoneAdded(val phone: String, val mobile: Boolean = true) : Contact
  }

  var name = ""
    private set
  var email: Email? = null
    private set
  var nickname: String? = null
    private set
  var tags: List<String> = emptyList()
    private set
  val phones = mutableListOf<Pair<String, Boolean>>()

  constructor(name: String, email: Email, nickname: String? = null) : this() {
    trigger(Registered(name, email, nickname))
  }

  fun changeEmail(email: Email) = trigger(Contact.EmailChanged(email))

  fun addPhone(phone: String) = trigger(Contact.PhoneAdded(phone))

  override fun apply(event: Event) {
    when (event) {
      is Registered -> {
        name = event.name
        email = event.email
        nickname = event.nickname
        tags = event.tags
      }
      is Contact.EmailChanged -> email = event.email
      is Contact.PhoneAdded -> phones += event.phone to event.mobile
    }
  }
}

/** Kotlin data classes as payloads, through the default transcoder, on the in-memory store and a SQLite file. */
class KotlinPayloadsTest {
  @TempDir lateinit var dir: Path

  /** A plain application that declares the [Profile] aggregate, on the given store. */
  private fun profiles(store: String): Application =
      Application.builder(Application::class.java).environment(settings(store)).types(Profile::class.java).build()

  private fun settings(store: String) = when (store) {
    "memory" -> mapOf("PERSISTENCE_MODULE" to "memory")
    else -> mapOf("PERSISTENCE_MODULE" to "sqlite", "SQLITE_DBNAME" to dir.resolve("profiles.db").toString())
  }

  @ParameterizedTest
  @ValueSource(strings = ["memory", "sqlite"])
  fun valueClassesNullableFieldsDefaultsAndSealedHierarchiesRoundTrip(store: String) {
    profiles(store).use { app ->
      val ada = Profile("Ada", Email("ada@example.com"))
      ada.changeEmail(Email("ada@analytical.engine"))
      ada.addPhone("+44 20 0000 0000")
      val bob = Profile("Bob", Email("bob@example.com"), nickname = "bobby")
      app.save(ada, bob)

      val adaCopy = app.repository().get<Profile>(ada.id())
      assertThat(adaCopy.email).isEqualTo(Email("ada@analytical.engine"))
      assertThat(adaCopy.nickname).isNull()
      assertThat(adaCopy.tags).containsExactly("new")
      assertThat(adaCopy.phones).containsExactly("+44 20 0000 0000" to true)
      assertThat(adaCopy.version()).isEqualTo(3)
      assertThat(app.repository().get<Profile>(bob.id()).nickname).isEqualTo("bobby")

      val stored = app.recorder().selectEvents(ada.id(), null, null, false, null)
      assertThat(String(stored[0].state())).contains("\"email\":\"ada@example.com\"")
      assertThat(stored[1].topic()).endsWith(":Profile.Contact.EmailChanged")
    }
  }

  @org.junit.jupiter.api.Test
  fun fieldsMissingFromStoredEventsTakeTheirDefaultValues() {
    val file = dir.resolve("profiles.db")
    val id: UUID
    profiles("sqlite").use { app ->
      val ada = Profile("Ada", Email("ada@example.com"), nickname = "countess")
      id = ada.id()
      app.save(ada)
    }
    // Rewrite the stored event as an older version of the class would have written it: no nickname, no tags.
    val json = JsonMapper.builder().build()
    DriverManager.getConnection("jdbc:sqlite:$file").use { connection ->
      val state = connection.prepareStatement("SELECT state FROM application_events").use { select ->
        select.executeQuery().use { it.next(); it.getBytes(1) }
      }
      val envelope = json.readTree(state) as ObjectNode
      (envelope.get("payload") as ObjectNode).remove(listOf("nickname", "tags"))
      connection.prepareStatement("UPDATE application_events SET state = ?").use { update ->
        update.setBytes(1, json.writeValueAsBytes(envelope))
        assertThat(update.executeUpdate()).isEqualTo(1)
      }
    }
    profiles("sqlite").use { app ->
      val copy = app.repository().get<Profile>(id)
      assertThat(copy.nickname).isNull()
      assertThat(copy.tags).containsExactly("new")
      assertThat(copy.name).isEqualTo("Ada")
    }
  }
}
