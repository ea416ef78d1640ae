package org.gpsros.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gpsros.app.bench.BenchRunner;
import org.gpsros.app.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gps bench [--output FILE.json]}: the performance suite (see BENCHMARKS.md). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time the learner's hot paths on the parity data (median, p90, p99 over repeats after warm-up).")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--output", paramLabel = "FILE.json", description = "also write the results as JSON")
    Path output;

    @Option(names = "--filter", paramLabel = "TEXT", defaultValue = "", description = "only benchmarks whose name contains TEXT")
    String filter;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "30", description = "timed runs each (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "2", description = "warm-up per benchmark (default: ${DEFAULT-VALUE})")
    double warmupSeconds;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new ConfigException("--repeats: must be >= 1, got " + repeats);
        }
        var results = new BenchRunner(repeats, warmupSeconds, System.out).runAll(filter);
        if (results.isEmpty()) {
            throw new ConfigException("--filter '" + filter + "' matches no benchmark");
        }
        if (output != null) {
            BenchRunner.writeJson(output, results);
            System.err.println("gps: wrote " + output);
        }
        return 0;
    }
}
