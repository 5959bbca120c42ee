package dev.eventsourcing.bench;

/**
 * What one run of a workload measured.
 *
 * @param value events per second, or milliseconds per get (see {@link Workload.Unit})
 * @param events how many events the run wrote or read, checked against the store
 */
public record Sample(double value, long events) {}
