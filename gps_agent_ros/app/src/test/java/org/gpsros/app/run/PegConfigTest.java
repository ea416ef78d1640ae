package org.gpsros.app.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.CostTermConfig;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.config.InitControllerConfig;
import org.gpsros.cost.CostDerivatives;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.sample.Sample;
import org.junit.jupiter.api.Test;

/** config/peg_insertion.yaml builds on the Bullet task, and its cost and initial controllers work on its samples. */
class PegConfigTest {

    private static final double[] PR2_GAINS = {3.09, 1.08, 0.393, 0.674, 0.111, 0.152, 0.098};

    @Test
    void theShippedPegConfigFitsTheTask() {
        ExperimentConfig config = ConfigLoader.load(Path.of("../../config/peg_insertion.yaml"));
        assertEquals("peg_insertion", config.task());
        assertEquals(12, config.iterations());
        assertEquals(1.0, config.algorithm().klStep());
        InitControllerConfig.Lqr init = assertInstanceOf(InitControllerConfig.Lqr.class, config.initController());
        assertEquals(50.0, init.finalWeight());
        CostTermConfig.Action action = assertInstanceOf(CostTermConfig.Action.class, config.cost().get(0));
        for (int j = 0; j < 7; j++) {
            assertEquals(1.0 / PR2_GAINS[j], init.initGains()[j], 1e-6, "init_gains = 1/PR2_GAINS");
            assertEquals(1e-3 / PR2_GAINS[j], action.wu()[j], 1e-9, "wu = 1e-3/PR2_GAINS");
        }

        Experiment experiment = Experiment.build(config, "peg_insertion.yaml");
        assertEquals(List.of(0, 1, 2, 3), experiment.trainConditions());
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12), experiment.testConditions());
        List<LinearGaussianPolicy> controllers = experiment.initialControllers();
        assertEquals(4, controllers.size());
        Sample sample = experiment.sample(controllers.get(2), 0, 2, 0);
        CostDerivatives cost = experiment.cost().evaluate(sample);
        double distance = experiment.agent().finalDistance(sample, 2);
        // The initial controller holds the arm near x0, about half a metre from the hole.
        assertTrue(distance > 0.3 && distance < 0.9, "final distance " + distance);
        assertArrayEquals(sample.state(0), experiment.agent().initialState(2), 0.0);
        for (double value : cost.value()) {
            assertTrue(Double.isFinite(value));
        }
    }
}
