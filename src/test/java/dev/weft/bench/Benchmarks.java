package dev.weft.bench;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every JMH benchmark in this package (classes named *Bench) and the heap measurement,
 * printing figures. {@code mvn -q -Pbench verify -DskipTests}; pass a regex as the first
 * argument to run a subset. Not a test: nothing here asserts a time.
 */
public final class Benchmarks {
    private Benchmarks() {}

    public static void main(String[] args) throws RunnerException {
        String include = args.length > 0 ? args[0] : "dev\\.weft\\.bench\\..*Bench";
        Options options = new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(3))
                .resultFormat(ResultFormatType.TEXT)
                .result("target/jmh-result.txt")
                .build();
        new Runner(options).run();
        LoomHeap.report();
    }
}
