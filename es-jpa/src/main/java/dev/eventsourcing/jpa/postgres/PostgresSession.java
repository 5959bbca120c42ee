package dev.eventsourcing.jpa.postgres;

import dev.eventsourcing.persistence.Lease;
import dev.eventsourcing.persistence.Subscription;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A store's own connection to PostgreSQL, held open beside the pool, and its thread: it listens on the
 * application's channel for what any process commits, and holds the session-level advisory lock of the
 * application's lease, which PostgreSQL releases when the connection closes, however it closes. Opened when first
 * needed. When the connection fails, the lease is lost, and the thread reconnects and listens again, then signals
 * its listeners, as notifications may have been missed meanwhile.
 */
final class PostgresSession implements AutoCloseable {
  private static final System.Logger LOGGER = System.getLogger(PostgresSession.class.getName());
  /** How long the thread waits for notifications at a time; a lease is taken or given back between waits. */
  private static final int WAIT_MILLIS = 100;
  private static final long RECONNECT_MILLIS = 1_000;

  private final String applicationName;
  private final DataSource dataSource;
  private final String channel;
  private final long leaseKey;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  /** Fair, so that a lease waits for one wait of the thread at most. */
  private final ReentrantLock lock = new ReentrantLock(true);
  // Guarded by lock:
  private @Nullable Connection connection;
  private @Nullable PGConnection notifications;
  private boolean listening;
  private @Nullable SessionLease lease;
  private boolean signalWhenConnected;
  private boolean reconnecting;
  private @Nullable Thread thread;
  private volatile boolean closed;
  private final @Nullable ThreadFactory threads;

  /**
   * @param channel the application's channel, made of {@code [a-z0-9_]}
   * @param leaseKey the key of the application's advisory lock
   * @param threads makes the session's thread, such as a server's {@code ManagedThreadFactory}; {@code null} for
   *     a daemon thread of its own
   */
  PostgresSession(String applicationName, DataSource dataSource, String channel, long leaseKey,
      @Nullable ThreadFactory threads) {
    this.applicationName = applicationName;
    this.threads = threads;
    this.dataSource = dataSource;
    this.channel = channel;
    this.leaseKey = leaseKey;
  }

  /** The channel of an application's tables: a fixed prefix, the name, and a hash of the schema if there is one. */
  static String channel(String prefix, @Nullable String schema) {
    return "es_" + prefix + (schema == null ? "" : "_" + HexFormat.of().toHexDigits((int) hash(schema)));
  }

  /** A stable 64-bit key of the lease of the process application whose tracking table this is. */
  static long leaseKey(String trackingTable) {
    return hash("dev.eventsourcing lease of " + trackingTable);
  }

  private static long hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long hash = 0;
      for (int i = 0; i < Long.BYTES; i++) {
        hash = hash << 8 | (digest[i] & 0xff);
      }
      return hash;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  Subscription subscribe(Runnable listener) {
    listeners.add(listener);
    start();
    return () -> listeners.remove(listener);
  }

  @Nullable Lease tryLease() {
    start();
    lock.lock();
    try {
      if (closed || lease != null || !connected()) {
        return null;
      }
      try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
        statement.setLong(1, leaseKey);
        try (ResultSet results = statement.executeQuery()) {
          results.next();
          if (!results.getBoolean(1)) {
            return null;
          }
        }
      }
      lease = new SessionLease();
      return lease;
    } catch (SQLException e) {
      drop(e);
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** The lease, held while this session's connection holds the advisory lock. */
  private final class SessionLease implements Lease {
    private volatile boolean held = true;

    @Override
    public boolean isHeld() {
      return held;
    }

    @Override
    public void close() {
      lock.lock();
      try {
        if (!held) {
          return;
        }
        held = false;
        lease = null;
        if (connection != null) {
          try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, leaseKey);
            statement.execute();
          } catch (SQLException e) {
            drop(e);
          }
        }
      } finally {
        lock.unlock();
      }
    }
  }

  private synchronized void start() {
    if (thread != null || closed) {
      return;
    }
    String name = "eventsourcing-" + applicationName + "-postgres-session";
    if (threads == null) {
      thread = new Thread(this::run, name);
      thread.setDaemon(true);
    } else {
      thread = threads.newThread(this::run);
      if (thread == null) {
        throw new IllegalStateException("the ThreadFactory of application " + applicationName + " made no thread"
            + " for its PostgreSQL session");
      }
      thread.setName(name);
    }
    thread.start();
  }

  private void run() {
    while (!closed) {
      boolean signal = false;
      boolean connected;
      lock.lock();
      try {
        connected = connected();
        if (connected) {
          if (!listening && !listeners.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
              statement.execute("LISTEN \"" + channel + "\"");
            }
            listening = true;
          }
          signal = signalWhenConnected || awaitNotifications();
          signalWhenConnected = false;
        }
      } catch (SQLException e) {
        drop(e);
        connected = false;
      } finally {
        lock.unlock();
      }
      if (signal) {
        listeners.forEach(Runnable::run);
      }
      if (!connected) {
        pause(RECONNECT_MILLIS);
      }
    }
  }

  /** Whether the connection is open, opening it if it is not; with the lock held. */
  private boolean connected() {
    if (connection != null) {
      return true;
    }
    try {
      Connection opened = dataSource.getConnection();
      try {
        opened.setAutoCommit(true);
        notifications = opened.isWrapperFor(PGConnection.class) ? opened.unwrap(PGConnection.class) : null;
      } catch (SQLException e) {
        opened.close();
        throw e;
      }
      connection = opened;
      signalWhenConnected = true;
      if (reconnecting) {
        reconnecting = false;
        LOGGER.log(System.Logger.Level.INFO, () -> "application " + applicationName
            + ": connected to PostgreSQL again, to listen and hold leases");
      }
      return true;
    } catch (SQLException e) {
      LOGGER.log(System.Logger.Level.DEBUG, () -> "application " + applicationName
          + ": can't connect to PostgreSQL to listen and hold leases yet: " + e);
      return false;
    }
  }

  /**
   * Waits a little for notifications on the connection; returns whether any came. A connection that doesn't unwrap
   * to PostgreSQL's own (some container pools) gets no notifications, and is only checked.
   */
  private boolean awaitNotifications() throws SQLException {
    if (notifications == null) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT 1");
      }
      lock.unlock();
      try {
        pause(WAIT_MILLIS);
      } finally {
        lock.lock();
      }
      return false;
    }
    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
    return received != null && received.length > 0;
  }

  /** Closes a failed connection: its lease is lost, and it listens no more. With the lock held. */
  private void drop(SQLException cause) {
    if (connection == null) {
      return;
    }
    if (!closed) {
      LOGGER.log(System.Logger.Level.WARNING, "application " + applicationName + ": the connection that listens to"
          + " PostgreSQL and holds the lease failed (" + cause.getMessage() + "); reconnecting"
          + (lease != null ? ", the lease is lost" : ""));
    }
    if (lease != null) {
      lease.held = false;
      lease = null;
    }
    reconnecting = !closed;
    try {
      connection.close();
    } catch (SQLException e) {
      // it is failed already
    }
    connection = null;
    notifications = null;
    listening = false;
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the thread and closes the connection, which gives the lease back. */
  @Override
  public void close() {
    closed = true;
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running != null) {
      try {
        running.join(10 * WAIT_MILLIS + RECONNECT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lock.lock();
    try {
      if (lease != null) {
        lease.held = false;
        lease = null;
      }
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException e) {
          // closing anyway
        }
        connection = null;
      }
    } finally {
      lock.unlock();
    }
  }
}
