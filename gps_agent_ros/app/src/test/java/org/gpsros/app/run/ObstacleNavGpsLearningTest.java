package org.gpsros.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.config.PolicyConfig;
import org.gpsros.app.monitor.MetricsRow;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * obstacle_nav with a global policy (issue 4): the 2 x 40 ReLU policy trained by MDGPS (off- and on-policy), BADMM
 * and constrained GPS steers from the training starts and from the held-out test starts to the target, around the
 * obstacles. The starts are about 2 m from the target; the policy's noiseless rollouts are what is checked
 * ({@code policy_final_distance} of metrics.csv), not the local controllers.
 *
 * <p>CI runs each shipped config shortened (4-5 iterations, 300-500 Adam steps per S-step instead of 2000; BADMM
 * runs 4 S-steps per iteration), seed 0, and asks for a mean final distance below {@value #SHORT_RUN_BOUND} m on the
 * training and on the test conditions. The slow profile runs the configs as shipped (12 iterations) for seeds 0-2
 * and asks for the bound, a mean final distance below 0.1 m at iteration 12, on both.
 */
class ObstacleNavGpsLearningTest {
    static final double SHORT_RUN_BOUND = 0.3;

    @Test
    void mdgpsPolicyReachesTheTarget(@TempDir Path folder) {
        assertShortRunLearned("obstacle_nav_mdgps", 4, 500, folder);
    }

    @Test
    void onPolicyMdgpsPolicyReachesTheTarget(@TempDir Path folder) {
        assertShortRunLearned("obstacle_nav_mdgps_on_policy", 4, 500, folder);
    }

    @Test
    void badmmPolicyReachesTheTarget(@TempDir Path folder) {
        assertShortRunLearned("obstacle_nav_badmm", 4, 300, folder);
    }

    @Test
    void constrainedGpsPolicyReachesTheTarget(@TempDir Path folder) {
        assertShortRunLearned("obstacle_nav_cgps", 5, 500, folder);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0} seed {1}")
    @CsvSource({
        "obstacle_nav_mdgps, 0", "obstacle_nav_mdgps, 1", "obstacle_nav_mdgps, 2",
        "obstacle_nav_mdgps_on_policy, 0", "obstacle_nav_mdgps_on_policy, 1", "obstacle_nav_mdgps_on_policy, 2",
        "obstacle_nav_badmm, 0", "obstacle_nav_badmm, 1", "obstacle_nav_badmm, 2",
        "obstacle_nav_cgps, 0", "obstacle_nav_cgps, 1", "obstacle_nav_cgps, 2"})
    void shippedConfigLearnsWithinTwelveIterations(String name, long seed, @TempDir Path folder) {
        ExperimentConfig config = TrainingRuns.shipped(name).withSeed(seed);
        assertEquals(12, config.iterations());
        assertLearned(config, folder, 0.1);
    }

    private static void assertShortRunLearned(String name, int iterations, int policyIterations, Path folder) {
        assertLearned(shortened(TrainingRuns.shipped(name), iterations, policyIterations), folder, SHORT_RUN_BOUND);
    }

    /**
     * The config with fewer iterations and Adam steps per S-step, all else as shipped (BADMM's schedules run over
     * the fewer iterations).
     */
    static ExperimentConfig shortened(ExperimentConfig config, int iterations, int policyIterations) {
        PolicyConfig p = config.policy();
        PolicyConfig policy = p.withIterations(policyIterations);
        return new ExperimentConfig(config.task(), config.seed(), iterations, config.samplesPerCondition(),
                config.trainConditions(), config.testConditions(), config.agent(), config.algorithm(),
                config.trajOpt(), config.dynamics(), config.initController(), config.cost(), policy, config.robot());
    }

    /**
     * Trains {@code config}; at its first iteration the samples end far from the target, at its last the global
     * policy's mean final distance is below {@code bound} on the training and on the test conditions.
     */
    private static void assertLearned(ExperimentConfig config, Path folder, double bound) {
        List<MetricsRow> rows = TrainingRuns.train(config, folder);
        int last = config.iterations() - 1;
        String run = config.algorithm().type() + " seed " + config.seed();
        for (MetricsRow first : TrainingRuns.iteration(rows, 0)) {
            if (first.isTraining()) {
                assertTrue(first.finalDistance() > 1.0, "the starts are about 2 m from the target: " + first);
            }
        }
        List<MetricsRow> end = TrainingRuns.iteration(rows, last);
        List<MetricsRow> train = end.stream().filter(MetricsRow::isTraining).toList();
        List<MetricsRow> test = end.stream().filter(r -> !r.isTraining()).toList();
        assertEquals(config.trainConditions().size(), train.size(), "one row per training condition");
        assertEquals(config.testConditions().size(), test.size(), "one row per test condition");
        double trainDistance = meanPolicyDistance(train);
        double testDistance = meanPolicyDistance(test);
        assertTrue(trainDistance < bound, run + ": the global policy's mean final distance on the training "
                + "conditions at iteration " + (last + 1) + " is " + trainDistance + " (bound " + bound + ")");
        assertTrue(testDistance < bound, run + ": the global policy's mean final distance on the test conditions "
                + "at iteration " + (last + 1) + " is " + testDistance + " (bound " + bound + ")");
    }

    private static double meanPolicyDistance(List<MetricsRow> rows) {
        return rows.stream().mapToDouble(r -> r.policy().finalDistance()).average().orElseThrow();
    }
}
