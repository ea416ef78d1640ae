package org.gpsros.algorithm.badmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.trajopt.KlDivergence;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.LqrConfig;
import org.gpsros.trajopt.LqrTrajectoryOptimizer;
import org.gpsros.trajopt.StateActionMarginals;
import org.junit.jupiter.api.Test;

/**
 * Policy divergences (study §3.8, §3.9) against the dense Gaussian KL formula, against sampling, and the Laplace
 * form against the trajectory package's independent closed-form KL.
 */
class PolicyKlTest {

    /** KL(N(ma, A) ‖ N(mb, B)) with dense EJML inverse and determinants. */
    static double denseKl(double[] ma, double[] a, double[] mb, double[] b) {
        int d = ma.length;
        DMatrixRMaj bm = new DMatrixRMaj(d, d, true, b);
        DMatrixRMaj binv = new DMatrixRMaj(d, d);
        CommonOps_DDRM.invert(bm, binv);
        DMatrixRMaj prod = new DMatrixRMaj(d, d);
        CommonOps_DDRM.mult(binv, new DMatrixRMaj(d, d, true, a), prod);
        double quad = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                quad += (ma[i] - mb[i]) * binv.get(i, j) * (ma[j] - mb[j]);
            }
        }
        return 0.5 * (CommonOps_DDRM.trace(prod) + quad - d
                + Math.log(CommonOps_DDRM.det(bm) / CommonOps_DDRM.det(new DMatrixRMaj(d, d, true, a))));
    }

    static double[] controllerMean(LinearGaussianPolicy p, int t, double[] x) {
        int dX = p.stateDim();
        int dU = p.actionDim();
        double[] m = new double[dU];
        for (int u = 0; u < dU; u++) {
            double s = p.feedforward()[t][u];
            for (int j = 0; j < dX; j++) {
                s += p.feedbackGains()[t][u * dX + j] * x[j];
            }
            m[u] = s;
        }
        return m;
    }

    @Property(tries = 30)
    void monteCarloIsTheExactGaussianKlAtEachSampleState(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int dX,
                                                         @ForAll @IntRange(min = 1, max = 3) int dU,
                                                         @ForAll @IntRange(min = 1, max = 4) int horizon) {
        LinearGaussianPolicy controller = BadmmFixtures.controller(seed, horizon, dX, dU);
        double[][][] states = BadmmFixtures.array(seed + 1, 4, horizon, dX, 1.0);
        double[][][] means = BadmmFixtures.array(seed + 2, 4, horizon, dU, 1.0);
        double[] sigmaPi = BadmmFixtures.spd(new SplitMix64(seed + 3), dU, 0.7, 0.1);
        for (PolicyKl.Direction direction : PolicyKl.Direction.values()) {
            PolicyKl.MonteCarloEstimate estimate = PolicyKl.monteCarlo(controller, states, means, sigmaPi, direction);
            for (int t = 0; t < horizon; t++) {
                double mean = 0;
                for (int n = 0; n < 4; n++) {
                    double[] mp = controllerMean(controller, t, states[n][t]);
                    double expected = direction == PolicyKl.Direction.CONTROLLER_TO_POLICY
                            ? denseKl(mp, controller.covariance()[t], means[n][t], sigmaPi)
                            : denseKl(means[n][t], sigmaPi, mp, controller.covariance()[t]);
                    assertEquals(expected, estimate.perSample()[n][t], 1e-10 * (1 + expected));
                    assertTrue(estimate.perSample()[n][t] >= -1e-12);
                    mean += expected / 4;
                }
                assertEquals(mean, estimate.perStep()[t], 1e-10 * (1 + mean));
            }
        }
    }

    /** E_p[log p − log π] by sampling u ~ p at one state: checks the sign and the −½dU constant independently. */
    @Test
    void monteCarloMatchesSampledLogRatio() {
        int dU = 2;
        LinearGaussianPolicy controller = LinearGaussianPolicy.of(new double[][] {{0.5, -0.2}}, new double[][] {{0.1, 0.3}},
                new double[][] {{0.6, 0.2, 0.2, 0.4}});
        double[] x = {1.0};
        double[] muPi = {0.9, 0.1};
        double[] sigmaPi = {0.3, -0.05, -0.05, 0.8};
        double exactPq = PolicyKl.monteCarlo(controller, new double[][][] {{x}}, new double[][][] {{muPi}}, sigmaPi,
                PolicyKl.Direction.CONTROLLER_TO_POLICY).perStep()[0];
        double exactQp = PolicyKl.monteCarlo(controller, new double[][][] {{x}}, new double[][][] {{muPi}}, sigmaPi,
                PolicyKl.Direction.POLICY_TO_CONTROLLER).perStep()[0];
        double[] mp = controllerMean(controller, 0, x);
        double[] cp = controller.covariance()[0];
        SplitMix64 rng = new SplitMix64(2024);
        int draws = 200_000;
        double sumPq = 0;
        double sumSqPq = 0;
        double sumQp = 0;
        double sumSqQp = 0;
        for (int i = 0; i < draws; i++) {
            double[] u = sample(rng, mp, cp);
            double r = logDensity(u, mp, cp) - logDensity(u, muPi, sigmaPi);
            sumPq += r;
            sumSqPq += r * r;
            double[] v = sample(rng, muPi, sigmaPi);
            double s = logDensity(v, muPi, sigmaPi) - logDensity(v, mp, cp);
            sumQp += s;
            sumSqQp += s * s;
        }
        double meanPq = sumPq / draws;
        double sePq = Math.sqrt((sumSqPq / draws - meanPq * meanPq) / draws);
        double meanQp = sumQp / draws;
        double seQp = Math.sqrt((sumSqQp / draws - meanQp * meanQp) / draws);
        assertEquals(exactPq, meanPq, 5 * sePq, "KL(p‖π) " + exactPq + " vs sampled " + meanPq + " ± " + sePq);
        assertEquals(exactQp, meanQp, 5 * seQp, "KL(π‖p) " + exactQp + " vs sampled " + meanQp + " ± " + seQp);
        // The constant matters: a ±½dU error would be 1.0 here, far outside the sampling error.
        assertTrue(sePq < 0.01 && seQp < 0.01);
    }

    private static double[] sample(SplitMix64 rng, double[] mean, double[] cov) {
        double l00 = Math.sqrt(cov[0]);
        double l10 = cov[2] / l00;
        double l11 = Math.sqrt(cov[3] - l10 * l10);
        double z0 = rng.nextNormal();
        double z1 = rng.nextNormal();
        return new double[] {mean[0] + l00 * z0, mean[1] + l10 * z0 + l11 * z1};
    }

    private static double logDensity(double[] u, double[] mean, double[] cov) {
        double det = cov[0] * cov[3] - cov[1] * cov[2];
        double d0 = u[0] - mean[0];
        double d1 = u[1] - mean[1];
        double quad = (cov[3] * d0 * d0 - 2 * cov[1] * d0 * d1 + cov[0] * d1 * d1) / det;
        return -0.5 * quad - 0.5 * Math.log(det) - Math.log(2 * Math.PI);
    }

    @Property(tries = 30)
    void laplaceEqualsTheTrajectoryPackagesClosedFormInBothDirections(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int dX, @ForAll @IntRange(min = 1, max = 3) int dU,
            @ForAll @IntRange(min = 1, max = 6) int horizon) {
        LocalModel model = BadmmFixtures.model(seed, horizon, dX, dU);
        LinearGaussianPolicy controller = BadmmFixtures.controller(seed + 1, horizon, dX, dU);
        LinearGaussianPolicy policy = BadmmFixtures.controller(seed + 2, horizon, dX, dU);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, dX, dU);
        StateActionMarginals marginals = optimizer.forward(controller, model);
        double[] pq = PolicyKl.laplace(marginals, controller, policy, PolicyKl.Direction.CONTROLLER_TO_POLICY);
        double[] qp = PolicyKl.laplace(marginals, controller, policy, PolicyKl.Direction.POLICY_TO_CONTROLLER);
        double[] reference = PolicyKl.laplaceAsReference(marginals, controller, policy);
        // KlDivergence.perStepClosedForm(marginals, a, b) = E_{x ~ marginals} KL(a(·|x) ‖ b(·|x)).
        double[] expectedPq = KlDivergence.perStepClosedForm(marginals, controller, policy);
        double[] expectedQp = KlDivergence.perStepClosedForm(marginals, policy, controller);
        double[] self = PolicyKl.laplace(marginals, controller, controller, PolicyKl.Direction.POLICY_TO_CONTROLLER);
        for (int t = 0; t < horizon; t++) {
            assertEquals(expectedPq[t], pq[t], 1e-10 * (1 + expectedPq[t]));
            assertEquals(expectedQp[t], qp[t], 1e-10 * (1 + expectedQp[t]));
            assertEquals(pq[t] + dU, reference[t], 1e-12 * (1 + reference[t]));
            assertEquals(0, self[t], 1e-12);
        }
    }

    /**
     * The constrained-GPS augmentation replaces KL(π̂ ‖ p) by KL(p ‖ π̂); its justification is that the two agree to
     * second order where p = π̂: halving the perturbation must shrink their difference about eightfold, while each
     * divergence shrinks only about fourfold.
     */
    @Test
    void bothDirectionsAgreeToSecondOrderNearAgreement() {
        int horizon = 3;
        LocalModel model = BadmmFixtures.model(11, horizon, 3, 2);
        LinearGaussianPolicy controller = BadmmFixtures.controller(12, horizon, 3, 2);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), horizon, 3, 2);
        StateActionMarginals marginals = optimizer.forward(controller, model);
        double[] gap = new double[2];
        double[] size = new double[2];
        for (int i = 0; i < 2; i++) {
            double scale = 0.02 / (1 << i);
            LinearGaussianPolicy near = BadmmFixtures.perturbed(controller, 13, scale);
            double[] pq = PolicyKl.laplace(marginals, controller, near, PolicyKl.Direction.CONTROLLER_TO_POLICY);
            double[] qp = PolicyKl.laplace(marginals, controller, near, PolicyKl.Direction.POLICY_TO_CONTROLLER);
            gap[i] = Math.abs(KlDivergence.total(pq) - KlDivergence.total(qp));
            size[i] = KlDivergence.total(pq);
        }
        double gapRatio = gap[0] / gap[1];
        double sizeRatio = size[0] / size[1];
        assertEquals(4, sizeRatio, 0.4, "KL ratio " + sizeRatio);
        assertEquals(8, gapRatio, 1.2, "gap ratio " + gapRatio);
        assertTrue(gap[1] < 0.05 * size[1], "gap " + gap[1] + " vs KL " + size[1]);
    }
}
