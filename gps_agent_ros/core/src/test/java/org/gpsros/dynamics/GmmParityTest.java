package org.gpsros.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.gpsros.testing.ParityData;
import org.junit.jupiter.api.Test;

/** Parity item (d) of lqr-parity/README.md: GMM EM on 2000 × 59 [x_t, u_t, x_t+1] points, K = 20. */
class GmmParityTest {

    @Test
    void emMatchesReferenceOnParityDataD() {
        double[][] data = ParityData.blocks("XUX_2000x59.csv", 2000, 59);
        int[] labels = ParityData.labels("cidx_d_2000.csv");
        Gmm gmm = new Gmm(GmmConfig.defaults().withCompatibility(ReferenceCompatibility.REFERENCE));

        GmmFitSummary summary = gmm.update(data, 20, labels);

        assertEquals(11, summary.eSteps(), "E-step calls");
        assertEquals(10, summary.mSteps(), "M-steps");
        assertEquals(196890.15252399648, summary.logLikelihood(), 1e-9 * 196890.15, "final log-likelihood");
        GmmState state = gmm.state();
        double[][] mu = ParityData.blocks("ref_d_mu_20x59.csv", 20, 59);
        double[] logMass = ParityData.flat("ref_d_logmass_20.csv");
        double[][] sigma = ParityData.blocks("ref_d_sigma_20x59x59.csv", 20, 59 * 59);
        assertEquals(0.0, ParityAssert.relativeError(state.means(), mu), 1e-10, "means");
        assertEquals(0.0, ParityAssert.maxAbsDifference(new double[][] {state.logMass()}, new double[][] {logMass}),
                1e-10, "log-mass");
        assertEquals(0.0, ParityAssert.relativeError(state.covariances(), sigma), 1e-10, "covariances");
    }
}
