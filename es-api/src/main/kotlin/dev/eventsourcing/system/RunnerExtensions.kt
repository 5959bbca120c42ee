package dev.eventsourcing.system

import dev.eventsourcing.application.Application

/**
 * The running application of class [A]: `runner.get<Universe>()`.
 *
 * @throws IllegalArgumentException if the class is not one of the system's applications
 */
inline fun <reified A : Application> Runner.get(): A = get(A::class.java)
