package org.gpsros.trajopt;

import static org.gpsros.trajopt.RowKernels.addRows;
import static org.gpsros.trajopt.RowKernels.addRowsPair;
import static org.gpsros.trajopt.RowKernels.addRowsQuad;
import static org.gpsros.trajopt.RowKernels.cholesky;
import static org.gpsros.trajopt.RowKernels.dot;
import static org.gpsros.trajopt.RowKernels.logDetFromCholesky;
import static org.gpsros.trajopt.RowKernels.mirrorLower;
import static org.gpsros.trajopt.RowKernels.multiplyAdd;
import static org.gpsros.trajopt.RowKernels.setRows;
import static org.gpsros.trajopt.RowKernels.setRowsPair;
import static org.gpsros.trajopt.RowKernels.zero4;

import org.gpsros.dynamics.InitialStateDistribution;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.policy.LinearGaussianPolicy;

/**
 * Preallocated arrays and the hot loops of LQR-FLM for one (horizon, stateDim, actionDim): backward pass,
 * forward pass to state marginals, and the KL between the working controller and the KL reference controller.
 * Nothing here allocates after construction. Inputs are copied into row form once and cached by object identity
 * (the value types are immutable by contract), so a dual search with fixed dynamics, cost and reference
 * controller converts them once. Not thread-safe.
 *
 * <p>Notation in the hot methods (study §3.6): n = dX + dU; Q (rows {@code q}, lower triangle) and q ({@code qv})
 * are the Q-function's quadratic and linear terms; V ({@code value}) and v ({@code valueLinear}) the value
 * function of the next step; F_t = [f_x f_u] ({@code fRows}, and its transpose {@code fCols}), f_t
 * ({@code fOffset}); K, k, Σ_u the new controller.
 */
final class LqrWorkspace {
    final int horizon;
    final int stateDim;
    final int actionDim;
    final int dim;

    // Dynamics in row form.
    private final double[][][] fRows;
    private final double[][][] fCols;
    private final double[][] fOffset;
    private final double[][][] dynamicsCovariance;
    private LinearGaussianDynamics dynamicsSource;

    // Cost: symmetrised Cm lower rows, cv.
    private final double[][][] costHessian;
    private final double[][] costLinear;
    private QuadraticCost costSource;

    // KL reference controller p̄.
    final double[][][] refGains;
    final double[][] refOffset;
    final double[][] refPrecision;
    final double[][] refCholesky;
    final double[] refLogDet;
    private final double[][][] refPrecisionGains;
    private final double[][] refPrecisionOffset;
    private LinearGaussianPolicy refSource;

    // Working (new) controller.
    final double[][][] gains;
    final double[][] offset;
    final double[][] covariance;
    /** A square root G of Σ_u (Σ_u = G Gᵀ): L_A⁻ᵀ, upper triangular; the lower Cholesky is made at output. */
    final double[][] covarianceFactor;
    final double[][] precision;
    final double[] logDet;

    // Another controller for forward passes of given policies.
    private final double[][][] otherGains;
    private final double[][] otherOffset;
    private final double[][] otherCholesky;
    private LinearGaussianPolicy otherSource;

    // Backward scratch.
    private final double[][] q;
    private final double[] qv;
    private final double[][] w;
    private final double[][] value;
    private final double[] valueLinear;
    private final double[] y;
    private final double[] quu;
    private final double[] cholQuu;
    private final double[] inverseChol;
    private final double[][] quuGains;
    private final double[] coefU;
    private final double[] coefU2;
    private final double[] coefX;
    private final double[] coefX2;
    private final double[] coefU3;

    // Forward scratch and state marginals.
    final double[][] stateMean;
    final double[][][] stateCovariance;
    final double[][] previousStateMean;
    final double[][][] previousStateCovariance;
    private final double[][] closedLoopT;
    private final double[][] s;
    private final double[][] noiseT;
    private final double[] xi;

    // KL scratch.
    private final double[][] deltaGains;
    private final double[][] r;
    private final double[] deltaMean;
    private final double[] z;
    private final double[] g;
    final double[] klPerStep;

    LqrWorkspace(int horizon, int stateDim, int actionDim) {
        if (horizon <= 0 || stateDim <= 0 || actionDim <= 0) {
            throw new IllegalArgumentException("horizon, stateDim and actionDim must be positive, got "
                    + horizon + ", " + stateDim + ", " + actionDim);
        }
        this.horizon = horizon;
        this.stateDim = stateDim;
        this.actionDim = actionDim;
        this.dim = stateDim + actionDim;
        int n = dim;
        int dX = stateDim;
        int dU = actionDim;
        fRows = new double[horizon][dX][n];
        fCols = new double[horizon][n][dX];
        fOffset = new double[horizon][dX];
        dynamicsCovariance = new double[horizon][dX][dX];
        costHessian = new double[horizon][n][n];
        costLinear = new double[horizon][n];
        refGains = new double[horizon][dU][dX];
        refOffset = new double[horizon][dU];
        refPrecision = new double[horizon][dU * dU];
        refCholesky = new double[horizon][dU * dU];
        refLogDet = new double[horizon];
        refPrecisionGains = new double[horizon][dU][dX];
        refPrecisionOffset = new double[horizon][dU];
        gains = new double[horizon][dU][dX];
        offset = new double[horizon][dU];
        covariance = new double[horizon][dU * dU];
        covarianceFactor = new double[horizon][dU * dU];
        precision = new double[horizon][dU * dU];
        logDet = new double[horizon];
        otherGains = new double[horizon][dU][dX];
        otherOffset = new double[horizon][dU];
        otherCholesky = new double[horizon][dU * dU];
        q = new double[n][n];
        qv = new double[n];
        w = new double[dX][n];
        value = new double[dX][dX];
        valueLinear = new double[dX];
        y = new double[dX];
        quu = new double[dU * dU];
        cholQuu = new double[dU * dU];
        inverseChol = new double[dU * dU];
        quuGains = new double[dU][dX];
        coefU = new double[dU];
        coefU2 = new double[dU];
        coefX = new double[Math.max(dX, n)];
        coefX2 = new double[Math.max(dX, n)];
        coefU3 = new double[dU];
        stateMean = new double[horizon][dX];
        stateCovariance = new double[horizon][dX][dX];
        previousStateMean = new double[horizon][dX];
        previousStateCovariance = new double[horizon][dX][dX];
        closedLoopT = new double[dX][dX];
        s = new double[dX][dX];
        noiseT = new double[dU][dX];
        xi = new double[n];
        deltaGains = new double[dU][dX];
        r = new double[dU][dX];
        deltaMean = new double[dU];
        z = new double[dX];
        g = new double[dU * dU];
        klPerStep = new double[horizon];
    }

    // ---------------------------------------------------------------------------------------------------------
    // Loading inputs (cached by identity).

    void loadDynamics(LinearGaussianDynamics dynamics) {
        if (dynamics == dynamicsSource) {
            return;
        }
        int dX = stateDim;
        int n = dim;
        for (int t = 0; t < horizon; t++) {
            double[] jac = dynamics.jacobian()[t];
            double[][] rows = fRows[t];
            double[][] cols = fCols[t];
            for (int i = 0; i < dX; i++) {
                System.arraycopy(jac, i * n, rows[i], 0, n);
                for (int a = 0; a < n; a++) {
                    cols[a][i] = jac[i * n + a];
                }
            }
            System.arraycopy(dynamics.offset()[t], 0, fOffset[t], 0, dX);
            double[] cov = dynamics.covariance()[t];
            for (int i = 0; i < dX; i++) {
                System.arraycopy(cov, i * dX, dynamicsCovariance[t][i], 0, dX);
            }
        }
        dynamicsSource = dynamics;
    }

    void loadCost(QuadraticCost cost) {
        if (cost == costSource) {
            return;
        }
        int n = dim;
        for (int t = 0; t < horizon; t++) {
            double[] cm = cost.hessian()[t];
            double[][] rows = costHessian[t];
            for (int a = 0; a < n; a++) {
                double[] row = rows[a];
                for (int b = 0; b <= a; b++) {
                    row[b] = 0.5 * (cm[a * n + b] + cm[b * n + a]);
                }
            }
            System.arraycopy(cost.linear()[t], 0, costLinear[t], 0, n);
        }
        costSource = cost;
    }

    void loadReference(LinearGaussianPolicy reference) {
        if (reference == refSource) {
            return;
        }
        int dX = stateDim;
        int dU = actionDim;
        for (int t = 0; t < horizon; t++) {
            double[] k = reference.feedbackGains()[t];
            for (int u = 0; u < dU; u++) {
                System.arraycopy(k, u * dX, refGains[t][u], 0, dX);
            }
            System.arraycopy(reference.feedforward()[t], 0, refOffset[t], 0, dU);
            System.arraycopy(reference.precision()[t], 0, refPrecision[t], 0, dU * dU);
            System.arraycopy(reference.covarianceCholesky()[t], 0, refCholesky[t], 0, dU * dU);
            refLogDet[t] = logDetFromCholesky(refCholesky[t], dU);
            double[] p = refPrecision[t];
            for (int u = 0; u < dU; u++) {
                setRows(refPrecisionGains[t][u], p, u * dU, refGains[t], 0, dU, dX);
                double so = 0;
                for (int v = 0; v < dU; v++) {
                    so += p[u * dU + v] * refOffset[t][v];
                }
                refPrecisionOffset[t][u] = so;
            }
        }
        refSource = reference;
    }

    /** Copies a policy into the "other" slot for forward passes. */
    void loadOther(LinearGaussianPolicy policy) {
        if (policy == otherSource) {
            return;
        }
        int dX = stateDim;
        int dU = actionDim;
        for (int t = 0; t < horizon; t++) {
            double[] k = policy.feedbackGains()[t];
            for (int u = 0; u < dU; u++) {
                System.arraycopy(k, u * dX, otherGains[t][u], 0, dX);
            }
            System.arraycopy(policy.feedforward()[t], 0, otherOffset[t], 0, dU);
            System.arraycopy(policy.covarianceCholesky()[t], 0, otherCholesky[t], 0, dU * dU);
        }
        otherSource = policy;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Backward pass.

    /**
     * One backward pass with a scalar η and a KL-augmented cost (study §3.6, "standard" column).
     *
     * @return −1 on success, else the time step whose Q_uu was not positive definite
     */
    int backwardGlobal(CostAugmentation augmentation, double eta) {
        for (int t = horizon - 1; t >= 0; t--) {
            augmentation.writeAugmentedCost(t, eta, costHessian[t], costLinear[t], q, qv);
            if (t < horizon - 1) {
                addNextValue(t, augmentation.valueScale(t, eta));
            }
            if (!solveStandard(t)) {
                return t;
            }
            valueStandard(t);
        }
        return -1;
    }

    /**
     * One backward pass with one η_t per step: raw cost, KL entering through A = Q_uu/η_t + P̄_t
     * (study §3.6, "cons_per_step" column).
     *
     * @return −1 on success, else the time step whose A was not positive definite
     */
    int backwardPerStep(double[] eta) {
        int n = dim;
        for (int t = horizon - 1; t >= 0; t--) {
            double[][] cm = costHessian[t];
            for (int a = 0; a < n; a++) {
                System.arraycopy(cm[a], 0, q[a], 0, a + 1);
            }
            System.arraycopy(costLinear[t], 0, qv, 0, n);
            if (t < horizon - 1) {
                addNextValue(t, 1.0);
            }
            if (!solvePerStep(t, eta[t])) {
                return t;
            }
            valuePerStep(t);
        }
        return -1;
    }

    /**
     * Q += c·FᵀVF (lower triangle), q += c·Fᵀ(v + V f), with V, v of step t+1 (c = 1 except BADMM).
     * W = V F is formed row by row; then Q_a[0..a] += Σ_i F_ia W_i[0..a].
     */
    private void addNextValue(int t, double c) {
        int dX = stateDim;
        int n = dim;
        double[][] f = fRows[t];
        double[][] ft = fCols[t];
        double[] fo = fOffset[t];
        int i = 0;
        for (; i + 3 < dX; i += 4) {
            zero4(w[i], w[i + 1], w[i + 2], w[i + 3], n);
            addRowsQuad(w[i], value[i], w[i + 1], value[i + 1], w[i + 2], value[i + 2], w[i + 3], value[i + 3], f, 0,
                    dX, n);
        }
        for (; i + 1 < dX; i += 2) {
            setRowsPair(w[i], value[i], 0, w[i + 1], value[i + 1], 0, f, 0, dX, n);
        }
        if (i < dX) {
            setRows(w[i], value[i], f, dX, n);
        }
        if (c != 1.0) {
            for (int r = 0; r < dX; r++) {
                double[] wr = w[r];
                for (int j = 0; j < n; j++) {
                    wr[j] *= c;
                }
            }
        }
        // Rows in fours (a..a+3) over [0, a+4), then pairs over [0, a+2); the entries above the diagonal are zeroed
        // first and never read.
        int a = 0;
        for (; a + 3 < n; a += 4) {
            double[] q0 = q[a];
            double[] q1 = q[a + 1];
            double[] q2 = q[a + 2];
            double[] q3 = q[a + 3];
            q0[a + 1] = 0;
            q0[a + 2] = 0;
            q0[a + 3] = 0;
            q1[a + 2] = 0;
            q1[a + 3] = 0;
            q2[a + 3] = 0;
            addRowsQuad(q0, ft[a], q1, ft[a + 1], q2, ft[a + 2], q3, ft[a + 3], w, 0, dX, a + 4);
        }
        for (; a + 1 < n; a += 2) {
            q[a][a + 1] = 0;
            addRowsPair(q[a], ft[a], 0, q[a + 1], ft[a + 1], 0, w, 0, dX, a + 2);
        }
        if (a < n) {
            addRows(q[a], ft[a], 0, w, 0, dX, a + 1);
        }
        // y = c (v + V f); V is symmetric, so V f = Σ_k f_k V_k (rows).
        System.arraycopy(valueLinear, 0, y, 0, dX);
        addRows(y, fo, 0, value, 0, dX, dX);
        if (c != 1.0) {
            for (int r = 0; r < dX; r++) {
                y[r] *= c;
            }
        }
        addRows(qv, y, 0, f, 0, dX, n);
    }

    /** Standard: A = Q_uu, b = q_u, B = Q_ux; Σ = A⁻¹, k = −A⁻¹b, K = −A⁻¹B. */
    private boolean solveStandard(int t) {
        int dX = stateDim;
        int dU = actionDim;
        double[] a = quu;
        for (int u = 0; u < dU; u++) {
            double[] row = q[dX + u];
            for (int v = 0; v <= u; v++) {
                double x = row[dX + v];
                a[u * dU + v] = x;
                a[v * dU + u] = x;
            }
        }
        double[][] kt = gains[t];
        double[] ko = offset[t];
        for (int u = 0; u < dU; u++) {
            System.arraycopy(q[dX + u], 0, kt[u], 0, dX);
            ko[u] = qv[dX + u];
        }
        return solveControl(t);
    }

    /** Per step: A = Q_uu/η_t + P̄_t, b = q_u/η_t − P̄_t k̄_t, B = Q_ux/η_t − P̄_t K̄_t. */
    private boolean solvePerStep(int t, double eta) {
        int dX = stateDim;
        int dU = actionDim;
        double inv = 1.0 / eta;
        double[] p = refPrecision[t];
        double[] a = quu;
        for (int u = 0; u < dU; u++) {
            double[] row = q[dX + u];
            for (int v = 0; v <= u; v++) {
                double x = row[dX + v] * inv;
                a[u * dU + v] = x + p[u * dU + v];
                a[v * dU + u] = x + p[v * dU + u];
            }
        }
        double[][] kt = gains[t];
        double[] ko = offset[t];
        double[][] pk = refPrecisionGains[t];
        double[] pko = refPrecisionOffset[t];
        for (int u = 0; u < dU; u++) {
            double[] row = q[dX + u];
            double[] ku = kt[u];
            double[] pku = pk[u];
            for (int j = 0; j < dX; j++) {
                ku[j] = row[j] * inv - pku[j];
            }
            ko[u] = qv[dX + u] * inv - pko[u];
        }
        return solveControl(t);
    }

    /**
     * With {@code quu} = A (full, symmetric) and B, b already in the gain rows and offset of step t: Cholesky of
     * A, Σ = A⁻¹, chol(Σ), and K = −A⁻¹B, k = −A⁻¹b in place.
     */
    private boolean solveControl(int t) {
        int dX = stateDim;
        int dU = actionDim;
        double[] l = cholQuu;
        if (!cholesky(quu, dU, l)) {
            return false;
        }
        // L⁻¹ by forward substitution; Σ = L⁻ᵀL⁻¹ = G Gᵀ with G = L⁻ᵀ; log|Σ| = −2 log Π L_ii.
        double[] inv = inverseChol;
        double product = 1;
        for (int j = 0; j < dU; j++) {
            product *= l[j * dU + j];
            double rjj = 1.0 / l[j * dU + j];
            for (int i = 0; i < dU; i++) {
                if (i < j) {
                    inv[i * dU + j] = 0;
                    continue;
                }
                double sum = i == j ? 1 : 0;
                for (int k = j; k < i; k++) {
                    sum -= l[i * dU + k] * inv[k * dU + j];
                }
                inv[i * dU + j] = sum * (i == j ? rjj : 1.0 / l[i * dU + i]);
            }
        }
        double[] sigma = covariance[t];
        double[] factor = covarianceFactor[t];
        for (int i = 0; i < dU; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < dU; k++) {
                    sum += inv[k * dU + i] * inv[k * dU + j];
                }
                sigma[i * dU + j] = sum;
                sigma[j * dU + i] = sum;
            }
            for (int j = 0; j < dU; j++) {
                factor[i * dU + j] = inv[j * dU + i];
            }
        }
        System.arraycopy(quu, 0, precision[t], 0, dU * dU);
        logDet[t] = product > 0 && product < Double.POSITIVE_INFINITY
                ? -2 * Math.log(product) : -logDetFromCholesky(l, dU);
        // K = −Σ B and k = −Σ b with Σ = A⁻¹ (B, b are in the gain rows and offset; copy B out first).
        double[][] kt = gains[t];
        double[] ko = offset[t];
        double[][] b = quuGains;
        double[] bo = coefU2;
        for (int u = 0; u < dU; u++) {
            System.arraycopy(kt[u], 0, b[u], 0, dX);
            bo[u] = ko[u];
        }
        double[] c = coefU;
        for (int u = 0; u < dU; u++) {
            double sum = 0;
            for (int v = 0; v < dU; v++) {
                double s = -sigma[u * dU + v];
                c[v] = s;
                sum += s * bo[v];
            }
            ko[u] = sum;
            setRows(kt[u], c, b, dU, dX);
        }
        return true;
    }

    /** Standard value update: V = Q_xx + Q_xu K, v = q_x + Q_xu k (V symmetric from its lower triangle). */
    private void valueStandard(int t) {
        int dX = stateDim;
        int dU = actionDim;
        double[][] kt = gains[t];
        double[] c = coefU;
        double[] c2 = coefU3;
        int i = 0;
        for (; i + 1 < dX; i += 2) {
            // Rows i and i+1 over [0, i+2); value[i][i+1] is overwritten by the mirror below.
            System.arraycopy(q[i], 0, value[i], 0, i + 2);
            System.arraycopy(q[i + 1], 0, value[i + 1], 0, i + 2);
            for (int u = 0; u < dU; u++) {
                double[] qu = q[dX + u];
                c[u] = qu[i];
                c2[u] = qu[i + 1];
            }
            addRowsPair(value[i], c, 0, value[i + 1], c2, 0, kt, 0, dU, i + 2);
        }
        if (i < dX) {
            System.arraycopy(q[i], 0, value[i], 0, i + 1);
            for (int u = 0; u < dU; u++) {
                c[u] = q[dX + u][i];
            }
            addRows(value[i], c, 0, kt, 0, dU, i + 1);
        }
        mirrorLower(value, dX);
        System.arraycopy(qv, 0, valueLinear, 0, dX);
        addRows(valueLinear, offset[t], 0, q, dX, dU, dX);
    }

    /**
     * General value update for a K that does not minimise Q (per-step constraints):
     * V = Q_xx + KᵀQ_uuK + Q_xuK + KᵀQ_ux, v = q_x + Kᵀq_u + KᵀQ_uu k + Q_xu k.
     */
    private void valuePerStep(int t) {
        int dX = stateDim;
        int dU = actionDim;
        double[][] kt = gains[t];
        double[] ko = offset[t];
        // Raw Q_uu (full) into quu, then Q_uu K rows and Q_uu k.
        for (int u = 0; u < dU; u++) {
            double[] row = q[dX + u];
            for (int v = 0; v <= u; v++) {
                quu[u * dU + v] = row[dX + v];
                quu[v * dU + u] = row[dX + v];
            }
        }
        double[] cq = coefU2;
        for (int u = 0; u < dU; u++) {
            setRows(quuGains[u], quu, u * dU, kt, 0, dU, dX);
            double sum = 0;
            for (int v = 0; v < dU; v++) {
                sum += quu[u * dU + v] * ko[v];
            }
            cq[u] = qv[dX + u] + sum;
        }
        double[] ck = coefU;
        double[] cx = coefX;
        for (int i = 0; i < dX; i++) {
            double[] vi = value[i];
            System.arraycopy(q[i], 0, vi, 0, i + 1);
            for (int u = 0; u < dU; u++) {
                ck[u] = kt[u][i];
                cx[u] = q[dX + u][i];
            }
            addRows(vi, ck, 0, quuGains, 0, dU, i + 1);
            addRows(vi, ck, 0, q, dX, dU, i + 1);
            addRows(vi, cx, 0, kt, 0, dU, i + 1);
        }
        mirrorLower(value, dX);
        System.arraycopy(qv, 0, valueLinear, 0, dX);
        addRows(valueLinear, cq, 0, kt, 0, dU, dX);
        addRows(valueLinear, ko, 0, q, dX, dU, dX);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Forward pass.

    /** State marginals of the working controller. */
    void forwardWorking(InitialStateDistribution initialState) {
        forwardStates(gains, offset, covarianceFactor, initialState, stateMean, stateCovariance);
    }

    /** State marginals of the KL reference controller (for the KL under the previous distribution). */
    void forwardReference(InitialStateDistribution initialState) {
        forwardStates(refGains, refOffset, refCholesky, initialState, previousStateMean, previousStateCovariance);
    }

    /** State marginals of the "other" controller into the working marginals arrays. */
    void forwardOther(InitialStateDistribution initialState) {
        forwardStates(otherGains, otherOffset, otherCholesky, initialState, stateMean, stateCovariance);
    }

    /**
     * μx_{t+1} = F_t [μx; Kμx + k] + f_t and Σx_{t+1} = A Σx Aᵀ + (f_u G)(f_u G)ᵀ + Σᵈ_t with the closed loop
     * A = f_x + f_u K and any square root Σ_u = G Gᵀ ({@code lAll}, row-major), which equals
     * F_t Σ_t F_tᵀ + Σᵈ_t of the reference (study §3.6 forward).
     * Rows {@code closedLoopT} hold Aᵀ, {@code s} holds Σx Aᵀ, {@code noiseT} holds (f_u G)ᵀ.
     */
    private void forwardStates(double[][][] kAll, double[][] kOffset, double[][] lAll, InitialStateDistribution x0,
                               double[][] mean, double[][][] cov) {
        int dX = stateDim;
        int dU = actionDim;
        int n = dim;
        System.arraycopy(x0.mean(), 0, mean[0], 0, dX);
        double[] c0 = x0.covariance();
        for (int i = 0; i < dX; i++) {
            System.arraycopy(c0, i * dX, cov[0][i], 0, dX);
        }
        double[] cu = coefU;
        double[] cx = coefX;
        for (int t = 0; t < horizon - 1; t++) {
            double[][] kt = kAll[t];
            double[] ko = kOffset[t];
            double[] lt = lAll[t];
            double[] mx = mean[t];
            double[][] sx = cov[t];
            double[][] ft = fCols[t];
            // ξ = [μx; K μx + k]; μx' = f + Σ_a ξ_a F_{:,a}.
            System.arraycopy(mx, 0, xi, 0, dX);
            for (int u = 0; u < dU; u++) {
                xi[dX + u] = ko[u] + dot(kt[u], mx, dX);
            }
            double[] next = mean[t + 1];
            System.arraycopy(fOffset[t], 0, next, 0, dX);
            addRows(next, xi, 0, ft, 0, n, dX);
            // Aᵀ rows: (Aᵀ)_k = (f_x)ᵀ_k + Σ_u K_uk (f_u)ᵀ_u, two rows at a time.
            double[] cu2 = coefU3;
            int k = 0;
            for (; k + 1 < dX; k += 2) {
                System.arraycopy(ft[k], 0, closedLoopT[k], 0, dX);
                System.arraycopy(ft[k + 1], 0, closedLoopT[k + 1], 0, dX);
                for (int u = 0; u < dU; u++) {
                    cu[u] = kt[u][k];
                    cu2[u] = kt[u][k + 1];
                }
                addRowsPair(closedLoopT[k], cu, 0, closedLoopT[k + 1], cu2, 0, ft, dX, dU, dX);
            }
            if (k < dX) {
                System.arraycopy(ft[k], 0, closedLoopT[k], 0, dX);
                for (int u = 0; u < dU; u++) {
                    cu[u] = kt[u][k];
                }
                addRows(closedLoopT[k], cu, 0, ft, dX, dU, dX);
            }
            // S = Σx Aᵀ.
            int i = 0;
            for (; i + 1 < dX; i += 2) {
                setRowsPair(s[i], sx[i], 0, s[i + 1], sx[i + 1], 0, closedLoopT, 0, dX, dX);
            }
            if (i < dX) {
                setRows(s[i], sx[i], closedLoopT, dX, dX);
            }
            // (f_u G)ᵀ rows for any square root G of Σ_u: N_u = Σ_v G_vu (f_u)ᵀ_v.
            for (int u = 0; u < dU; u++) {
                for (int v = 0; v < dU; v++) {
                    cu[v] = lt[v * dU + u];
                }
                setRows(noiseT[u], cu, 0, ft, dX, dU, dX);
            }
            // Σx'_i[0..i] = Σ_k A_ik S_k[0..i] + Σ_u N_ui N_u[0..i] + Σᵈ_i[0..i], rows in pairs over [0, i+2);
            // the entry above the diagonal is overwritten by the mirror.
            double[][] nextCov = cov[t + 1];
            double[][] dc = dynamicsCovariance[t];
            double[] cx2 = coefX2;
            i = 0;
            for (; i + 1 < dX; i += 2) {
                for (int kk = 0; kk < dX; kk++) {
                    double[] row = closedLoopT[kk];
                    cx[kk] = row[i];
                    cx2[kk] = row[i + 1];
                }
                double[] r0 = nextCov[i];
                double[] r1 = nextCov[i + 1];
                setRowsPair(r0, cx, 0, r1, cx2, 0, s, 0, dX, i + 2);
                for (int u = 0; u < dU; u++) {
                    cu[u] = noiseT[u][i];
                    cu2[u] = noiseT[u][i + 1];
                }
                addRowsPair(r0, cu, 0, r1, cu2, 0, noiseT, 0, dU, i + 2);
                double[] d0 = dc[i];
                double[] d1 = dc[i + 1];
                for (int j = 0; j <= i; j++) {
                    r0[j] += d0[j];
                }
                for (int j = 0; j <= i + 1; j++) {
                    r1[j] += d1[j];
                }
            }
            if (i < dX) {
                for (int kk = 0; kk < dX; kk++) {
                    cx[kk] = closedLoopT[kk][i];
                }
                double[] r0 = nextCov[i];
                setRows(r0, cx, s, dX, i + 1);
                for (int u = 0; u < dU; u++) {
                    cu[u] = noiseT[u][i];
                }
                addRows(r0, cu, 0, noiseT, 0, dU, i + 1);
                double[] d0 = dc[i];
                for (int j = 0; j <= i; j++) {
                    r0[j] += d0[j];
                }
            }
            mirrorLower(nextCov, dX);
        }
    }

    /**
     * Joint marginal of step t: μ = [μx; Kμx + k], Σ = [[Σx, ΣxKᵀ], [KΣx, KΣxKᵀ + Σ_u]] into flat arrays.
     *
     * @param useOther true for the "other" controller, false for the working one
     */
    void jointMarginal(int t, boolean useOther, double[] meanOut, double[] covOut) {
        int dX = stateDim;
        int dU = actionDim;
        int n = dim;
        double[][] kt = useOther ? otherGains[t] : gains[t];
        double[] ko = useOther ? otherOffset[t] : offset[t];
        double[] sigmaU = g;
        if (useOther) {
            double[] l = otherCholesky[t];
            for (int u = 0; u < dU; u++) {
                for (int v = 0; v <= u; v++) {
                    double sum = 0;
                    for (int k = 0; k <= v; k++) {
                        sum += l[u * dU + k] * l[v * dU + k];
                    }
                    sigmaU[u * dU + v] = sum;
                    sigmaU[v * dU + u] = sum;
                }
            }
        } else {
            System.arraycopy(covariance[t], 0, sigmaU, 0, dU * dU);
        }
        double[] mx = stateMean[t];
        double[][] sx = stateCovariance[t];
        System.arraycopy(mx, 0, meanOut, 0, dX);
        for (int u = 0; u < dU; u++) {
            double sum = ko[u];
            for (int j = 0; j < dX; j++) {
                sum += kt[u][j] * mx[j];
            }
            meanOut[dX + u] = sum;
        }
        for (int i = 0; i < dX; i++) {
            System.arraycopy(sx[i], 0, covOut, i * n, dX);
        }
        // (KΣx)_u rows into r.
        for (int u = 0; u < dU; u++) {
            setRows(r[u], kt[u], sx, dX, dX);
            for (int j = 0; j < dX; j++) {
                covOut[(dX + u) * n + j] = r[u][j];
                covOut[j * n + dX + u] = r[u][j];
            }
        }
        for (int u = 0; u < dU; u++) {
            for (int v = 0; v <= u; v++) {
                double value = dot(r[u], kt[v], dX) + sigmaU[u * dU + v];
                covOut[(dX + u) * n + dX + v] = value;
                covOut[(dX + v) * n + dX + u] = value;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // KL divergence.

    /**
     * KL_t between the working controller p and the reference p̄ averaged over the state marginal N(μx, Σx):
     * ½(log|Σ̄| − log|Σ| − dU + tr(P̄Σ) + dᵀP̄d + tr(P̄ ΔK Σx ΔKᵀ)), d = ΔKμx + Δk, Δ = p̄ − p, clipped at 0
     * (reference {@code traj_distr_kl_alt}; under the working controller's own marginals this equals
     * {@code traj_distr_kl}, study §3.6). Fills {@link #klPerStep}.
     *
     * @return Σ_t KL_t
     */
    double klToReference(double[][] mean, double[][][] cov) {
        int dX = stateDim;
        int dU = actionDim;
        double total = 0;
        for (int t = 0; t < horizon; t++) {
            double[][] kn = gains[t];
            double[][] kp = refGains[t];
            double[] mx = mean[t];
            double[][] sx = cov[t];
            double[] p = refPrecision[t];
            double[] sigma = covariance[t];
            for (int u = 0; u < dU; u++) {
                double[] dk = deltaGains[u];
                double[] a = kp[u];
                double[] b = kn[u];
                for (int j = 0; j < dX; j++) {
                    dk[j] = a[j] - b[j];
                }
                deltaMean[u] = refOffset[t][u] - offset[t][u] + dot(dk, mx, dX);
            }
            int u0 = 0;
            for (; u0 + 1 < dU; u0 += 2) {
                setRowsPair(r[u0], deltaGains[u0], 0, r[u0 + 1], deltaGains[u0 + 1], 0, sx, 0, dX, dX);
            }
            if (u0 < dU) {
                setRows(r[u0], deltaGains[u0], sx, dX, dX);
            }
            // tr(P̄ ΔK Σx ΔKᵀ) = Σ_u ΔK_u · Z_u with Z_u = Σ_v P̄_uv (ΔK Σx)_v, accumulated element-wise.
            double[] acc = coefX;
            java.util.Arrays.fill(acc, 0, dX, 0);
            double trace = 0;
            double quad = 0;
            for (int u = 0; u < dU; u++) {
                setRows(z, p, u * dU, r, 0, dU, dX);
                multiplyAdd(acc, deltaGains[u], z, dX);
                double pd = 0;
                for (int v = 0; v < dU; v++) {
                    double puv = p[u * dU + v];
                    trace += puv * sigma[v * dU + u];
                    pd += puv * deltaMean[v];
                }
                quad += deltaMean[u] * pd;
            }
            for (int j = 0; j < dX; j++) {
                trace += acc[j];
            }
            double kl = 0.5 * (refLogDet[t] - logDet[t] - dU + trace + quad);
            kl = Math.max(0, kl);
            klPerStep[t] = kl;
            total += kl;
        }
        return total;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output.

    /**
     * A fresh policy holding a copy of the working controller, with the lower Cholesky factor of each Σ_u.
     *
     * @throws NotPositiveDefiniteException if some Σ_u = Q_uu⁻¹ is numerically not positive definite (Q_uu
     *         conditioned near 1e16; the reference would fail with an uncaught LinAlgError here)
     */
    LinearGaussianPolicy workingPolicy(double[] eta, double maxEta, LinearGaussianDynamics dynamics) {
        int dX = stateDim;
        int dU = actionDim;
        double[][] k = new double[horizon][dU * dX];
        double[][] ko = new double[horizon][];
        double[][] cov = new double[horizon][];
        double[][] chol = new double[horizon][];
        double[][] prec = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            for (int u = 0; u < dU; u++) {
                System.arraycopy(gains[t][u], 0, k[t], u * dX, dX);
            }
            ko[t] = offset[t].clone();
            cov[t] = covariance[t].clone();
            chol[t] = new double[dU * dU];
            if (!cholesky(cov[t], dU, chol[t])) {
                throw new NotPositiveDefiniteException(t, eta[Math.min(t, eta.length - 1)], maxEta,
                        dynamics.containsNaN());
            }
            prec[t] = precision[t].clone();
        }
        return new LinearGaussianPolicy(horizon, dX, dU, k, ko, cov, chol, prec);
    }
}
