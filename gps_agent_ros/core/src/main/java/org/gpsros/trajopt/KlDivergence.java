package org.gpsros.trajopt;

import org.gpsros.policy.LinearGaussianPolicy;

/**
 * KL divergence between two linear-Gaussian controllers, per time step, under given state-action marginals
 * (reference {@code traj_distr_kl} and {@code traj_distr_kl_alt}, study §3.6). Allocates small scratch arrays per
 * call; the dual search uses the workspace version in {@link LqrTrajectoryOptimizer} instead.
 */
public final class KlDivergence {
    private KlDivergence() {
    }

    /**
     * KL_t = max(0, E_{(x,u) ~ N(μ_t, Σ_t)}[log p_new(u|x) − log p_prev(u|x)]) for any joint marginals (reference
     * {@code traj_distr_kl}; with the new controller's own marginals this is E_x KL(p_new(·|x) ‖ p_prev(·|x))).
     * Evaluated as ½(E_prev − E_new) − ½log|Σ_new| + ½log|Σ_prev| with E_c = d_cᵀP_c d_c + tr(P_c G_c),
     * d_c = μ_u − K_cμ_x − k_c and G_c = Cov(u − K_c x), which is the reference's M/v/c form rearranged.
     *
     * @param marginals joint marginals p(x_t, u_t) (not modified)
     * @return KL_t, length horizon
     */
    public static double[] perStep(StateActionMarginals marginals, LinearGaussianPolicy newPolicy,
                                   LinearGaussianPolicy previous) {
        check(marginals, newPolicy, previous);
        int horizon = marginals.horizon();
        int dX = marginals.stateDim();
        int dU = marginals.actionDim();
        double[] out = new double[horizon];
        double[] b = new double[dU * (dX + dU)];
        double[] d = new double[dU];
        for (int t = 0; t < horizon; t++) {
            double[] mu = marginals.means()[t];
            double[] sigma = marginals.covariances()[t];
            double eNew = expectedQuadratic(mu, sigma, newPolicy, t, dX, dU, b, d);
            double ePrev = expectedQuadratic(mu, sigma, previous, t, dX, dU, b, d);
            double logDetNew = RowKernels.logDetFromCholesky(newPolicy.covarianceCholesky()[t], dU);
            double logDetPrev = RowKernels.logDetFromCholesky(previous.covarianceCholesky()[t], dU);
            out[t] = Math.max(0, 0.5 * (ePrev - eNew) - 0.5 * logDetNew + 0.5 * logDetPrev);
        }
        return out;
    }

    /**
     * Closed-form Gaussian KL averaged over the state part N(μx_t, Σx_t) of the given marginals (reference
     * {@code traj_distr_kl_alt}, used with the previous controller's marginals when {@code use_prev_distr}):
     * ½(log|Σ_prev| − log|Σ_new| − dU + tr(P_prev Σ_new) + dᵀP_prev d + tr(ΔKᵀP_prevΔK Σx)), d = ΔKμx + Δk,
     * Δ = prev − new, clipped at 0.
     */
    public static double[] perStepClosedForm(StateActionMarginals marginals, LinearGaussianPolicy newPolicy,
                                             LinearGaussianPolicy previous) {
        check(marginals, newPolicy, previous);
        int horizon = marginals.horizon();
        int dX = marginals.stateDim();
        int dU = marginals.actionDim();
        int n = dX + dU;
        double[] out = new double[horizon];
        double[] dK = new double[dU * dX];
        double[] d = new double[dU];
        double[] r = new double[dU * dX];
        for (int t = 0; t < horizon; t++) {
            double[] mu = marginals.means()[t];
            double[] sigma = marginals.covariances()[t];
            double[] kn = newPolicy.feedbackGains()[t];
            double[] kp = previous.feedbackGains()[t];
            double[] p = previous.precision()[t];
            for (int i = 0; i < dU * dX; i++) {
                dK[i] = kp[i] - kn[i];
            }
            for (int u = 0; u < dU; u++) {
                double s = previous.feedforward()[t][u] - newPolicy.feedforward()[t][u];
                for (int j = 0; j < dX; j++) {
                    s += dK[u * dX + j] * mu[j];
                }
                d[u] = s;
                for (int j = 0; j < dX; j++) {
                    double sum = 0;
                    for (int k = 0; k < dX; k++) {
                        sum += dK[u * dX + k] * sigma[k * n + j];
                    }
                    r[u * dX + j] = sum;
                }
            }
            double trace = 0;
            double quad = 0;
            double[] sNew = newPolicy.covariance()[t];
            for (int u = 0; u < dU; u++) {
                for (int v = 0; v < dU; v++) {
                    double sum = 0;
                    for (int j = 0; j < dX; j++) {
                        sum += r[u * dX + j] * dK[v * dX + j];
                    }
                    trace += p[u * dU + v] * (sum + sNew[v * dU + u]);
                    quad += d[u] * p[u * dU + v] * d[v];
                }
            }
            double logDetNew = RowKernels.logDetFromCholesky(newPolicy.covarianceCholesky()[t], dU);
            double logDetPrev = RowKernels.logDetFromCholesky(previous.covarianceCholesky()[t], dU);
            out[t] = Math.max(0, 0.5 * (logDetPrev - logDetNew - dU + trace + quad));
        }
        return out;
    }

    /** Σ_t of an array of per-step divergences. */
    public static double total(double[] perStep) {
        double sum = 0;
        for (double v : perStep) {
            sum += v;
        }
        return sum;
    }

    /**
     * E[(u − Kx − k)ᵀ P (u − Kx − k)] under N(μ, Σ) = dᵀPd + tr(P G), d = μu − Kμx − k, G = [−K I] Σ [−K I]ᵀ.
     * {@code b} (dU × n) and {@code d} (dU) are scratch.
     */
    private static double expectedQuadratic(double[] mu, double[] sigma, LinearGaussianPolicy c, int t, int dX, int dU,
                                            double[] b, double[] d) {
        int n = dX + dU;
        double[] gains = c.feedbackGains()[t];
        double[] offset = c.feedforward()[t];
        double[] p = c.precision()[t];
        // Rows of B = [−K I] Σ (dU × n).
        for (int u = 0; u < dU; u++) {
            double s = mu[dX + u] - offset[u];
            for (int j = 0; j < dX; j++) {
                s -= gains[u * dX + j] * mu[j];
            }
            d[u] = s;
            for (int col = 0; col < n; col++) {
                double sum = sigma[(dX + u) * n + col];
                for (int j = 0; j < dX; j++) {
                    sum -= gains[u * dX + j] * sigma[j * n + col];
                }
                b[u * n + col] = sum;
            }
        }
        double result = 0;
        for (int u = 0; u < dU; u++) {
            for (int v = 0; v < dU; v++) {
                // G_vu = B_v · [−K I]_u
                double gvu = b[v * n + dX + u];
                for (int j = 0; j < dX; j++) {
                    gvu -= b[v * n + j] * gains[u * dX + j];
                }
                result += p[u * dU + v] * (gvu + d[u] * d[v]);
            }
        }
        return result;
    }

    private static void check(StateActionMarginals marginals, LinearGaussianPolicy a, LinearGaussianPolicy b) {
        for (LinearGaussianPolicy p : new LinearGaussianPolicy[] {a, b}) {
            if (p.horizon() != marginals.horizon() || p.stateDim() != marginals.stateDim()
                    || p.actionDim() != marginals.actionDim()) {
                throw new IllegalArgumentException("controller shape " + p.horizon() + "×" + p.stateDim() + "/"
                        + p.actionDim() + " does not match the marginals " + marginals.horizon() + "×"
                        + marginals.stateDim() + "/" + marginals.actionDim());
            }
        }
    }
}
