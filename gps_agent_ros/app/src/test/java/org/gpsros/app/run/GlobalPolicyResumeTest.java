package org.gpsros.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gpsros.algorithm.BadmmAlgorithm;
import org.gpsros.algorithm.ConstrainedGpsAlgorithm;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BADMM and constrained GPS from the config through checkpoints (their states as JSON): a run resumed after
 * iteration 1 gives bit-identical metrics and final checkpoint to an uninterrupted one.
 */
class GlobalPolicyResumeTest {
    private static final String CONFIG = """
            task: box2d_pointmass
            iterations: 4
            init_controller: {type: pd, init_var: 5, pos_gains: 0}
            algorithm: %s
            policy: {network: {type: linear}, iterations: 200}
            cost:
              - {type: action, weight: 1, wu: [5.0e-5, 5.0e-5]}
              - type: state
                weight: 1
                data_types: [{sensor: end_effector_points, target: [5, 20, 0], wp: [1, 1, 1]}]
            dynamics: {prior: {max_clusters: 20, min_samples_per_cluster: 40, max_samples: 20}}
            """;

    @ParameterizedTest
    @ValueSource(strings = {
        "{type: badmm, badmm: {fixed_lg_step: 3, lg_step_schedule: [0.01], ent_reg_schedule: [0.001], "
            + "policy_dual_rate_covar: 0.01, target_form: paper}}",
        "{type: cgps, cgps: {dual_step: 1, entropy_penalty: 0.1, dual_kl: laplace}}"})
    void resumedRunMatchesUninterruptedRunBitForBit(String algorithm, @TempDir Path root) throws IOException {
        ExperimentConfig config = ConfigLoader.parse(CONFIG.formatted(algorithm), "test.yaml");
        List<MetricsRow> whole = TrainingRuns.train(config, root.resolve("whole"));
        assertEquals(4, whole.size());
        for (MetricsRow row : whole) {
            assertTrue(Double.isFinite(row.policy().meanCost()), "the global policy is evaluated: " + row);
        }

        Path split = root.resolve("split");
        TrainingRuns.train(config.withIterations(2), split);
        RunDirectory run = new RunDirectory(split);
        run.rewriteConfig(ConfigLoader.toYaml(config));
        GpsAlgorithm resumed = new Trainer(Experiment.build(config, "test"), run, TrainingRuns.quiet(), false).resume();
        Class<?> type = config.algorithm().type().equals("badmm") ? BadmmAlgorithm.class : ConstrainedGpsAlgorithm.class;
        assertInstanceOf(type, resumed);
        List<MetricsRow> rows = run.metrics().read();
        assertEquals(whole.size(), rows.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i).meanCost(), rows.get(i).meanCost(), 0.0, "row " + i);
            assertEquals(whole.get(i).eta(), rows.get(i).eta(), 0.0, "row " + i);
            assertEquals(whole.get(i).policy().meanCost(), rows.get(i).policy().meanCost(), 0.0, "row " + i);
        }
        assertArrayEquals(stateBytes(root.resolve("whole"), 3), stateBytes(split, 3), "final checkpoints differ");
    }

    private static byte[] stateBytes(Path run, int iteration) throws IOException {
        Path file = new CheckpointStore(run).folder(iteration).resolve(CheckpointStore.STATE_FILE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
