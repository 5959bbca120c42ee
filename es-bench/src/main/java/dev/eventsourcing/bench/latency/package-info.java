/**
 * How long a follower takes to process an event committed in another JVM on PostgreSQL, with the store's
 * notifications and with polling alone ({@link dev.eventsourcing.bench.latency.FollowerLatency}).
 */
@NullMarked
package dev.eventsourcing.bench.latency;

import org.jspecify.annotations.NullMarked;
