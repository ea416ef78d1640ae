package org.gpsros.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run interrupted and resumed gives bit-identical results to an uninterrupted run with the same seed. */
class ResumeTest {

    @Test
    void resumedRunMatchesUninterruptedRunBitForBit(@TempDir Path root) throws IOException {
        ExperimentConfig config = TrainingRuns.shipped("box2d_pointmass").withIterations(6);
        List<MetricsRow> whole = TrainingRuns.train(config, root.resolve("whole"));

        // Interrupted after iteration 2: a crash left a half-written checkpoint for iteration 3 behind.
        Path split = root.resolve("split");
        TrainingRuns.train(config.withIterations(3), split);
        Files.createDirectories(split.resolve("checkpoints/itr_003.partial"));
        RunDirectory run = new RunDirectory(split);
        run.rewriteConfig(ConfigLoader.toYaml(config));
        new Trainer(Experiment.build(config, "test"), run, TrainingRuns.quiet(), false).resume();
        List<MetricsRow> resumed = run.metrics().read();

        assertEquals(whole.size(), resumed.size());
        for (int i = 0; i < whole.size(); i++) {
            assertArrayEquals(learningColumns(whole.get(i)), learningColumns(resumed.get(i)), "row " + i);
        }
        assertArrayEquals(stateBytes(root.resolve("whole"), 5), stateBytes(split, 5), "final checkpoints differ");
        assertFalse(Files.exists(split.resolve("checkpoints/itr_003.partial")), "the partial checkpoint was cleaned up");
    }

    private static double[] learningColumns(MetricsRow r) {
        return new double[] {r.iteration(), r.condition(), r.meanCost(), r.stdCost(), r.minCost(), r.maxCost(),
            r.finalDistance(), r.stepMult(), r.eta(), r.klStep()};
    }

    private static byte[] stateBytes(Path run, int iteration) throws IOException {
        Path file = new CheckpointStore(run).folder(iteration).resolve(CheckpointStore.STATE_FILE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
