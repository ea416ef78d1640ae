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
 * The two are the same algebra with another reference controller; they differ only in rounding. The forms with
 * a second, policy KL term weighted per step ({@link #badmm}, {@link #constrainedGps}) are described at
 * {@link PolicyWeighted}: the backward pass asks each augmentation only for the per-step augmented cost and the
 * value-function scale, so they do not touch the backward-pass loop.
 *
 * <p>The η-independent terms M and v are computed once, at construction. Instances are immutable.
 */
public abstract sealed class CostAugmentation
        permits CostAugmentation.TrajOpt, CostAugmentation.Mdgps, CostAugmentation.PolicyWeighted {
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
        klHessianLower = new double[horizon][][];
        klLinear = new double[horizon][];
        klConstant = new double[horizon];
        negativeLogDensityTerms(klReference, klHessianLower, klLinear, klConstant);
    }

    /**
     * The quadratic form of −log N(u; Kx + k, Σ) without its normaliser ½log|2πΣ|: ½ξᵀMξ + vᵀξ + c with
     * M = [[KᵀPK, −KᵀP], [−PK, P]], v = [KᵀPk; −Pk], c = ½kᵀPk (P = Σ⁻¹, ξ = [x; u]).
     *
     * @param hessianLower out, per step the lower rows of M, row a of length min(a+2, n) (one zero past the diagonal)
     * @param linear out, per step v
     * @param constant out, per step c
     */
    static void negativeLogDensityTerms(LinearGaussianPolicy controller, double[][][] hessianLower,
                                        double[][] linear, double[] constant) {
        int horizon = controller.horizon();
        int dX = controller.stateDim();
        int dU = controller.actionDim();
        int n = dX + dU;
        double[][] pk = new double[dU][dX];
        double[] pkOffset = new double[dU];
        for (int t = 0; t < horizon; t++) {
            double[] gains = controller.feedbackGains()[t];
            double[] offset = controller.feedforward()[t];
            double[] precision = controller.precision()[t];
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
            double[][] m = new double[n][];
            double[] v = new double[n];
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
            hessianLower[t] = m;
            linear[t] = v;
            constant[t] = 0.5 * c;
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

    /**
     * BADMM form (Levine et al. 2016 §4.1, Eq. (3) and Appendix A.4; reference {@code AlgorithmBADMM.compute_costs},
     * study §3.6 table, third row): the cost with the Lagrange modification cv'_u = cv_u − λ_k,t,
     * Cm'_ux = Cm_ux − λ_K,t (and its transpose), plus the KL to the previous controller with weight η and the KL
     * to the linearised global policy with weight w_t, normalised by η + w_t + ν; the backward pass scales the
     * next step's value function by (η + w_{t+1} + ν)/(η + w_t + ν). See {@link PolicyWeighted}.
     *
     * @param previousController p̄ = the current controller (the KL bound is measured against it)
     * @param policyLinearisation π̂ = N(K^π_t x + k^π_t, S^π_t), the linearised global policy (its precision is used)
     * @param policyWeights w_t ≥ 0 (reference {@code pol_wt}), length horizon (copied)
     * @param meanDuals λ_k,t, {@code horizon × actionDim} (reference {@code lambda_k}; copied)
     * @param gainDuals λ_K,t, {@code horizon × (actionDim·stateDim)} row-major (reference {@code lambda_K}; copied)
     * @param maxEntropyWeight ν (reference {@code max_ent_traj})
     */
    public static CostAugmentation badmm(LinearGaussianPolicy previousController, LinearGaussianPolicy policyLinearisation,
                                         double[] policyWeights, double[][] meanDuals, double[][] gainDuals,
                                         double maxEntropyWeight) {
        return new Badmm(previousController, policyLinearisation, policyWeights, meanDuals, gainDuals, maxEntropyWeight);
    }

    /**
     * Constrained GPS under unknown dynamics (Levine &amp; Abbeel 2014 §4, Algorithm 1 line 5): the cost plus
     * Σ_t λ_t·(policy KL term), with the KL bound to the previous controller still enforced through η. The policy
     * term is the convex surrogate E_{p(x_t)} KL(p(u_t|x_t) ‖ π̂(u_t|x_t)) of the paper's
     * D_KL(p(x_t)π_θ(u_t|x_t) ‖ p(x_t,u_t)); the derivation and why the surrogate is used are at
     * {@link PolicyWeighted}. Algebraically this is {@link #badmm} with λ_k = λ_K = 0 and w_t = λ_t.
     *
     * @param previousController p̄ = the current controller (the KL bound is measured against it)
     * @param policyLinearisation π̂ = N(K^π_t x + k^π_t, S^π_t), the linearised global policy
     * @param policyDuals λ_t ≥ 0 of this condition (the paper's λ_{i,t}), length horizon (copied)
     * @param maxEntropyWeight ν (0 in the paper: the trajectory objective is the plain expected cost)
     */
    public static CostAugmentation constrainedGps(LinearGaussianPolicy previousController,
                                                  LinearGaussianPolicy policyLinearisation, double[] policyDuals,
                                                  double maxEntropyWeight) {
        return new ConstrainedGps(previousController, policyLinearisation, policyDuals, maxEntropyWeight);
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

    /**
     * Factor on the next step's value function in the backward pass at step t &lt; horizon − 1 (1 here; with a
     * per-step policy weight: (η + w_{t+1} + ν)/(η + w_t + ν)).
     */
    double valueScale(int t, double eta) {
        return 1.0;
    }

    /**
     * Whether the per-time-step-constraint backward pass may use this augmentation. That pass uses the raw cost
     * and only {@link #klReference()}; the reference does the same for BADMM ({@code compute_costs(augment=False)}),
     * silently dropping the policy and Lagrange terms, so augmentations with such terms refuse it instead.
     */
    boolean supportsPerTimeStepConstraints() {
        return true;
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

    /**
     * The augmented costs with a second, per-step weighted KL term to the linearised global policy
     * π̂(u|x) = N(K^π_t x + k^π_t, S^π_t): BADMM and constrained GPS. With p̄ the previous controller, w_t ≥ 0 the
     * policy weights, the affine Lagrange multiplier λ_K,t x + λ_k,t on the action (zero for constrained GPS) and
     * α_t = η + w_t + ν:
     * <pre>
     *   fCm_t = (Cm'_t + η·M(K̄,P̄) + w_t·M(K^π,P^π)) / α_t,   Cm'_ux = Cm_ux − λ_K,t  (and Cm'_xu = Cm_xuᵀ)
     *   fcv_t = (cv'_t + η·v(K̄,k̄,P̄) + w_t·v(K^π,k^π,P^π)) / α_t,   cv'_u = cv_u − λ_k,t
     *   value scale c_t = α_{t+1} / α_t
     * </pre>
     *
     * <p><b>Derivation (BADMM; Levine et al. 2016 §4.1 Eq. (3) and Appendix A.4).</b> The trajectory step minimises
     * Σ_t E_p[ℓ − uᵀλ_t] + w_t E_{p(x_t)} KL(p(u_t|x_t) ‖ π̂(u_t|x_t)) subject to KL(p ‖ p̄) ≤ ε. The reference
     * makes the multiplier affine in x, λ_t(x) = λ_K,t x + λ_k,t (λ_K = 0 with its default
     * {@code policy_dual_rate_covar = 0}), and −uᵀ(λ_K x + λ_k) = ½ξᵀ[[0, −λ_Kᵀ], [−λ_K, 0]]ξ − [0; λ_k]ᵀξ is the
     * Lagrange modification above. Since KL(p ‖ π̂) = E_p[−log π̂] − H(p), the Lagrangian of the step is
     * Σ_t E_p[c_t − η log p̄] − (η + w_t + ν)·H(p(u_t|x_t)) with c_t = ℓ' − w_t log π̂ (ν adds the optional
     * maximum-entropy term −νH). Dividing step t by α_t gives the max-entropy LQR problem of Appendix A.4 with the
     * cost c̃_t above (−log p̄, −log π̂ are ½ξᵀMξ + vᵀξ + const) and entropy weight 1 at every step. As α_t varies
     * over t, the normalised value Ṽ_t = V_t/α_t of the soft Bellman recursion V_t = min_p E_p[Q_t] − α_t H(p) gives
     * Q̃_t = c̃_t + (α_{t+1}/α_t)·E[Ṽ_{t+1}(x_{t+1})]: that is the value scale. The controller is
     * N(−Q̃_uu⁻¹(Q̃_ux x + q̃_u), Q̃_uu⁻¹) with Q̃_uu⁻¹ = α_t Q_uu⁻¹ of the un-normalised recursion. The reference
     * scales by (w_{t+1} + η)/(w_t + η), without ν: the same for ν = 0 (its default and every example), not
     * consistent otherwise; this class includes ν. With w_t constant the scale is 1 and BADMM is TrajOpt on the cost
     * ℓ' + w·(−log π̂) with maximum-entropy weight ν + w.
     *
     * <p><b>Derivation (constrained GPS; Levine &amp; Abbeel 2014 §4, Algorithm 1).</b> The paper's Lagrangian is
     * E_p[ℓ(τ)] + Σ_t λ_t D_KL(p(x_t)π_θ(u_t|x_t) ‖ p(x_t,u_t)) = … + λ_t E_{p(x_t)} KL(π_θ(·|x_t) ‖ p(·|x_t)),
     * minimised over p under KL(p ‖ p̂) ≤ ε. With π_θ linearised to π̂ and p(u|x) = N(Kx + k, Σ), P = Σ⁻¹,
     * d(x) = Kx + k − K^πx − k^π, this term is λ_t·½E_x[tr(P S^π) + d(x)ᵀP d(x) − dU + ln|Σ| − ln|S^π|]: the
     * precision P of the controller being optimised weighs the mean mismatch and ln|Σ| enters with a plus sign,
     * so the step is not "E_p[quadratic] − αH(p)". Its stationarity conditions couple mean and covariance (for fixed
     * mean: λ P S̃ P − (λ − η − ν)P − Q_uu = 0 with S̃ = S^π + E[ddᵀ], a quadratic matrix equation), which is why
     * the paper needs the modified, forward-backward dynamic programming of Levine &amp; Koltun 2014 (called
     * non-convex in Levine et al. 2016 §4.4). Here the term is replaced by the surrogate
     * λ_t E_{p(x_t)} KL(p(u_t|x_t) ‖ π̂(u_t|x_t)) = λ_t E_p[−log π̂(u|x)] − λ_t H(p(u_t|x_t)), where
     * −log π̂(u|x) = ½ξᵀM(K^π,P^π)ξ + v(K^π,k^π,P^π)ᵀξ + const is a quadratic in (x, u) built from the policy
     * linearisation exactly like the η term from p̄, and −λ_t H joins the entropy weight: α_t = η + λ_t + ν. That is
     * the BADMM row with w_t = λ_t and no Lagrange terms, which the existing KL-constrained update solves exactly.
     * Why the surrogate is sound: both divergences are zero exactly when p(u|x) = π̂(u|x), agree to second order
     * around that point (KL(a ‖ b) − KL(b ‖ a) = O(‖a − b‖³): both are ½ the Fisher quadratic form) and, each taken
     * alone in Σ, are minimised at Σ = S^π; the penalty method drives the two towards agreement, where they
     * coincide. The dual increments and reported divergences keep the paper's direction
     * ({@code org.gpsros.algorithm.cgps}). The paper's entropy penalty acts on the policy (the S-step), not here.
     */
    abstract static sealed class PolicyWeighted extends CostAugmentation
            permits CostAugmentation.Badmm, CostAugmentation.ConstrainedGps {
        private final LinearGaussianPolicy policyLinearisation;
        private final double[] policyWeights;
        /** λ_k,t and λ_K,t (row-major dU × dX); null when all zero. */
        private final double[][] meanDuals;
        private final double[][] gainDuals;
        private final double[][][] policyHessianLower;
        private final double[][] policyLinear;
        private final double[] policyConstant;

        PolicyWeighted(LinearGaussianPolicy previousController, LinearGaussianPolicy policyLinearisation,
                       double[] policyWeights, double[][] meanDuals, double[][] gainDuals, double maxEntropyWeight,
                       String weightName) {
            super(previousController, maxEntropyWeight);
            int horizon = previousController.horizon();
            int dX = previousController.stateDim();
            int dU = previousController.actionDim();
            if (policyLinearisation.horizon() != horizon || policyLinearisation.stateDim() != dX
                    || policyLinearisation.actionDim() != dU) {
                throw new IllegalArgumentException("policyLinearisation is " + policyLinearisation.horizon()
                        + " steps, stateDim " + policyLinearisation.stateDim() + ", actionDim "
                        + policyLinearisation.actionDim() + "; the previous controller is " + horizon + ", " + dX
                        + ", " + dU);
            }
            if (policyWeights.length != horizon) {
                throw new IllegalArgumentException(weightName + " needs " + horizon + " values, got " + policyWeights.length);
            }
            for (int t = 0; t < horizon; t++) {
                double w = policyWeights[t];
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException(weightName + "[" + t + "] must be finite and ≥ 0, got " + w);
                }
            }
            this.policyLinearisation = policyLinearisation;
            this.policyWeights = policyWeights.clone();
            this.meanDuals = meanDuals == null ? null : copyChecked("meanDuals", meanDuals, horizon, dU);
            this.gainDuals = gainDuals == null ? null : copyChecked("gainDuals", gainDuals, horizon, dU * dX);
            policyHessianLower = new double[horizon][][];
            policyLinear = new double[horizon][];
            policyConstant = new double[horizon];
            negativeLogDensityTerms(policyLinearisation, policyHessianLower, policyLinear, policyConstant);
        }

        private static double[][] copyChecked(String name, double[][] a, int rows, int cols) {
            if (a.length != rows) {
                throw new IllegalArgumentException(name + " has " + a.length + " time steps, expected " + rows);
            }
            double[][] copy = new double[rows][];
            for (int t = 0; t < rows; t++) {
                if (a[t].length != cols) {
                    throw new IllegalArgumentException(name + "[" + t + "] has " + a[t].length + " values, expected " + cols);
                }
                for (double v : a[t]) {
                    if (!Double.isFinite(v)) {
                        throw new IllegalArgumentException(name + "[" + t + "] contains " + v);
                    }
                }
                copy[t] = a[t].clone();
            }
            return copy;
        }

        /** π̂, the linearised global policy of the second KL term. */
        public LinearGaussianPolicy policyLinearisation() {
            return policyLinearisation;
        }

        /** w_t (BADMM) or λ_t (constrained GPS), a copy. */
        public double[] policyWeights() {
            return policyWeights.clone();
        }

        private double normaliser(int t, double eta) {
            return eta + policyWeights[t] + maxEntropyWeight();
        }

        /**
         * fCm = (Cm' + η·M̄ + w_t·M^π)/α_t and fcv = (cv' + η·v̄ + w_t·v^π)/α_t (hot path; no allocation). Written
         * as Cm·(1/α_t) + (η/α_t)·M̄ + (w_t/α_t)·M^π − λ/α_t so that w_t = 0 and λ = 0 reproduce the TrajOpt
         * form's values exactly.
         */
        @Override
        void writeAugmentedCost(int t, double eta, double[][] costHessianLower, double[] costLinear,
                                double[][] outHessianLower, double[] outLinear) {
            double denominator = normaliser(t, eta);
            double scale = 1.0 / denominator;
            double weight = eta / denominator;
            double policyWeight = policyWeights[t] / denominator;
            double[][] m = klHessianLower[t];
            double[][] mp = policyHessianLower[t];
            int n = m.length;
            for (int a = 0; a < n; a++) {
                double[] out = outHessianLower[a];
                double[] cm = costHessianLower[a];
                double[] ma = m[a];
                double[] pa = mp[a];
                for (int b = 0; b <= a; b++) {
                    out[b] = Math.fma(weight, ma[b], Math.fma(policyWeight, pa[b], cm[b] * scale));
                }
            }
            double[] v = klLinear[t];
            double[] vp = policyLinear[t];
            for (int j = 0; j < n; j++) {
                outLinear[j] = costLinear[j] * scale + weight * v[j] + policyWeight * vp[j];
            }
            int dX = klReference().stateDim();
            int dU = n - dX;
            if (gainDuals != null) {
                double[] lk = gainDuals[t];
                for (int u = 0; u < dU; u++) {
                    double[] out = outHessianLower[dX + u];
                    for (int j = 0; j < dX; j++) {
                        out[j] = Math.fma(-scale, lk[u * dX + j], out[j]);
                    }
                }
            }
            if (meanDuals != null) {
                double[] lk = meanDuals[t];
                for (int u = 0; u < dU; u++) {
                    outLinear[dX + u] = Math.fma(-scale, lk[u], outLinear[dX + u]);
                }
            }
        }

        /** (cc + η·½k̄ᵀP̄k̄ + w_t·½k^πᵀP^πk^π)/α_t (the Lagrange term has no constant). */
        @Override
        double augmentedConstant(int t, double eta, double costConstant) {
            double denominator = normaliser(t, eta);
            return costConstant / denominator + eta / denominator * klConstant(t)
                    + policyWeights[t] / denominator * policyConstant[t];
        }

        /** α_{t+1}/α_t = (η + w_{t+1} + ν)/(η + w_t + ν); exactly 1 where w_{t+1} = w_t. */
        @Override
        double valueScale(int t, double eta) {
            return normaliser(t + 1, eta) / normaliser(t, eta);
        }

        @Override
        boolean supportsPerTimeStepConstraints() {
            return false;
        }
    }

    /** BADMM: policy weights w_t and the Lagrange-modified cost (reference {@code AlgorithmBADMM.compute_costs}). */
    static final class Badmm extends PolicyWeighted {
        Badmm(LinearGaussianPolicy previousController, LinearGaussianPolicy policyLinearisation, double[] policyWeights,
              double[][] meanDuals, double[][] gainDuals, double maxEntropyWeight) {
            super(previousController, policyLinearisation, policyWeights,
                    java.util.Objects.requireNonNull(meanDuals, "meanDuals"),
                    java.util.Objects.requireNonNull(gainDuals, "gainDuals"), maxEntropyWeight, "policyWeights");
        }
    }

    /** Constrained GPS (Levine &amp; Abbeel 2014 Alg. 1): policy duals λ_t as weights, no Lagrange terms. */
    static final class ConstrainedGps extends PolicyWeighted {
        ConstrainedGps(LinearGaussianPolicy previousController, LinearGaussianPolicy policyLinearisation,
                       double[] policyDuals, double maxEntropyWeight) {
            super(previousController, policyLinearisation, policyDuals, null, null, maxEntropyWeight, "policyDuals");
        }
    }
}
