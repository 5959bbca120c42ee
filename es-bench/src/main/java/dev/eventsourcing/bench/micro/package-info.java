/**
 * JMH benchmarks of the parts every stored event passes through: the transcoder, the mapper, the cipher and the
 * compressor. Run them with {@code java -cp es-bench/target/es-bench.jar org.openjdk.jmh.Main}.
 */
@NullMarked
package dev.eventsourcing.bench.micro;

import org.jspecify.annotations.NullMarked;
