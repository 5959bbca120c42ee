/**
 * The benchmark's workload runner: the reference README's worlds saved, rebuilt and read back by the library on
 * each store and by plain JDBC on the same tables, timed in the same run, summarised as a table and a chart.
 */
@NullMarked
package dev.eventsourcing.bench;

import org.jspecify.annotations.NullMarked;
