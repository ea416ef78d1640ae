package org.gpsros.algorithm.badmm;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.trajopt.StateActionMarginals;

/**
 * Per-step KL divergences between a local controller p(u|x) = N(K_t x + k_t, Σ_t) and the global policy
 * π(u|o) = N(μ_π(o), Σ_π), in either direction, averaged over the controller's state distribution: by Monte Carlo
 * over sample states (reference {@code AlgorithmBADMM._policy_kl}) or in closed form under Gaussian state marginals
 * with the linearised policy π̂(u|x) = N(K^π x + k^π, S^π) (the Laplace estimate of reference
 * {@code AlgorithmBADMM._estimate_cost}; study §3.8, §3.9).
 *
 * <p>For Gaussians with means m_a, m_b, covariances A, B (dimension dU):
 * KL(N_a ‖ N_b) = ½[tr(B⁻¹A) + (m_a − m_b)ᵀB⁻¹(m_a − m_b) − dU + ln|B| − ln|A|].
 * <ul>
 * <li>{@link Direction#CONTROLLER_TO_POLICY}: E_{p(x_t)} KL(p(·|x_t) ‖ π(·|x_t)), BADMM's φ^p_t (Levine et al. 2016
 *     §4.1) and what the reference computes.</li>
 * <li>{@link Direction#POLICY_TO_CONTROLLER}: E_{p(x_t)} KL(π(·|x_t) ‖ p(·|x_t)) = D_KL(p(x_t)π(u_t|x_t) ‖ p(x_t,u_t)),
 *     the divergence of constrained GPS (Levine &amp; Abbeel 2014 §4, Algorithm 1) and BADMM's φ^θ_t.</li>
 * </ul>
 *
 * <p>Constants: the reference's Monte-Carlo estimate is the exact KL (it subtracts ½dU + Σ log diag chol Σ_t). Its
 * Laplace estimate adds +½dU where the exact KL has −½dU, i.e. it is the exact value plus dU
 * ({@link #laplaceAsReference}); in the step-size rule the constant cancels between the predicted and actual
 * improvement because all three estimates use the same weights.
 */
public final class PolicyKl {

    /** Which divergence. */
    public enum Direction {
        /** KL(p ‖ π): controller first (reference {@code _policy_kl}, BADMM). */
        CONTROLLER_TO_POLICY,
        /** KL(π ‖ p): policy first (constrained GPS, Levine &amp; Abbeel 2014). */
        POLICY_TO_CONTROLLER
    }

    /**
     * A Monte-Carlo estimate over sample states.
     *
     * @param perStep mean over samples of the per-sample divergence, length horizon (reference {@code kl_m})
     * @param perSample the divergence at each sample state, {@code samples × horizon} (reference {@code kl})
     */
    public record MonteCarloEstimate(double[] perStep, double[][] perSample) {
        /** Σ_t perStep[t]. */
        public double total() {
            double s = 0;
            for (double v : perStep) {
                s += v;
            }
            return s;
        }
    }

    private PolicyKl() {
    }

    /**
     * The per-step divergence at each sample state x_{n,t} with the policy's mean μ_π(o_{n,t}) evaluated at the
     * sample's observation and a policy covariance that depends neither on the state nor on t (as the global policy's
     * diagonal covariance; the reference makes the same assumption and reads the precision of sample 1).
     *
     * @param controller p(u|x)
     * @param states x_{n,t}, {@code samples × horizon × stateDim} (not modified)
     * @param policyMeans μ_π(o_{n,t}), {@code samples × horizon × actionDim} (not modified)
     * @param policyCovariance Σ_π, row-major actionDim × actionDim, symmetric positive definite (not modified)
     */
    public static MonteCarloEstimate monteCarlo(LinearGaussianPolicy controller, double[][][] states,
                                                double[][][] policyMeans, double[] policyCovariance,
                                                Direction direction) {
        int horizon = controller.horizon();
        int dX = controller.stateDim();
        int dU = controller.actionDim();
        BadmmTargets.checkStates(states, horizon, dX);
        checkMeans(policyMeans, states.length, horizon, dU);
        if (policyCovariance.length != dU * dU) {
            throw new IllegalArgumentException("policyCovariance needs " + dU * dU + " values, got " + policyCovariance.length);
        }
        DMatrixRMaj sigmaPi = new DMatrixRMaj(dU, dU, true, policyCovariance);
        double logDetPi = logDet(sigmaPi, "policyCovariance");
        DMatrixRMaj precisionPi = new DMatrixRMaj(dU, dU);
        CommonOps_DDRM.invertSPD(sigmaPi.copy(), precisionPi);
        CommonOps_DDRM.symmLowerToFull(precisionPi);
        double[] pPi = precisionPi.data;
        int samples = states.length;
        double[] perStep = new double[horizon];
        double[][] perSample = new double[samples][horizon];
        double[] d = new double[dU];
        for (int t = 0; t < horizon; t++) {
            double[] gains = controller.feedbackGains()[t];
            double[] offset = controller.feedforward()[t];
            double[] sigma = controller.covariance()[t];
            double[] precision = controller.precision()[t];
            double logDetController = logDetFromLowerCholesky(controller.covarianceCholesky()[t], dU);
            // The state-independent part: ½[tr(B⁻¹A) − dU + ln|B| − ln|A|].
            double constant;
            double[] weighting;
            if (direction == Direction.CONTROLLER_TO_POLICY) {
                constant = 0.5 * (trace(pPi, sigma, dU) - dU + logDetPi - logDetController);
                weighting = pPi;
            } else {
                constant = 0.5 * (trace(precision, policyCovariance, dU) - dU + logDetController - logDetPi);
                weighting = precision;
            }
            double sum = 0;
            for (int n = 0; n < samples; n++) {
                double[] x = states[n][t];
                double[] mu = policyMeans[n][t];
                for (int u = 0; u < dU; u++) {
                    double a = offset[u];
                    for (int j = 0; j < dX; j++) {
                        a += gains[u * dX + j] * x[j];
                    }
                    d[u] = mu[u] - a;
                }
                double kl = constant + 0.5 * quadratic(weighting, d, dU);
                perSample[n][t] = kl;
                sum += kl;
            }
            perStep[t] = sum / samples;
        }
        return new MonteCarloEstimate(perStep, perSample);
    }

    /**
     * The exact per-step divergence between the controller and the linearised policy π̂ averaged over the Gaussian
     * state marginal N(μx_t, Σx_t) of the controller's own state-action marginals: with d_t = μu_t − K^π_t μx_t − k^π_t
     * (μu_t = K_t μx_t + k_t) and K̃_t = K_t − K^π_t,
     * <pre>
     *   KL(p ‖ π̂): ½[d_tᵀP^π d_t + tr(P^π Σ_t) + tr(K̃ᵀP^πK̃ Σx_t) − dU + ln|S^π_t| − ln|Σ_t|]
     *   KL(π̂ ‖ p): ½[d_tᵀP_t d_t + tr(P_t S^π_t) + tr(K̃ᵀP_tK̃ Σx_t) − dU + ln|Σ_t| − ln|S^π_t|]
     * </pre>
     *
     * @param marginals p(x_t, u_t) of {@code controller} under a model (LqrTrajectoryOptimizer.forward)
     * @param controller p(u|x)
     * @param policyLinearisation π̂, covariance S^π_t (the regression covariance plus the policy covariance)
     * @return the divergence per step, length horizon
     */
    public static double[] laplace(StateActionMarginals marginals, LinearGaussianPolicy controller,
                                   LinearGaussianPolicy policyLinearisation, Direction direction) {
        int horizon = controller.horizon();
        int dX = controller.stateDim();
        int dU = controller.actionDim();
        int n = dX + dU;
        if (marginals.horizon() != horizon || marginals.stateDim() != dX || marginals.actionDim() != dU
                || policyLinearisation.horizon() != horizon || policyLinearisation.stateDim() != dX
                || policyLinearisation.actionDim() != dU) {
            throw new IllegalArgumentException("marginals, controller and policyLinearisation must have the same shape");
        }
        double[] out = new double[horizon];
        double[] d = new double[dU];
        double[] kt = new double[dU * dX];
        double[] r = new double[dU * dX];
        for (int t = 0; t < horizon; t++) {
            double[] mu = marginals.means()[t];
            double[] cov = marginals.covariances()[t];
            double[] gains = controller.feedbackGains()[t];
            double[] policyGains = policyLinearisation.feedbackGains()[t];
            double[] policyOffset = policyLinearisation.feedforward()[t];
            double logDetController = logDetFromLowerCholesky(controller.covarianceCholesky()[t], dU);
            double logDetPolicy = logDetFromLowerCholesky(policyLinearisation.covarianceCholesky()[t], dU);
            for (int u = 0; u < dU; u++) {
                double s = mu[dX + u] - policyOffset[u];
                for (int j = 0; j < dX; j++) {
                    s -= policyGains[u * dX + j] * mu[j];
                    kt[u * dX + j] = gains[u * dX + j] - policyGains[u * dX + j];
                }
                d[u] = s;
            }
            // r = K̃ Σx (dU × dX).
            for (int u = 0; u < dU; u++) {
                for (int j = 0; j < dX; j++) {
                    double s = 0;
                    for (int i = 0; i < dX; i++) {
                        s += kt[u * dX + i] * cov[i * n + j];
                    }
                    r[u * dX + j] = s;
                }
            }
            double[] weighting;
            double trace;
            double logDets;
            if (direction == Direction.CONTROLLER_TO_POLICY) {
                weighting = policyLinearisation.precision()[t];
                trace = trace(weighting, controller.covariance()[t], dU);
                logDets = logDetPolicy - logDetController;
            } else {
                weighting = controller.precision()[t];
                trace = trace(weighting, policyLinearisation.covariance()[t], dU);
                logDets = logDetController - logDetPolicy;
            }
            // tr(K̃ᵀ W K̃ Σx) = Σ_{u,v} W_uv (K̃ Σx K̃ᵀ)_vu.
            double gainTrace = 0;
            for (int u = 0; u < dU; u++) {
                for (int v = 0; v < dU; v++) {
                    double s = 0;
                    for (int j = 0; j < dX; j++) {
                        s += r[v * dX + j] * kt[u * dX + j];
                    }
                    gainTrace += weighting[u * dU + v] * s;
                }
            }
            out[t] = 0.5 * (quadratic(weighting, d, dU) + trace + gainTrace - dU + logDets);
        }
        return out;
    }

    /**
     * The reference's Laplace policy KL (study §3.8): {@link #laplace} in the direction KL(p ‖ π̂) with +½dU in place
     * of −½dU, i.e. the exact value plus dU.
     */
    public static double[] laplaceAsReference(StateActionMarginals marginals, LinearGaussianPolicy controller,
                                              LinearGaussianPolicy policyLinearisation) {
        double[] kl = laplace(marginals, controller, policyLinearisation, Direction.CONTROLLER_TO_POLICY);
        for (int t = 0; t < kl.length; t++) {
            kl[t] += controller.actionDim();
        }
        return kl;
    }

    static void checkMeans(double[][][] means, int samples, int horizon, int actionDim) {
        if (means.length != samples) {
            throw new IllegalArgumentException("policyMeans has " + means.length + " samples, the states " + samples);
        }
        for (int s = 0; s < samples; s++) {
            if (means[s].length != horizon) {
                throw new IllegalArgumentException("policyMeans[" + s + "] has " + means[s].length
                        + " time steps, expected " + horizon);
            }
            for (int t = 0; t < horizon; t++) {
                if (means[s][t].length != actionDim) {
                    throw new IllegalArgumentException("policyMeans[" + s + "][" + t + "] has " + means[s][t].length
                            + " values, expected actionDim " + actionDim);
                }
            }
        }
    }

    /** tr(W A) for row-major dU × dU (A symmetric). */
    private static double trace(double[] w, double[] a, int dU) {
        double s = 0;
        for (int u = 0; u < dU; u++) {
            for (int v = 0; v < dU; v++) {
                s += w[u * dU + v] * a[v * dU + u];
            }
        }
        return s;
    }

    private static double quadratic(double[] w, double[] d, int dU) {
        double s = 0;
        for (int u = 0; u < dU; u++) {
            double row = 0;
            for (int v = 0; v < dU; v++) {
                row += w[u * dU + v] * d[v];
            }
            s += d[u] * row;
        }
        return s;
    }

    static double logDetFromLowerCholesky(double[] lower, int dU) {
        double s = 0;
        for (int i = 0; i < dU; i++) {
            s += Math.log(lower[i * dU + i]);
        }
        return 2 * s;
    }

    private static double logDet(DMatrixRMaj spd, String name) {
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(spd.numRows, true);
        DMatrixRMaj copy = spd.copy();
        if (!chol.decompose(copy)) {
            throw new IllegalArgumentException(name + " is not symmetric positive definite");
        }
        DMatrixRMaj l = chol.getT(null);
        return logDetFromLowerCholesky(l.data, spd.numRows);
    }
}
