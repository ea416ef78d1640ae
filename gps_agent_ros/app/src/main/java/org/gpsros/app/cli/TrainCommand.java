package org.gpsros.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.run.Experiment;
import org.gpsros.app.run.RunDirectory;
import org.gpsros.app.run.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gps train CONFIG [--seed N] [--iterations K] [--output DIR] [--resume]}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Run GPS on the task and algorithm CONFIG names, on the embedded simulated robot.")
final class TrainCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment YAML, e.g. config/box2d_arm.yaml")
    Path config;

    @Option(names = "--seed", paramLabel = "N", description = "run seed (default: the config's seed, else 0)")
    Long seed;

    @Option(names = "--iterations", paramLabel = "K", description = "GPS iterations (default: the config's)")
    Integer iterations;

    @Option(names = "--output", paramLabel = "DIR", description = "run folder (default: runs/<task>-<timestamp>)")
    Path output;

    @Option(names = "--resume", description = "continue the run in --output (default: the newest run of this task "
            + "under runs/) from its newest complete checkpoint")
    boolean resume;

    @Option(names = "--no-progress", description = "no progress bar, only one line per iteration and condition "
            + "(the default when stderr is not a terminal)")
    boolean noProgress;

    private boolean progressBars() {
        return !noProgress && System.console() != null;
    }

    @Override
    public Integer call() {
        ExperimentConfig requested = ConfigLoader.load(config);
        if (seed != null) {
            requested = requested.withSeed(seed);
        }
        if (iterations != null) {
            if (iterations < 1) {
                throw new ConfigException("--iterations: must be >= 1, got " + iterations);
            }
            requested = requested.withIterations(iterations);
        }
        RunDirectory run;
        Experiment experiment;
        if (resume) {
            run = output != null ? new RunDirectory(output) : RunDirectory.newest(Path.of("runs"), requested.task())
                    .orElseThrow(() -> new ConfigException("--resume: no run of task " + config + " under runs/; "
                            + "name the run folder with --output"));
            ExperimentConfig saved = ConfigLoader.load(run.configFile());
            if (seed != null && seed.longValue() != saved.seed()) {
                throw new ConfigException("--resume: --seed " + seed + " differs from the run's seed " + saved.seed());
            }
            ExperimentConfig resumed = saved.withIterations(requested.iterations());
            if (!ConfigLoader.toYaml(resumed).equals(ConfigLoader.toYaml(requested.withSeed(saved.seed())))) {
                throw new ConfigException("--resume: " + config + " differs from " + run.configFile()
                        + " (only --iterations may change when resuming); resume with the run's own config");
            }
            experiment = Experiment.build(resumed, run.configFile().toString());
            run.rewriteConfig(ConfigLoader.toYaml(resumed));
            keepingCheckpoints(run, () -> new Trainer(experiment, run, System.err, progressBars()).resume());
        } else {
            experiment = Experiment.build(requested, config.toString());
            run = output != null ? new RunDirectory(output) : RunDirectory.fresh(Path.of("runs"), requested.task());
            run.create(ConfigLoader.toYaml(requested));
            System.err.println("gps: training " + requested.task() + " (seed " + requested.seed() + ", "
                    + requested.iterations() + " iterations) into " + run.root());
            keepingCheckpoints(run, () -> new Trainer(experiment, run, System.err, progressBars()).train());
        }
        System.out.println(run.root());
        System.err.println("gps: done: " + run.root() + " (config.yaml, metrics.csv, learning_curve.png, checkpoints/)");
        return 0;
    }

    /**
     * Runs training; a failure mid-run (a diverged rollout, a trajectory update that found no solution) is reported
     * with what the run folder still holds, since every completed iteration's checkpoint is kept.
     */
    private static void keepingCheckpoints(RunDirectory run, Runnable training) {
        try {
            training.run();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            String kept = run.checkpoints().newest()
                    .map(i -> "; " + run.root() + " keeps iterations 0.." + i + " (continue with --resume --output "
                            + run.root() + ")")
                    .orElse("; no iteration completed");
            throw new IllegalStateException(e.getMessage() + kept, e);
        }
    }
}
