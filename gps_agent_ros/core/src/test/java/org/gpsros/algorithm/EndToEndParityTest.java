package org.gpsros.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.dynamics.DynamicsFitConfig;
import org.gpsros.dynamics.DynamicsFitter;
import org.gpsros.dynamics.DynamicsPriorConfig;
import org.gpsros.dynamics.DynamicsPriorGmm;
import org.gpsros.dynamics.ReferenceCompatibility;
import org.gpsros.testing.ParityData;
import org.gpsros.trajopt.CostAugmentation;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.LqrConfig;
import org.gpsros.trajopt.LqrTrajectoryOptimizer;
import org.gpsros.trajopt.ReferenceProblem;
import org.gpsros.trajopt.TrajectoryUpdate;
import org.junit.jupiter.api.Test;

/**
 * Parity item (a) of lqr-parity/README.md from the raw data to the new controller, with nothing taken from the
 * reference but its initial cluster labels: our GMM prior and dynamics fit (reference mode) feed our LQR-FLM update,
 * which must land on the reference's η, KL and controller.
 */
class EndToEndParityTest {
    private static final int T = 100;
    private static final int DX = 26;
    private static final int DU = 7;

    @Test
    void fitThenUpdateFromRawSamplesReproducesTheReferenceController() {
        double[][][] x = ParityData.states(5);
        double[][][] u = ParityData.actions(5);
        DynamicsPriorGmm prior = new DynamicsPriorGmm(DynamicsPriorConfig.examples()
                .withCompatibility(ReferenceCompatibility.REFERENCE), 0L);
        DynamicsFitter fitter = DynamicsFitter.withPrior(DynamicsFitConfig.defaults()
                .withCompatibility(ReferenceCompatibility.REFERENCE), prior);
        prior.update(x, u, ParityData.labels("cidx_a_seed0.csv"));
        LocalModel model = new LocalModel(ReferenceProblem.cost(), fitter.fit(x, u), fitter.fitInitialState(x));

        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), T, DX, DU);
        TrajectoryUpdate update = optimizer.update(model, CostAugmentation.trajOpt(ReferenceProblem.previousController(), 0.0), 0.2, 1.0);

        assertEquals(4, update.backwardPasses());
        assertEquals(5.623413251903491, update.globalEta(), 1e-9);
        assertEquals(21.238534921558756, update.klDivergence(), 1e-6);
        assertTrue(relativeError(update.policy().feedbackGains(),
                ParityData.blocks("ref_a_new_K_100x7x26.csv", T, DU * DX)) < 1e-7);
        assertTrue(relativeError(update.policy().feedforward(), ParityData.blocks("ref_a_new_k_100x7.csv", T, DU)) < 1e-7);
        assertTrue(relativeError(update.policy().covariance(),
                ParityData.blocks("ref_a_new_pol_covar_100x7x7.csv", T, DU * DU)) < 1e-7);
        assertEquals(1156.9598648526028, optimizer.estimateTotalCost(update.policy(), model), 1e-6);
    }

    /** max |a − b| / max |b| over all blocks. */
    private static double relativeError(double[][] actual, double[][] expected) {
        double diff = 0;
        double scale = 0;
        for (int t = 0; t < expected.length; t++) {
            for (int i = 0; i < expected[t].length; i++) {
                diff = Math.max(diff, Math.abs(actual[t][i] - expected[t][i]));
                scale = Math.max(scale, Math.abs(expected[t][i]));
            }
        }
        return diff / scale;
    }
}
