package org.gpsros.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.algorithm.TrajOptState;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * obstacle_nav with trajectory optimisation only (config/obstacle_nav.yaml): by iteration 12 the mean final
 * distance is below 0.1 on every training condition (issue 4 asks this of the GPS algorithms), and the learned
 * controllers go around the obstacles. Seeds 0-2 reach 0.02-0.06. CI runs seed 0; the slow profile seeds 0-2.
 */
class ObstacleNavLearningTest {

    @Test
    void trajectoryOptimisationReachesTheTargetAroundTheObstacles(@TempDir Path folder) {
        assertLearned(TrainingRuns.shipped("obstacle_nav"), folder);
    }

    @Tag("slow")
    @ParameterizedTest(name = "obstacle_nav seed {0}")
    @ValueSource(longs = {0, 1, 2})
    void learnsForEverySeed(long seed, @TempDir Path folder) {
        assertLearned(TrainingRuns.shipped("obstacle_nav").withSeed(seed), folder);
    }

    private static void assertLearned(ExperimentConfig config, Path folder) {
        List<MetricsRow> rows = TrainingRuns.train(config, folder);
        assertEquals(60, rows.size(), "12 iterations of 5 conditions");
        for (MetricsRow first : TrainingRuns.iteration(rows, 0)) {
            assertTrue(first.finalDistance() > 1.0, "the starts are 2 m from the target: " + first);
        }
        for (MetricsRow last : TrainingRuns.iteration(rows, 11)) {
            assertTrue(last.finalDistance() < 0.1, "seed " + config.seed() + ", condition " + last.condition()
                    + ": mean final distance at iteration 12 is " + last.finalDistance());
        }

        // The noiseless final controllers arrive, and their paths leave the blocked straight line.
        Experiment experiment = Experiment.build(config, "test");
        RunDirectory run = new RunDirectory(folder);
        GpsAlgorithm algorithm = experiment.restoreAlgorithm(run.checkpoints().read(11, TrajOptState.class));
        int horizon = experiment.agent().horizon();
        for (int k = 0; k < experiment.trainConditions().size(); k++) {
            int condition = experiment.trainConditions().get(k);
            Sample sample = experiment.agent().sample(algorithm.controller(k), condition, new double[horizon][2]);
            double[][] points = sample.sensor(SensorType.END_EFFECTOR_POINTS);
            double[] x0 = points[0];
            double offLine = 0;
            for (double[] p : points) {
                offLine = Math.max(offLine, Math.abs(p[0] * x0[1] - p[1] * x0[0]) / Math.hypot(x0[0], x0[1]));
            }
            assertTrue(experiment.agent().finalDistance(sample, condition) < 0.1, "condition " + condition);
            assertTrue(offLine > 0.15, "condition " + condition + ": the path leaves the straight line by " + offLine);
        }
    }
}
