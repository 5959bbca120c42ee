package dev.eventsourcing.jpa;

import java.sql.Connection;
import java.sql.SQLException;

/** Work with a connection of a store, which the store lends for the work's duration and then takes back. */
@FunctionalInterface
public interface ConnectionWork<T> {
  T execute(Connection connection) throws SQLException;
}
