package org.gpsros.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gpsros.algorithm.MdgpsAlgorithm;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's training procedure from the config (on a state-only task, with the MLP): trajectory pretraining with the
 * state-only network, S-step sample reuse, both through checkpoints.
 */
class VisuomotorProcedureTest {
    private static final String CONFIG = """
            task: box2d_pointmass
            iterations: 4
            init_controller: {type: pd, init_var: 5, pos_gains: 0}
            algorithm: {type: mdgps}
            policy:
              network: {type: mlp, hidden: [20]}
              iterations: 200
              sample_reuse: {iterations: 2, max_weight: 5}
              pretraining: {trajectory_iterations: 2, hidden: [10, 10]}
            cost:
              - {type: action, weight: 1, wu: [5.0e-5, 5.0e-5]}
              - type: state
                weight: 1
                data_types: [{sensor: end_effector_points, target: [5, 20, 0], wp: [1, 1, 1]}]
            dynamics: {prior: {max_clusters: 20, min_samples_per_cluster: 40, max_samples: 20}}
            """;

    @Test
    void pretrainingAndReuseResumeBitForBit(@TempDir Path root) throws IOException {
        ExperimentConfig config = ConfigLoader.parse(CONFIG, "test.yaml");
        List<MetricsRow> whole = TrainingRuns.train(config, root.resolve("whole"));
        assertEquals(4, whole.size());
        for (MetricsRow row : whole) {
            // Pretraining iterations 0 and 1 have no global policy to evaluate; from the hand-over on, it has one.
            assertEquals(row.iteration() >= 2, row.policy() != null && Double.isFinite(row.policy().meanCost()),
                    "row " + row);
        }

        Path split = root.resolve("split");
        TrainingRuns.train(config.withIterations(1), split); // stopped during pretraining
        RunDirectory run = new RunDirectory(split);
        run.rewriteConfig(ConfigLoader.toYaml(config));
        MdgpsAlgorithm resumed = (MdgpsAlgorithm) new Trainer(Experiment.build(config, "test"), run,
                TrainingRuns.quiet(), false).resume();
        assertEquals(2, resumed.state().conditions().get(0).reusedSamples().size());
        List<MetricsRow> rows = run.metrics().read();
        assertEquals(whole.size(), rows.size());
        for (int i = 0; i < whole.size(); i++) {
            assertEquals(whole.get(i).meanCost(), rows.get(i).meanCost(), 0.0, "row " + i);
        }
        assertArrayEquals(stateBytes(root.resolve("whole"), 3), stateBytes(split, 3), "final checkpoints differ");
    }

    @Test
    void cnnNeedsACameraAndPretrainingNeedsMdgps() {
        ExperimentConfig cnn = ConfigLoader.parse(CONFIG.replace("{type: mlp, hidden: [20]}", "{type: cnn}"),
                "test.yaml");
        ConfigException noCamera = assertThrows(ConfigException.class,
                () -> Experiment.build(cnn, "test.yaml").newAlgorithm());
        assertTrue(noCamera.getMessage().contains("camera"), noCamera.getMessage());
        ExperimentConfig badmm = ConfigLoader.parse(CONFIG.replace("{type: mdgps}", "{type: badmm}"), "test.yaml");
        ConfigException onlyMdgps = assertThrows(ConfigException.class, () -> Experiment.build(badmm, "test.yaml"));
        assertTrue(onlyMdgps.getMessage().contains("policy.pretraining.trajectory_iterations"), onlyMdgps.getMessage());
    }

    private static byte[] stateBytes(Path run, int iteration) throws IOException {
        Path file = new CheckpointStore(run).folder(iteration).resolve(CheckpointStore.STATE_FILE);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        }
    }
}
