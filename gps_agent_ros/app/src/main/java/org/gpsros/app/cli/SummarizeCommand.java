package org.gpsros.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.report.ResultsTable;
import org.gpsros.app.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gps summarize RUN_DIR... [--iterations 3,6,9,12]}: the RESULTS.md table of several runs. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = "Print the results table (mean ± sd over runs of the same task, algorithm and sampling mode) "
                + "of several training runs as Markdown.")
final class SummarizeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "folders written by gps train")
    List<Path> runDirectories;

    @Option(names = "--iterations", split = ",", paramLabel = "K", defaultValue = "3,6,9,12",
            description = "iterations to report, 1-based (default: ${DEFAULT-VALUE})")
    List<Integer> iterations;

    @Override
    public Integer call() {
        List<ResultsTable.Run> runs = new ArrayList<>();
        for (Path folder : runDirectories) {
            if (Files.isRegularFile(folder)) {
                System.err.println("gps: skipping " + folder + " (a file, not a run folder)");
                continue;
            }
            RunDirectory run = new RunDirectory(folder);
            if (!Files.exists(run.configFile()) || !Files.exists(folder.resolve("metrics.csv"))) {
                throw new ConfigException(folder + ": not a training run (needs config.yaml and metrics.csv)");
            }
            runs.add(new ResultsTable.Run(folder.getFileName().toString(), ConfigLoader.load(run.configFile()),
                    run.metrics().read()));
        }
        if (runs.isEmpty()) {
            throw new ConfigException("no run folders among the arguments");
        }
        for (int k : iterations) {
            if (k < 1) {
                throw new ConfigException("--iterations: must be >= 1, got " + k);
            }
        }
        System.out.print(ResultsTable.markdown(ResultsTable.lines(runs, iterations), iterations));
        return 0;
    }
}
