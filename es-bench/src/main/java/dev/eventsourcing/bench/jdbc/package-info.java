/**
 * The baseline: the benchmark's operations done with plain JDBC prepared statements on tables of the library's
 * shape, with the same JSON, compression and encryption, and the same ordering guarantees.
 */
@NullMarked
package dev.eventsourcing.bench.jdbc;

import org.jspecify.annotations.NullMarked;
