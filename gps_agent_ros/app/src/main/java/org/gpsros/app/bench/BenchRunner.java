package org.gpsros.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs benchmarks carefully: set-up outside timing, warm-up runs until the JIT has settled (at least
 * {@code warmupSeconds} and {@code warmupRuns}), then {@code repeats} timed runs; reports median, p90 and p99.
 */
public final class BenchRunner {
    private final int repeats;
    private final double warmupSeconds;
    private final PrintStream out;

    public BenchRunner(int repeats, double warmupSeconds, PrintStream out) {
        this.repeats = repeats;
        this.warmupSeconds = warmupSeconds;
        this.out = out;
    }

    /** Runs the benchmarks whose names contain {@code filter} (all when empty). */
    public List<Benchmark.Result> runAll(String filter) {
        List<Benchmark.Result> results = new ArrayList<>();
        out.printf(Locale.ROOT, "%-32s %10s %10s %10s %8s %10s%n", "benchmark", "median ms", "p90 ms", "p99 ms", "repeats", "work/run");
        List<Benchmark> benchmarks = new ArrayList<>(LearnerBenchmarks.all());
        benchmarks.addAll(PolicyBenchmarks.all());
        benchmarks.addAll(CnnBenchmarkSuite.all());
        benchmarks.addAll(PegBenchmarks.all());
        for (Benchmark benchmark : benchmarks) {
            if (!benchmark.name().contains(filter)) {
                continue;
            }
            Benchmark.Result result = run(benchmark);
            results.add(result);
            out.printf(Locale.ROOT, "%-32s %10.3f %10.3f %10.3f %8d %10.1f%n", result.name(), result.medianMs(),
                    result.p90Ms(), result.p99Ms(), result.repeats(), result.workPerRun());
        }
        return results;
    }

    Benchmark.Result run(Benchmark benchmark) {
        benchmark.setUp();
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        int warmupRuns = 0;
        boolean heavy = benchmark.maxRepeats() < repeats;
        while (warmupRuns < benchmark.warmupRuns() || (!heavy && System.nanoTime() < warmupEnd)) {
            benchmark.run();
            warmupRuns++;
        }
        int count = Math.min(repeats, benchmark.maxRepeats());
        double[] millis = new double[count];
        long work = 0;
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            work += benchmark.run();
            millis[i] = (System.nanoTime() - start) * 1e-6;
        }
        return Benchmark.Result.of(benchmark.name(), benchmark.work(), millis, (double) work / count);
    }

    /** Writes the contract's JSON: one object per benchmark. */
    public static void writeJson(Path file, List<Benchmark.Result> results) {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        for (Benchmark.Result r : results) {
            ObjectNode node = array.addObject();
            node.put("name", r.name());
            node.put("median_ms", r.medianMs());
            node.put("p90_ms", r.p90Ms());
            node.put("p99_ms", r.p99Ms());
            node.put("repeats", r.repeats());
            node.put("work", r.work());
            node.put("work_per_run", r.workPerRun());
        }
        try {
            Files.writeString(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(array) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
