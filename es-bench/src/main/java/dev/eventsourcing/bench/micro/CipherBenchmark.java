package dev.eventsourcing.bench.micro;

import dev.eventsourcing.cipher.AesCipher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** AES-256-GCM with a random nonce per record, on records of an event's size and larger. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class CipherBenchmark {
  @Param({"100", "10000"})
  public int bytes;

  private AesCipher cipher;
  private byte[] plaintext;
  private byte[] ciphertext;

  @Setup
  public void setUp() {
    cipher = new AesCipher(AesCipher.createKey(32));
    plaintext = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      plaintext[i] = (byte) ('a' + i % 26);
    }
    ciphertext = cipher.encrypt(plaintext);
  }

  @Benchmark
  public byte[] encrypt() {
    return cipher.encrypt(plaintext);
  }

  @Benchmark
  public byte[] decrypt() {
    return cipher.decrypt(ciphertext);
  }
}
