package org.gpsros.trajopt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.junit.jupiter.api.Test;

/**
 * The BADMM and constrained-GPS augmentations (study §3.6 BADMM row; Levine et al. 2016 Appendix A.4; Levine &amp;
 * Abbeel 2014 Alg. 1): exact reduction to TrajOpt, the log-density form at random points, the constant-weight
 * identity, and the value scale against an un-normalised recursion.
 */
class PolicyWeightedAugmentationTest {

    /** Random BADMM inputs: weights in [0, 2) (some exactly 0), duals ~ 0.3·N(0, 1). */
    record Inputs(LocalModel model, LinearGaussianPolicy previous, LinearGaussianPolicy policy, double[] weights,
                  double[][] meanDuals, double[][] gainDuals) {
        static Inputs random(long seed, int horizon, int dX, int dU) {
            LocalModel model = RandomProblems.model(seed, horizon, dX, dU);
            LinearGaussianPolicy previous = RandomProblems.policy(seed + 1, horizon, dX, dU);
            LinearGaussianPolicy policy = RandomProblems.policy(seed + 2, horizon, dX, dU);
            SplitMix64 rng = new SplitMix64(seed + 3);
            double[] weights = new double[horizon];
            double[][] meanDuals = new double[horizon][];
            double[][] gainDuals = new double[horizon][];
            for (int t = 0; t < horizon; t++) {
                weights[t] = rng.nextInt(5) == 0 ? 0.0 : 2 * rng.nextUniform();
                meanDuals[t] = RandomProblems.normals(rng, dU, 0.3);
                gainDuals[t] = RandomProblems.normals(rng, dU * dX, 0.3);
            }
            return new Inputs(model, previous, policy, weights, meanDuals, gainDuals);
        }

        CostAugmentation badmm(double nu) {
            return CostAugmentation.badmm(previous, policy, weights, meanDuals, gainDuals, nu);
        }
    }

    @Property(tries = 40)
    void zeroWeightsAndDualsReproduceTrajOptExactly(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX,
                                                    @ForAll @IntRange(min = 1, max = 3) int dU,
                                                    @ForAll @IntRange(min = 1, max = 7) int horizon,
                                                    @ForAll @DoubleRange(min = -3, max = 3) double logEta,
                                                    @ForAll boolean maxEntropy) {
        Inputs in = Inputs.random(seed, horizon, dX, dU);
        double nu = maxEntropy ? 0.3 : 0.0;
        double eta = Math.pow(10, logEta);
        CostAugmentation trajOpt = CostAugmentation.trajOpt(in.previous(), nu);
        CostAugmentation badmm = CostAugmentation.badmm(in.previous(), in.policy(), new double[horizon],
                new double[horizon][dU], new double[horizon][dU * dX], nu);
        QuadraticCost a = trajOpt.augmentedCost(in.model().cost(), eta);
        QuadraticCost b = badmm.augmentedCost(in.model().cost(), eta);
        assertArrayEquals(a.constant(), b.constant(), 0.0);
        for (int t = 0; t < horizon; t++) {
            assertArrayEquals(a.linear()[t], b.linear()[t], 0.0);
            assertArrayEquals(a.hessian()[t], b.hessian()[t], 0.0);
        }
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        LinearGaussianPolicy pa = optimizer.backward(in.model(), trajOpt, eta).policy();
        LinearGaussianPolicy pb = optimizer.backward(in.model(), badmm, eta).policy();
        assertIdentical(pa, pb);
        TrajectoryUpdate ua = optimizer.update(in.model(), trajOpt, 0.3, 1.0);
        TrajectoryUpdate ub = optimizer.update(in.model(), badmm, 0.3, 1.0);
        assertIdentical(ua.policy(), ub.policy());
        assertArrayEquals(ua.eta(), ub.eta(), 0.0);
        assertEquals(ua.klDivergence(), ub.klDivergence(), 0.0);
    }

    @Property(tries = 40)
    void augmentedCostIsTheWeightedNegativeLogDensityForm(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX,
                                                          @ForAll @IntRange(min = 1, max = 3) int dU,
                                                          @ForAll @IntRange(min = 1, max = 5) int horizon,
                                                          @ForAll @DoubleRange(min = -2, max = 2) double logEta,
                                                          @ForAll boolean maxEntropy) {
        Inputs in = Inputs.random(seed, horizon, dX, dU);
        double nu = maxEntropy ? 0.7 : 0.0;
        double eta = Math.pow(10, logEta);
        QuadraticCost cost = in.model().cost();
        QuadraticCost augmented = in.badmm(nu).augmentedCost(cost, eta);
        QuadraticCost cgps = CostAugmentation.constrainedGps(in.previous(), in.policy(), in.weights(), nu)
                .augmentedCost(cost, eta);
        SplitMix64 rng = new SplitMix64(seed ^ 0x5DEECE66DL);
        int n = dX + dU;
        for (int t = 0; t < horizon; t++) {
            for (int sample = 0; sample < 5; sample++) {
                double[] xi = RandomProblems.normals(rng, n, 1.5);
                double w = in.weights()[t];
                // ℓ(ξ) − uᵀ(λ_K x + λ_k) + η·(−log p̄(u|x)) + w·(−log π̂(u|x)), without the normalisers ½log|2πΣ|.
                double lagrange = 0;
                for (int u = 0; u < dU; u++) {
                    double s = in.meanDuals()[t][u];
                    for (int j = 0; j < dX; j++) {
                        s += in.gainDuals()[t][u * dX + j] * xi[j];
                    }
                    lagrange += xi[dX + u] * s;
                }
                double base = evaluate(cost, t, xi);
                double kl = negativeLogDensityWithoutNormaliser(in.previous(), t, xi);
                double pol = negativeLogDensityWithoutNormaliser(in.policy(), t, xi);
                double expected = (base - lagrange + eta * kl + w * pol) / (eta + w + nu);
                double actual = evaluate(augmented, t, xi);
                assertEquals(expected, actual, 1e-10 * (1 + Math.abs(expected)));
                double expectedCgps = (base + eta * kl + w * pol) / (eta + w + nu);
                assertEquals(expectedCgps, evaluate(cgps, t, xi), 1e-10 * (1 + Math.abs(expectedCgps)));
            }
        }
    }

    /**
     * With w_t = w for all t the value scale is 1 and BADMM at η is TrajOpt at the same η on the cost
     * ℓ − uᵀ(λ_K x + λ_k) + w·(−log π̂) with maximum-entropy weight ν + w: both normalise step t by η + w + ν.
     */
    @Property(tries = 40)
    void constantWeightIsTrajOptOnTheShiftedCost(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX,
                                                 @ForAll @IntRange(min = 1, max = 3) int dU,
                                                 @ForAll @IntRange(min = 1, max = 7) int horizon,
                                                 @ForAll @DoubleRange(min = -2, max = 2) double logEta,
                                                 @ForAll @DoubleRange(min = 0, max = 3) double weight,
                                                 @ForAll boolean maxEntropy) {
        Inputs in = Inputs.random(seed, horizon, dX, dU);
        double nu = maxEntropy ? 0.4 : 0.0;
        double eta = Math.pow(10, logEta);
        double[] weights = new double[horizon];
        java.util.Arrays.fill(weights, weight);
        CostAugmentation badmm = CostAugmentation.badmm(in.previous(), in.policy(), weights, in.meanDuals(),
                in.gainDuals(), nu);
        int n = dX + dU;
        QuadraticCost cost = in.model().cost();
        double[][] linear = new double[horizon][];
        double[][] hessian = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            DMatrixRMaj[] terms = ReferenceOracle.klTerms(in.policy(), t);
            linear[t] = cost.linear()[t].clone();
            hessian[t] = cost.hessian()[t].clone();
            for (int a = 0; a < n; a++) {
                linear[t][a] += weight * terms[1].get(a, 0);
                for (int b = 0; b < n; b++) {
                    hessian[t][a * n + b] += weight * terms[0].get(a, b);
                }
            }
            for (int u = 0; u < dU; u++) {
                linear[t][dX + u] -= in.meanDuals()[t][u];
                for (int j = 0; j < dX; j++) {
                    hessian[t][(dX + u) * n + j] -= in.gainDuals()[t][u * dX + j];
                    hessian[t][j * n + dX + u] -= in.gainDuals()[t][u * dX + j];
                }
            }
        }
        LocalModel shifted = in.model().withCost(new QuadraticCost(dX, dU, cost.constant(), linear, hessian));
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        LinearGaussianPolicy expected = optimizer.backward(shifted, CostAugmentation.trajOpt(in.previous(), nu + weight),
                eta).policy();
        LinearGaussianPolicy actual = optimizer.backward(in.model(), badmm, eta).policy();
        assertClose(actual, expected, 1e-9);
    }

    /**
     * With weights varying over t, the normalised pass with value scale α_{t+1}/α_t (α_t = η + w_t + ν) gives the
     * controller of the un-normalised soft Bellman recursion Q_t = C_t + F_tᵀV_{t+1}F_t with per-step entropy weight
     * α_t: the same K, k and Σ_t = α_t Q_uu⁻¹ (an independent EJML oracle).
     */
    @Property(tries = 40)
    void varyingWeightsMatchTheUnnormalisedRecursion(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX,
                                                     @ForAll @IntRange(min = 1, max = 3) int dU,
                                                     @ForAll @IntRange(min = 2, max = 7) int horizon,
                                                     @ForAll @DoubleRange(min = -2, max = 2) double logEta,
                                                     @ForAll boolean maxEntropy) {
        Inputs in = Inputs.random(seed, horizon, dX, dU);
        double nu = maxEntropy ? 0.4 : 0.0;
        double eta = Math.pow(10, logEta);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        BackwardPassResult result = optimizer.backward(in.model(), in.badmm(nu), eta);
        assertEquals(0, result.nonPositiveDefiniteRetries());
        LinearGaussianPolicy expected = unnormalisedBackward(in, eta, nu);
        assertNotNull(expected);
        assertClose(result.policy(), expected, 1e-9);
    }

    @Property(tries = 20)
    void dualSearchWithBadmmKeepsTheKlToThePreviousControllerWithinBound(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int dX, @ForAll @IntRange(min = 1, max = 3) int dU,
            @ForAll @IntRange(min = 2, max = 6) int horizon, @ForAll @DoubleRange(min = 0.05, max = 1.0) double klStep) {
        Inputs in = Inputs.random(seed, horizon, dX, dU);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        TrajectoryUpdate update = optimizer.update(in.model(), in.badmm(0), klStep, 1.0);
        assertFalse(update.klTooHigh());
        StateActionMarginals marginals = optimizer.forward(update.policy(), in.model());
        assertEquals(ReferenceOracle.trajDistrKl(marginals, update.policy(), in.previous()), update.klDivergence(),
                1e-9 * Math.max(1, update.klDivergence()));
    }

    @Test
    void constrainedGpsIsBadmmWithoutLagrangeTermsBitForBit() {
        Inputs in = Inputs.random(42, 6, 4, 2);
        CostAugmentation cgps = CostAugmentation.constrainedGps(in.previous(), in.policy(), in.weights(), 0.2);
        CostAugmentation badmm = CostAugmentation.badmm(in.previous(), in.policy(), in.weights(), new double[6][2],
                new double[6][8], 0.2);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 6, 4, 2);
        assertIdentical(optimizer.backward(in.model(), badmm, 0.7).policy(),
                optimizer.backward(in.model(), cgps, 0.7).policy());
    }

    @Test
    void rejectsPerTimeStepConstraintsAndBadInputs() {
        Inputs in = Inputs.random(7, 4, 3, 2);
        LqrConfig perStep = LqrConfig.defaults().withPerTimeStepConstraint(true);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(perStep, 4, 3, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> optimizer.update(in.model(), in.badmm(0), 0.2, 1.0));
        assertTrue(e.getMessage().contains("per-time-step"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> optimizer.backwardPerTimeStep(in.model(), in.badmm(0), new double[] {1, 1, 1, 1}));
        double[] negative = in.weights().clone();
        negative[2] = -0.1;
        e = assertThrows(IllegalArgumentException.class, () -> CostAugmentation.badmm(in.previous(), in.policy(),
                negative, in.meanDuals(), in.gainDuals(), 0));
        assertTrue(e.getMessage().contains("policyWeights[2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CostAugmentation.constrainedGps(in.previous(), in.policy(),
                new double[3], 0));
        assertThrows(IllegalArgumentException.class, () -> CostAugmentation.badmm(in.previous(), in.policy(),
                in.weights(), new double[4][3], in.gainDuals(), 0));
        assertThrows(IllegalArgumentException.class, () -> CostAugmentation.badmm(in.previous(),
                RandomProblems.policy(1, 4, 2, 2), in.weights(), in.meanDuals(), in.gainDuals(), 0));
    }

    // -------------------------------------------------------------------------------------------------------------

    /** The un-normalised recursion with per-step entropy weight α_t = η + w_t + ν (EJML, full matrices). */
    static LinearGaussianPolicy unnormalisedBackward(Inputs in, double eta, double nu) {
        QuadraticCost cost = in.model().cost();
        LinearGaussianDynamics dyn = in.model().dynamics();
        int horizon = cost.horizon();
        int dX = cost.stateDim();
        int dU = cost.actionDim();
        int n = dX + dU;
        DMatrixRMaj vxx = new DMatrixRMaj(dX, dX);
        DMatrixRMaj vx = new DMatrixRMaj(dX, 1);
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covs = new double[horizon][];
        for (int t = horizon - 1; t >= 0; t--) {
            double w = in.weights()[t];
            DMatrixRMaj[] kl = ReferenceOracle.klTerms(in.previous(), t);
            DMatrixRMaj[] pol = ReferenceOracle.klTerms(in.policy(), t);
            DMatrixRMaj qtt = ReferenceOracle.block(cost.hessian()[t], n, n).copy();
            DMatrixRMaj qt = ReferenceOracle.block(cost.linear()[t], n, 1).copy();
            for (int u = 0; u < dU; u++) {
                qt.set(dX + u, 0, qt.get(dX + u, 0) - in.meanDuals()[t][u]);
                for (int j = 0; j < dX; j++) {
                    double l = in.gainDuals()[t][u * dX + j];
                    qtt.set(dX + u, j, qtt.get(dX + u, j) - l);
                    qtt.set(j, dX + u, qtt.get(j, dX + u) - l);
                }
            }
            CommonOps_DDRM.addEquals(qtt, eta, kl[0]);
            CommonOps_DDRM.addEquals(qtt, w, pol[0]);
            CommonOps_DDRM.addEquals(qt, eta, kl[1]);
            CommonOps_DDRM.addEquals(qt, w, pol[1]);
            if (t < horizon - 1) {
                DMatrixRMaj f = ReferenceOracle.block(dyn.jacobian()[t], dX, n);
                DMatrixRMaj fv = ReferenceOracle.block(dyn.offset()[t], dX, 1);
                DMatrixRMaj vf = new DMatrixRMaj(dX, n);
                CommonOps_DDRM.mult(vxx, f, vf);
                DMatrixRMaj ftvf = new DMatrixRMaj(n, n);
                CommonOps_DDRM.multTransA(f, vf, ftvf);
                CommonOps_DDRM.addEquals(qtt, ftvf);
                DMatrixRMaj tmp = new DMatrixRMaj(dX, 1);
                CommonOps_DDRM.mult(vxx, fv, tmp);
                CommonOps_DDRM.addEquals(tmp, vx);
                DMatrixRMaj ft = new DMatrixRMaj(n, 1);
                CommonOps_DDRM.multTransA(f, tmp, ft);
                CommonOps_DDRM.addEquals(qt, ft);
            }
            DMatrixRMaj quu = ReferenceOracle.sub(qtt, dX, n, dX, n);
            DMatrixRMaj qux = ReferenceOracle.sub(qtt, dX, n, 0, dX);
            DMatrixRMaj qxx = ReferenceOracle.sub(qtt, 0, dX, 0, dX);
            DMatrixRMaj qxu = ReferenceOracle.sub(qtt, 0, dX, dX, n);
            DMatrixRMaj qu = ReferenceOracle.sub(qt, dX, n, 0, 1);
            DMatrixRMaj qx = ReferenceOracle.sub(qt, 0, dX, 0, 1);
            DMatrixRMaj inv = new DMatrixRMaj(dU, dU);
            if (!CommonOps_DDRM.invert(quu, inv)) {
                return null;
            }
            DMatrixRMaj k = new DMatrixRMaj(dU, 1);
            CommonOps_DDRM.mult(-1, inv, qu, k);
            DMatrixRMaj kk = new DMatrixRMaj(dU, dX);
            CommonOps_DDRM.mult(-1, inv, qux, kk);
            gains[t] = kk.data.clone();
            offsets[t] = k.data.clone();
            DMatrixRMaj sigma = inv.copy();
            CommonOps_DDRM.scale(eta + w + nu, sigma);
            DMatrixRMaj sigmaT = sigma.copy();
            CommonOps_DDRM.transpose(sigmaT);
            CommonOps_DDRM.add(0.5, sigma, 0.5, sigmaT, sigma);
            covs[t] = sigma.data.clone();
            DMatrixRMaj newV = qxx.copy();
            DMatrixRMaj tmp = new DMatrixRMaj(dX, dX);
            CommonOps_DDRM.mult(qxu, kk, tmp);
            CommonOps_DDRM.addEquals(newV, tmp);
            DMatrixRMaj newVt = newV.copy();
            CommonOps_DDRM.transpose(newVt);
            CommonOps_DDRM.add(0.5, newV, 0.5, newVt, vxx);
            DMatrixRMaj tv = new DMatrixRMaj(dX, 1);
            CommonOps_DDRM.mult(qxu, k, tv);
            CommonOps_DDRM.add(qx, tv, vx);
        }
        return LinearGaussianPolicy.of(gains, offsets, covs);
    }

    /** c + hᵀξ + ½ξᵀHξ of one step. */
    static double evaluate(QuadraticCost cost, int t, double[] xi) {
        int n = xi.length;
        double value = cost.constant()[t];
        for (int a = 0; a < n; a++) {
            value += cost.linear()[t][a] * xi[a];
            for (int b = 0; b < n; b++) {
                value += 0.5 * xi[a] * cost.hessian()[t][a * n + b] * xi[b];
            }
        }
        return value;
    }

    /** −log N(u; Kx + k, Σ) − ½log|2πΣ| = ½(u − Kx − k)ᵀΣ⁻¹(u − Kx − k), from Σ by a dense solve. */
    static double negativeLogDensityWithoutNormaliser(LinearGaussianPolicy p, int t, double[] xi) {
        int dX = p.stateDim();
        int dU = p.actionDim();
        DMatrixRMaj r = new DMatrixRMaj(dU, 1);
        for (int u = 0; u < dU; u++) {
            double mean = p.feedforward()[t][u];
            for (int j = 0; j < dX; j++) {
                mean += p.feedbackGains()[t][u * dX + j] * xi[j];
            }
            r.set(u, 0, xi[dX + u] - mean);
        }
        DMatrixRMaj sigma = ReferenceOracle.block(p.covariance()[t], dU, dU);
        double logDensity = -0.5 * quadratic(sigma, r) - 0.5 * Math.log(CommonOps_DDRM.det(sigma))
                - 0.5 * dU * Math.log(2 * Math.PI);
        return -logDensity - 0.5 * Math.log(CommonOps_DDRM.det(sigma)) - 0.5 * dU * Math.log(2 * Math.PI);
    }

    private static double quadratic(DMatrixRMaj sigma, DMatrixRMaj r) {
        DMatrixRMaj y = new DMatrixRMaj(r.numRows, 1);
        if (!CommonOps_DDRM.solve(sigma.copy(), r, y)) {
            throw new IllegalStateException("singular covariance");
        }
        return CommonOps_DDRM.dot(r, y);
    }

    static void assertIdentical(LinearGaussianPolicy a, LinearGaussianPolicy b) {
        for (int t = 0; t < a.horizon(); t++) {
            assertArrayEquals(a.feedbackGains()[t], b.feedbackGains()[t], 0.0);
            assertArrayEquals(a.feedforward()[t], b.feedforward()[t], 0.0);
            assertArrayEquals(a.covariance()[t], b.covariance()[t], 0.0);
            assertArrayEquals(a.precision()[t], b.precision()[t], 0.0);
        }
    }

    static void assertClose(LinearGaussianPolicy actual, LinearGaussianPolicy expected, double tol) {
        double e1 = RandomProblems.relativeError(actual.feedbackGains(), expected.feedbackGains());
        double e2 = RandomProblems.relativeError(actual.feedforward(), expected.feedforward());
        double e3 = RandomProblems.relativeError(actual.covariance(), expected.covariance());
        assertTrue(e1 < tol && e2 < tol && e3 < tol, "relative errors K " + e1 + ", k " + e2 + ", Σ " + e3);
    }
}
