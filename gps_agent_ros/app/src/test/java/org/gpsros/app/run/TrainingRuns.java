package org.gpsros.app.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;

/** Runs the shipped configs in-process for tests. */
final class TrainingRuns {
    private TrainingRuns() {
    }

    static ExperimentConfig shipped(String name) {
        String resource = "/config/" + name + ".yaml";
        try (var in = TrainingRuns.class.getResourceAsStream(resource)) {
            return ConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name + ".yaml");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Trains {@code config} into {@code folder}; returns the metrics rows. */
    static List<MetricsRow> train(ExperimentConfig config, Path folder) {
        RunDirectory run = new RunDirectory(folder);
        run.create(ConfigLoader.toYaml(config));
        new Trainer(Experiment.build(config, "test"), run, quiet(), false).train();
        return run.metrics().read();
    }

    static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** The rows of one iteration. */
    static List<MetricsRow> iteration(List<MetricsRow> rows, int iteration) {
        return rows.stream().filter(r -> r.iteration() == iteration).toList();
    }
}
