package org.gpsros.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.run.Evaluator;
import org.gpsros.app.run.Experiment;
import org.gpsros.app.run.RunDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gps evaluate RUN_DIR [--conditions train|test|all] [--samples N]}. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Run a trained run's final controllers noiselessly and with noise; print and write RUN_DIR/eval.csv.")
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a folder written by gps train")
    Path runDirectory;

    @Option(names = "--conditions", paramLabel = "train|test|all", defaultValue = "train",
            description = "which conditions to run (default: ${DEFAULT-VALUE})")
    String conditions;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "5",
            description = "noisy rollouts per condition, besides the noiseless one (default: ${DEFAULT-VALUE})")
    int samples;

    @Override
    public Integer call() {
        if (samples < 0) {
            throw new ConfigException("--samples: must be >= 0, got " + samples);
        }
        RunDirectory run = new RunDirectory(runDirectory);
        ExperimentConfig config = ConfigLoader.load(run.configFile());
        Experiment experiment = Experiment.build(config, run.configFile().toString());
        Evaluator.evaluate(run, experiment, conditions, samples, System.out);
        System.err.println("gps: wrote " + run.evaluationFile());
        return 0;
    }
}
