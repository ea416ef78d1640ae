package org.gpsros.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

class LinearGaussianInitTest {

    @Test
    void pdWithAsManyActionsAsPositions() {
        // dU = dQ = 2, dX = 5: K = −10 [I, 0.01 I, 0], k = −K x0, Σ = 10 I.
        double[] x0 = {1, 2, 3, 4, 5};
        LinearGaussianPolicy policy = LinearGaussianInit.pd(LinearGaussianInitPdConfig.defaults(), x0, 2, 2, 3);
        assertEquals(3, policy.horizon());
        assertEquals(5, policy.stateDim());
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(new double[] {-10, 0, -0.1, 0, 0, 0, -10, 0, -0.1, 0}, policy.feedbackGains()[t], 1e-15);
            assertArrayEquals(new double[] {10.3, 20.4}, policy.feedforward()[t], 1e-13);
            assertArrayEquals(new double[] {10, 0, 0, 10}, policy.covariance()[t], 0.0);
            assertArrayEquals(new double[] {Math.sqrt(10), 0, 0, Math.sqrt(10)}, policy.covarianceCholesky()[t], 1e-15);
            assertArrayEquals(new double[] {0.1, 0, 0, 0.1}, policy.precision()[t], 1e-16);
        }
    }

    @Test
    void pdWithFewerActionsThanPositionsPutsVelocitiesAfterAllPositions() {
        // dU = 1, dQ = 2, dX = 4: K = −2 [1, 0, 0.5, 0], k = 2·1 + 1·3 = 5.
        LinearGaussianInitPdConfig config = new LinearGaussianInitPdConfig(0.5, 2.0, 0.5);
        LinearGaussianPolicy policy = LinearGaussianInit.pd(config, new double[] {1, 2, 3, 4}, 1, 2, 2);
        assertArrayEquals(new double[] {-2, 0, -1, 0}, policy.feedbackGains()[1], 0.0);
        assertArrayEquals(new double[] {5}, policy.feedforward()[1], 0.0);
        assertArrayEquals(new double[] {0.5}, policy.covariance()[0], 0.0);
    }

    @Test
    void pdWithZeroGainsIsNoiseAroundZero() {
        LinearGaussianPolicy policy = LinearGaussianInit.pd(LinearGaussianInitPdConfig.defaults().withPositionGains(0),
                new double[] {1, 2, 3, 4}, 2, 2, 1);
        assertArrayEquals(new double[8], policy.feedbackGains()[0], 0.0);
        assertArrayEquals(new double[2], policy.feedforward()[0], 0.0);
    }

    @Test
    void pdRejectsStatesTooSmall() {
        assertThrows(IllegalArgumentException.class,
                () -> LinearGaussianInit.pd(LinearGaussianInitPdConfig.defaults(), new double[3], 1, 2, 1));
        assertThrows(IllegalArgumentException.class,
                () -> LinearGaussianInit.pd(LinearGaussianInitPdConfig.defaults(), new double[3], 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new LinearGaussianInitPdConfig(0, 1, 1));
    }

    @Test
    void defaultsAreTheReferences() {
        LinearGaussianInitPdConfig pd = LinearGaussianInitPdConfig.defaults();
        assertEquals(10.0, pd.initialVariance());
        assertEquals(10.0, pd.positionGains());
        assertEquals(0.01, pd.velocityGainsMultiplier());
        LinearGaussianInitLqrConfig lqr = LinearGaussianInitLqrConfig.defaults();
        assertEquals(1.0, lqr.initialVariance());
        assertEquals(1.0, lqr.stiffness());
        assertEquals(0.5, lqr.velocityStiffnessMultiplier());
        assertEquals(1.0, lqr.finalWeight());
        assertEquals(0, lqr.initialAccelerations().length);
        assertEquals(0, lqr.initialGains().length);
    }

    @Test
    void lqrRejectsBadInputs() {
        LinearGaussianInitLqrConfig config = LinearGaussianInitLqrConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> LinearGaussianInit.lqr(config, new double[3], 2, 5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> LinearGaussianInit.lqr(config, new double[4], 2, 5, 0));
        assertThrows(IllegalArgumentException.class,
                () -> LinearGaussianInit.lqr(config.withInitialGains(new double[] {1}), new double[4], 2, 5, 0.1));
        assertThrows(IllegalArgumentException.class, () -> config.withFinalWeight(0));
    }

    /**
     * With zero initial velocities and accelerations the controller keeps the guessed system at x0: simulating
     * x' = F [x; u] + f noiselessly from x0 never leaves it, and the actions stay zero.
     */
    @Property(tries = 25)
    void lqrHoldsTheInitialStateOnTheGuessedDynamics(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3) int actionDim,
                                                     @ForAll @IntRange(min = 0, max = 2) int extraStates) {
        SplitMix64 rng = new SplitMix64(seed);
        int stateDim = 2 * actionDim + extraStates;
        double[] x0 = new double[stateDim];
        double[] gains = new double[actionDim];
        for (int j = 0; j < actionDim; j++) {
            x0[j] = rng.nextNormal();
            gains[j] = 0.5 + 1.5 * rng.nextUniform();
        }
        int horizon = 15;
        double dt = 0.02 + 0.1 * rng.nextUniform();
        LinearGaussianInitLqrConfig config = LinearGaussianInitLqrConfig.defaults().withInitialGains(gains)
                .withStiffness(0.5 + 3 * rng.nextUniform()).withFinalWeight(0.5 + 5 * rng.nextUniform())
                .withInitialVariance(0.1 + 2 * rng.nextUniform());
        LinearGaussianPolicy policy = LinearGaussianInit.lqr(config, x0, actionDim, horizon, dt);
        double[] x = x0.clone();
        double[] u = new double[actionDim];
        for (int t = 0; t < horizon; t++) {
            policy.act(t, x, x, new double[actionDim], u);
            for (int j = 0; j < actionDim; j++) {
                assertEquals(0.0, u[j], 1e-9, "action at t=" + t);
            }
            double[] next = new double[stateDim];
            for (int j = 0; j < actionDim; j++) {
                // Guessed double integrator (study §3.7); accelerations are zero.
                next[j] = x[j] + dt * x[actionDim + j] + dt * dt * gains[j] * u[j];
                next[actionDim + j] = x[actionDim + j] + dt * gains[j] * u[j];
            }
            x = next;
            assertArrayEquals(x0, x, 1e-9, "state after step " + t);
        }
    }

    /** Σ_t is Q_uu⁻¹: init_var/final_weight · I at the last step, at most init_var elsewhere, and PD. */
    @Test
    void lqrCovarianceIsScaledInverseCurvature() {
        int actionDim = 2;
        double var = 0.7;
        double finalWeight = 2.5;
        LinearGaussianInitLqrConfig config = LinearGaussianInitLqrConfig.defaults().withInitialVariance(var)
                .withFinalWeight(finalWeight).withInitialGains(new double[] {1.0, 2.0});
        LinearGaussianPolicy policy = LinearGaussianInit.lqr(config, new double[] {0.1, -0.2, 0, 0, 0.3}, actionDim, 20, 0.05);
        assertArrayEquals(new double[] {var / finalWeight, 0, 0, var / finalWeight}, policy.covariance()[19], 1e-15);
        for (int t = 0; t < 20; t++) {
            double[] eigenvalues = symmetricEigenvalues(policy.covariance()[t], actionDim);
            for (double e : eigenvalues) {
                assertTrue(e > 0 && e <= var * (1 + 1e-12), "Σ eigenvalue " + e + " at t=" + t);
            }
            // Σ P = I with the policy's precision.
            DMatrixRMaj product = new DMatrixRMaj(actionDim, actionDim);
            CommonOps_DDRM.mult(DMatrixRMaj.wrap(actionDim, actionDim, policy.covariance()[t]),
                    DMatrixRMaj.wrap(actionDim, actionDim, policy.precision()[t]), product);
            assertArrayEquals(new double[] {1, 0, 0, 1}, product.data, 1e-12);
        }
        // Away from the end the feedback makes Q_uu larger than the cost alone, so Σ shrinks below init_var.
        double[] early = symmetricEigenvalues(policy.covariance()[0], actionDim);
        assertTrue(Math.max(early[0], early[1]) < var);
    }

    /**
     * A 1-D double integrator (x = [q, q̇], one action) against an independent scalar Riccati recursion:
     * A = [[1, dt], [0, 1]], B = [g dt², g dt], Q = diag(s, s·s_v)/var, R = 1/var, P_{T−1} = final_weight·Q.
     */
    @Test
    void lqrGainsMatchAnIndependentRiccatiRecursionOnADoubleIntegrator() {
        double dt = 0.1;
        double g = 1.5;
        double s = 2.0;
        double sv = 0.3;
        double var = 0.5;
        double fw = 4.0;
        int horizon = 30;
        double q0 = 0.4;
        LinearGaussianInitLqrConfig config = new LinearGaussianInitLqrConfig(var, s, sv, fw, new double[0], new double[] {g});
        LinearGaussianPolicy policy = LinearGaussianInit.lqr(config, new double[] {q0, 0}, 1, horizon, dt);

        double b0 = g * dt * dt;
        double b1 = g * dt;
        double r = 1 / var;
        double qPos = s / var;
        double qVel = s * sv / var;
        // P = [[p00, p01], [p01, p11]]
        double p00 = fw * qPos;
        double p01 = 0;
        double p11 = fw * qVel;
        assertArrayEquals(new double[] {0, 0}, policy.feedbackGains()[horizon - 1], 1e-15);
        assertEquals(var / fw, policy.covariance()[horizon - 1][0], 1e-15);
        for (int t = horizon - 2; t >= 0; t--) {
            // BᵀP and BᵀPA with A = [[1, dt], [0, 1]].
            double bp0 = b0 * p00 + b1 * p01;
            double bp1 = b0 * p01 + b1 * p11;
            double bpa0 = bp0;
            double bpa1 = bp0 * dt + bp1;
            double curvature = r + bp0 * b0 + bp1 * b1;
            double k0 = -bpa0 / curvature;
            double k1 = -bpa1 / curvature;
            // AᵀPA
            double apa00 = p00;
            double apa01 = p00 * dt + p01;
            double apa11 = dt * dt * p00 + 2 * dt * p01 + p11;
            double n00 = qPos + apa00 - bpa0 * bpa0 / curvature;
            double n01 = apa01 - bpa0 * bpa1 / curvature;
            double n11 = qVel + apa11 - bpa1 * bpa1 / curvature;
            p00 = n00;
            p01 = n01;
            p11 = n11;
            double scale = 1 + Math.abs(k0) + Math.abs(k1);
            assertArrayEquals(new double[] {k0, k1}, policy.feedbackGains()[t], 1e-12 * scale, "K at t=" + t);
            assertEquals(1 / curvature, policy.covariance()[t][0], 1e-14, "Σ at t=" + t);
            // Holding q0 with zero velocity: u = K (x − x0), so k = −K x0.
            assertEquals(-k0 * q0, policy.feedforward()[t][0], 1e-12 * scale, "k at t=" + t);
        }
        // Long horizon: the early gains have converged to the stationary (DARE) gain.
        double[] first = policy.feedbackGains()[0];
        double[] second = policy.feedbackGains()[1];
        assertTrue(Math.abs(first[0] - second[0]) < 1e-3 * Math.abs(first[0]));
    }

    private static double[] symmetricEigenvalues(double[] a, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(new DMatrixRMaj(n, n, true, a)));
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = eig.getEigenvalue(i).real;
        }
        return values;
    }
}
