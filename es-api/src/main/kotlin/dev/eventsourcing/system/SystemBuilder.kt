package dev.eventsourcing.system

import dev.eventsourcing.application.Application
import kotlin.reflect.KClass

/** Marks the system builder, so its functions are not called on an outer builder by mistake. */
@DslMarker
annotation class SystemDsl

/** Collects the pipes of an [EventSystem]; see [system]. */
@SystemDsl
class SystemBuilder @PublishedApi internal constructor() {
  private val pipes = mutableListOf<List<Class<out Application>>>()

  /** A pipe: each application follows the one before it (the first may be a plain application). */
  fun pipe(vararg applications: KClass<out Application>) {
    pipes += applications.map { it.java }
  }

  @PublishedApi internal fun build(): EventSystem = EventSystem(pipes.toList())
}

/**
 * An [EventSystem] declared by its pipes:
 *
 * ```
 * val orders = system {
 *   pipe(Orders::class, Reservations::class, Orders::class, Payments::class, Orders::class)
 * }
 * ```
 */
inline fun system(define: SystemBuilder.() -> Unit): EventSystem = SystemBuilder().apply(define).build()
