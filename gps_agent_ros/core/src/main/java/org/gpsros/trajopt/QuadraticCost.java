package org.gpsros.trajopt;

import java.util.List;
import org.gpsros.cost.CostDerivatives;

/**
 * A second-order expansion of the cost around ξ = [x; u] = 0, averaged over samples (study §3.1):
 * cost_t(ξ) ≈ constant_t + linear_tᵀ ξ + ½ ξᵀ hessian_t ξ. {@code linear[t]} has stateDim + actionDim values;
 * {@code hessian[t]} is row-major {@code (stateDim+actionDim)²}. Immutable by contract.
 *
 * @param constant cc, length horizon
 * @param linear cv
 * @param hessian Cm
 */
public record QuadraticCost(int stateDim, int actionDim, double[] constant, double[][] linear, double[][] hessian) {

    public QuadraticCost {
        if (stateDim <= 0 || actionDim <= 0) {
            throw new IllegalArgumentException("stateDim and actionDim must be positive, got " + stateDim + ", " + actionDim);
        }
        int horizon = constant.length;
        int dim = stateDim + actionDim;
        if (linear.length != horizon || hessian.length != horizon) {
            throw new IllegalArgumentException("cost linear/hessian have " + linear.length + "/" + hessian.length
                    + " time steps, constant " + horizon);
        }
        for (int t = 0; t < horizon; t++) {
            if (linear[t].length != dim) {
                throw new IllegalArgumentException("cost linear[" + t + "] has " + linear[t].length + " values, expected " + dim);
            }
            if (hessian[t].length != dim * dim) {
                throw new IllegalArgumentException("cost hessian[" + t + "] has " + hessian[t].length + " values, expected " + dim * dim);
            }
        }
    }

    public int horizon() {
        return constant.length;
    }

    /**
     * Re-expands per-sample cost derivatives around ξ = 0 and averages them over samples (reference
     * {@code Algorithm._eval_cost}, study §3.1): with ŷ = [x_t; u_t], g = [ℓx; ℓu] and
     * H = [[ℓxx, ℓuxᵀ], [ℓux, ℓuu]], {@code cc = ℓ − ŷᵀg + ½ŷᵀHŷ}, {@code cv = g − Hᵀŷ}, {@code Cm = H}.
     *
     * @param derivatives one per sample (not modified)
     * @param states {@code samples × horizon × stateDim} (not modified)
     * @param actions {@code samples × horizon × actionDim} (not modified)
     */
    public static QuadraticCost expand(List<CostDerivatives> derivatives, double[][][] states, double[][][] actions) {
        int samples = derivatives.size();
        if (samples == 0) {
            throw new IllegalArgumentException("cost expansion needs at least one sample");
        }
        if (states.length != samples || actions.length != samples) {
            throw new IllegalArgumentException("got " + samples + " cost derivatives but " + states.length
                    + " state and " + actions.length + " action trajectories");
        }
        CostDerivatives first = derivatives.get(0);
        int horizon = first.horizon();
        int dX = first.stateDim();
        int dU = first.actionDim();
        int n = dX + dU;
        double[] cc = new double[horizon];
        double[][] cv = new double[horizon][n];
        double[][] cm = new double[horizon][n * n];
        double[] y = new double[n];
        double[] g = new double[n];
        double[] h = new double[n * n];
        for (int s = 0; s < samples; s++) {
            CostDerivatives d = derivatives.get(s);
            if (d.horizon() != horizon || d.stateDim() != dX || d.actionDim() != dU) {
                throw new IllegalArgumentException("cost derivatives of sample " + s + " have shape " + d.horizon() + "×"
                        + d.stateDim() + "/" + d.actionDim() + ", sample 0 has " + horizon + "×" + dX + "/" + dU);
            }
            if (states[s].length < horizon || actions[s].length < horizon) {
                throw new IllegalArgumentException("sample " + s + " has fewer than " + horizon + " states or actions");
            }
            for (int t = 0; t < horizon; t++) {
                double[] x = states[s][t];
                double[] u = actions[s][t];
                if (x.length != dX || u.length != dU) {
                    throw new IllegalArgumentException("sample " + s + " step " + t + ": state/action length "
                            + x.length + "/" + u.length + ", expected " + dX + "/" + dU);
                }
                System.arraycopy(x, 0, y, 0, dX);
                System.arraycopy(u, 0, y, dX, dU);
                System.arraycopy(d.stateGradient()[t], 0, g, 0, dX);
                System.arraycopy(d.actionGradient()[t], 0, g, dX, dU);
                assembleHessian(d.stateHessian()[t], d.actionHessian()[t], d.actionStateHessian()[t], dX, dU, h);
                // cv_update_j = Σ_i H_ij (−ŷ_i); cc += −ŷᵀg + ½ (−ŷ)ᵀ cv_update
                double c = d.value()[t];
                double linearPart = 0;
                double quadraticPart = 0;
                for (int j = 0; j < n; j++) {
                    double update = 0;
                    for (int i = 0; i < n; i++) {
                        update -= h[i * n + j] * y[i];
                    }
                    linearPart -= y[j] * g[j];
                    quadraticPart -= y[j] * update;
                    cv[t][j] += g[j] + update;
                }
                cc[t] += c + linearPart + 0.5 * quadraticPart;
                double[] cmt = cm[t];
                for (int i = 0; i < n * n; i++) {
                    cmt[i] += h[i];
                }
            }
        }
        for (int t = 0; t < horizon; t++) {
            cc[t] /= samples;
            for (int j = 0; j < n; j++) {
                cv[t][j] /= samples;
            }
            for (int i = 0; i < n * n; i++) {
                cm[t][i] /= samples;
            }
        }
        return new QuadraticCost(dX, dU, cc, cv, cm);
    }

    /** The true per-step costs ℓ_t of every sample, {@code samples × horizon} (reference {@code cs}); fresh arrays. */
    public static double[][] sampleCosts(List<CostDerivatives> derivatives) {
        double[][] costs = new double[derivatives.size()][];
        for (int s = 0; s < costs.length; s++) {
            costs[s] = derivatives.get(s).value().clone();
        }
        return costs;
    }

    /** The expansion evaluated at one state-action point: cc_t + cv_tᵀξ + ½ξᵀCm_tξ. */
    public double evaluate(int t, double[] stateAction) {
        int n = stateDim + actionDim;
        if (stateAction.length != n) {
            throw new IllegalArgumentException("state-action point has " + stateAction.length + " values, expected " + n);
        }
        double value = constant[t];
        double[] cv = linear[t];
        double[] cm = hessian[t];
        for (int i = 0; i < n; i++) {
            double row = 0;
            for (int j = 0; j < n; j++) {
                row += cm[i * n + j] * stateAction[j];
            }
            value += stateAction[i] * (cv[i] + 0.5 * row);
        }
        return value;
    }

    /** H = [[ℓxx, ℓuxᵀ], [ℓux, ℓuu]], row-major (n = dX + dU). */
    private static void assembleHessian(double[] lxx, double[] luu, double[] lux, int dX, int dU, double[] h) {
        int n = dX + dU;
        for (int i = 0; i < dX; i++) {
            System.arraycopy(lxx, i * dX, h, i * n, dX);
            for (int u = 0; u < dU; u++) {
                h[i * n + dX + u] = lux[u * dX + i];
            }
        }
        for (int u = 0; u < dU; u++) {
            System.arraycopy(lux, u * dX, h, (dX + u) * n, dX);
            System.arraycopy(luu, u * dU, h, (dX + u) * n + dX, dU);
        }
    }
}
