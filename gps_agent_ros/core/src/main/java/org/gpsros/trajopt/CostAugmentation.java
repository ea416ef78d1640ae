package org.gpsros.trajopt;

import org.gpsros.policy.LinearGaussianPolicy;

/**
 * How an algorithm turns the cost into the KL-augmented cost that the LQR backward pass minimises for a given
 * dual variable η (reference {@code compute_costs(m, eta)}, study §3.6 table; Levine &amp; Abbeel 2014 §3.1).
 *
 * <p>With M(K,P) = [[KᵀPK, −KᵀP], [−PK, P]] and v(K,k,P) = [KᵀPk; −Pk] (the quadratic and linear parts of
 * −log p̄(u|x)) of the KL reference controller p̄ and ν = maxEntropyWeight:
 * <ul>
 * <li>{@link #trajOpt}: fCm = Cm/(η+ν) + η/(η+ν)·M(K̄,P̄), fcv = cv/(η+ν) + η/(η+ν)·v(K̄,k̄,P̄), with p̄ the
 *     current linear-Gaussian controller (AlgorithmTrajOpt, PILQR);</li>
 * <li>{@link #mdgps}: fCm = (Cm + η·M(K^π,P^π))/(η+ν), fcv = (cv + η·v(K^π,k^π,P^π))/(η+ν), with p̄ the
 *     linearised global policy (MDGPS).</li>
 * </ul>
 * The two are the same algebra with another reference controller; they differ only in rounding. BADMM (extra
 * policy term with weights w_t, Lagrange-modified cost and the value scaling (w_{t+1}+η)/(w_t+η)) is meant to be
 * a third subclass: the backward pass asks each augmentation only for the per-step augmented cost and the
 * value-function scale, so adding it does not touch the backward-pass loop.
 *
 * <p>The η-independent terms M and v are computed once, at construction. Instances are immutable.
 */
public abstract sealed class CostAugmentation permits CostAugmentation.TrajOpt, CostAugmentation.Mdgps {
    private final LinearGaussianPolicy klReference;
    private final double maxEntropyWeight;
    /** M_t, lower triangle: row a has min(a+2, n) values (one past the diagonal, zero, so rows pair up). */
    final double[][][] klHessianLower;
    /** v_t, length stateDim + actionDim. */
    final double[][] klLinear;
    /** ½ k̄ᵀP̄k̄ (the constant of −log p̄ without the log-determinant), for {@link #augmentedCost} only. */
    private final double[] klConstant;

    private CostAugmentation(LinearGaussianPolicy klReference, double maxEntropyWeight) {
        if (!(maxEntropyWeight >= 0) || Double.isInfinite(maxEntropyWeight)) {
            throw new IllegalArgumentException("maxEntropyWeight must be finite and ≥ 0, got " + maxEntropyWeight);
        }
        this.klReference = klReference;
        this.maxEntropyWeight = maxEntropyWeight;
        int horizon = klReference.horizon();
        int dX = klReference.stateDim();
        int dU = klReference.actionDim();
        int n = dX + dU;
        klHessianLower = new double[horizon][n][];
        klLinear = new double[horizon][n];
        klConstant = new double[horizon];
        double[][] pk = new double[dU][dX];
        double[] pkOffset = new double[dU];
        for (int t = 0; t < horizon; t++) {
            double[] gains = klReference.feedbackGains()[t];
            double[] offset = klReference.feedforward()[t];
            double[] precision = klReference.precision()[t];
            for (int u = 0; u < dU; u++) {
                double[] row = pk[u];
                java.util.Arrays.fill(row, 0);
                double s = 0;
                for (int w = 0; w < dU; w++) {
                    double p = precision[u * dU + w];
                    for (int j = 0; j < dX; j++) {
                        row[j] += p * gains[w * dX + j];
                    }
                    s += p * offset[w];
                }
                pkOffset[u] = s;
            }
            double[][] m = klHessianLower[t];
            double[] v = klLinear[t];
            double c = 0;
            for (int a = 0; a < dX; a++) {
                double[] row = new double[Math.min(a + 2, n)];
                for (int u = 0; u < dU; u++) {
                    double kua = gains[u * dX + a];
                    double[] pku = pk[u];
                    for (int b = 0; b <= a; b++) {
                        row[b] += kua * pku[b];
                    }
                }
                m[a] = row;
                double s = 0;
                for (int u = 0; u < dU; u++) {
                    s += gains[u * dX + a] * pkOffset[u];
                }
                v[a] = s;
            }
            for (int u = 0; u < dU; u++) {
                double[] row = new double[Math.min(dX + u + 2, n)];
                for (int j = 0; j < dX; j++) {
                    row[j] = -pk[u][j];
                }
                for (int w = 0; w <= u; w++) {
                    row[dX + w] = precision[u * dU + w];
                }
                m[dX + u] = row;
                v[dX + u] = -pkOffset[u];
                c += offset[u] * pkOffset[u];
            }
            klConstant[t] = 0.5 * c;
        }
    }

    /** TrajOpt / PILQR form: KL to the current linear-Gaussian controller (study §3.6 table, first row). */
    public static CostAugmentation trajOpt(LinearGaussianPolicy previousController, double maxEntropyWeight) {
        return new TrajOpt(previousController, maxEntropyWeight);
    }

    /** MDGPS form: KL to the linearised global policy N(K^π x + k^π, S^π) (study §3.6 table, second row). */
    public static CostAugmentation mdgps(LinearGaussianPolicy policyLinearisation, double maxEntropyWeight) {
        return new Mdgps(policyLinearisation, maxEntropyWeight);
    }

    /** The controller p̄ the KL bound is measured against (reference {@code prev_traj_distr}). */
    public LinearGaussianPolicy klReference() {
        return klReference;
    }

    /** ν, the weight of the maximum-entropy term (reference {@code max_ent_traj}). */
    public double maxEntropyWeight() {
        return maxEntropyWeight;
    }

    /**
     * Writes the augmented cost of step t for dual variable η (hot path; no allocation): fCm = Cm/(η+ν) +
     * η/(η+ν)·M and fcv = cv/(η+ν) + η/(η+ν)·v, the TrajOpt and MDGPS rows of the study §3.6 table alike.
     *
     * @param costHessianLower symmetrised Cm_t, lower rows of length ≥ min(a+2, n) (not modified)
     * @param costLinear cv_t (not modified)
     * @param outHessianLower fCm_t, lower triangle of each row written, possibly one entry past the diagonal
     *                        (modified)
     * @param outLinear fcv_t (modified)
     */
    void writeAugmentedCost(int t, double eta, double[][] costHessianLower, double[] costLinear,
                            double[][] outHessianLower, double[] outLinear) {
        double scale = 1.0 / (eta + maxEntropyWeight());
        double weight = eta / (eta + maxEntropyWeight());
        double[][] m = klHessianLower[t];
        int n = m.length;
        int a = 0;
        for (; a + 1 < n; a += 2) {
            // Rows a and a+1 over [0, a+2); entry (a, a+1) is above the diagonal and never read.
            double[] out0 = outHessianLower[a];
            double[] out1 = outHessianLower[a + 1];
            double[] cm0 = costHessianLower[a];
            double[] cm1 = costHessianLower[a + 1];
            double[] m0 = m[a];
            double[] m1 = m[a + 1];
            for (int b = 0; b < a + 2; b++) {
                out0[b] = Math.fma(weight, m0[b], cm0[b] * scale);
                out1[b] = Math.fma(weight, m1[b], cm1[b] * scale);
            }
        }
        if (a < n) {
            double[] out = outHessianLower[a];
            double[] cm = costHessianLower[a];
            double[] ma = m[a];
            for (int b = 0; b <= a; b++) {
                out[b] = Math.fma(weight, ma[b], cm[b] * scale);
            }
        }
        double[] v = klLinear[t];
        for (int j = 0; j < v.length; j++) {
            outLinear[j] = costLinear[j] * scale + weight * v[j];
        }
    }

    /** Augmented constant term cc/(η+ν) + η/(η+ν)·½k̄ᵀP̄k̄, for {@link #augmentedCost} (not used by the backward pass). */
    double augmentedConstant(int t, double eta, double costConstant) {
        return costConstant / (eta + maxEntropyWeight()) + eta / (eta + maxEntropyWeight()) * klConstant(t);
    }

    /** Factor on the next step's value function in the backward pass (1 here; BADMM: (w_{t+1}+η)/(w_t+η)). */
    double valueScale(int t, double eta) {
        return 1.0;
    }

    /**
     * The augmented cost (fCm, fcv) for one η as a new {@link QuadraticCost} (reference {@code compute_costs}).
     * The constant term is combined the same way from cc and ½k̄ᵀP̄k̄; the backward pass does not use it.
     */
    public QuadraticCost augmentedCost(QuadraticCost cost, double eta) {
        int horizon = cost.horizon();
        int dX = cost.stateDim();
        int n = dX + cost.actionDim();
        if (horizon != klReference.horizon() || dX != klReference.stateDim() || cost.actionDim() != klReference.actionDim()) {
            throw new IllegalArgumentException("cost and KL reference controller have different shapes");
        }
        double[][] lower = new double[n][n];
        double[][] costLower = new double[n][n];
        double[] constant = new double[horizon];
        double[][] linear = new double[horizon][n];
        double[][] hessian = new double[horizon][n * n];
        for (int t = 0; t < horizon; t++) {
            double[] cm = cost.hessian()[t];
            for (int a = 0; a < n; a++) {
                for (int b = 0; b <= a; b++) {
                    costLower[a][b] = 0.5 * (cm[a * n + b] + cm[b * n + a]);
                }
            }
            writeAugmentedCost(t, eta, costLower, cost.linear()[t], lower, linear[t]);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b <= a; b++) {
                    hessian[t][a * n + b] = lower[a][b];
                    hessian[t][b * n + a] = lower[a][b];
                }
            }
            constant[t] = augmentedConstant(t, eta, cost.constant()[t]);
        }
        return new QuadraticCost(dX, cost.actionDim(), constant, linear, hessian);
    }

    double klConstant(int t) {
        return klConstant[t];
    }

    /** TrajOpt / PILQR: the KL reference is the controller that produced the samples. */
    static final class TrajOpt extends CostAugmentation {
        TrajOpt(LinearGaussianPolicy previousController, double maxEntropyWeight) {
            super(previousController, maxEntropyWeight);
        }
    }

    /** MDGPS: the KL reference is the linearised global policy; (Cm + η·M)/(η+ν) is the same weighted sum. */
    static final class Mdgps extends CostAugmentation {
        Mdgps(LinearGaussianPolicy policyLinearisation, double maxEntropyWeight) {
            super(policyLinearisation, maxEntropyWeight);
        }
    }
}
