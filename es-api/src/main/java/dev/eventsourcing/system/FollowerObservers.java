package dev.eventsourcing.system;

/** Two observers of a follower, told in turn. */
record FollowerObservers(FollowerObserver first, FollowerObserver second) implements FollowerObserver {
  @Override
  public void read(String follower, String upstream, int notifications) {
    first.read(follower, upstream, notifications);
    second.read(follower, upstream, notifications);
  }

  @Override
  public void processed(String follower, String upstream, int notifications, long nanos) {
    first.processed(follower, upstream, notifications, nanos);
    second.processed(follower, upstream, notifications, nanos);
  }

  @Override
  public void retried(String follower, String upstream, RuntimeException failure) {
    first.retried(follower, upstream, failure);
    second.retried(follower, upstream, failure);
  }

  @Override
  public void failed(String follower, String upstream, Throwable failure) {
    first.failed(follower, upstream, failure);
    second.failed(follower, upstream, failure);
  }

  @Override
  public void lease(String follower, boolean held) {
    first.lease(follower, held);
    second.lease(follower, held);
  }
}
