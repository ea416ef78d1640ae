package org.gpsros.policy;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * Initial linear-Gaussian controllers for the first GPS iteration (reference {@code lin_gauss_init.py},
 * study §3.7). Both assume the packed state starts with the joint positions followed by the joint
 * velocities, as the reference does.
 */
public final class LinearGaussianInit {
    private LinearGaussianInit() {
    }

    /**
     * A controller that holds x0 on guessed double-integrator dynamics (reference {@code init_lqr}, study §3.7).
     *
     * <p>With g = initialGains, a = initialAccelerations and n = actionDim, the guessed dynamics are
     * x' = F [x; u] + f with F = [[I, dt I, 0, dt² diag(g)], [0, I, 0, dt diag(g)], 0] and
     * f = [a dt², a dt, 0]; the rest of the state maps to zero. The cost is ½ ξᵀ L ξ + lᵀ ξ on ξ = [x; u] with
     * L = diag(stiffness·1_n, stiffness·velocityStiffnessMultiplier·1_n, 0, 1_n) / initialVariance and
     * l = −L [x0; 0], times finalWeight at the last step. A standard LQR backward pass (no noise term) gives
     * K_t = −Q_uu⁻¹ Q_ux, k_t = −Q_uu⁻¹ q_u and the covariance Σ_t = Q_uu⁻¹.
     *
     * @param initialState x0, the packed initial state; stateDim = its length must be ≥ 2·actionDim
     * @param actionDim number of actions n ≥ 1 (one per joint)
     * @param horizon T ≥ 1
     * @param timeStep dt &gt; 0 in seconds
     * @return a controller of {@code horizon × actionDim × stateDim}
     * @throws IllegalArgumentException for inconsistent sizes or non-finite inputs
     */
    public static LinearGaussianPolicy lqr(LinearGaussianInitLqrConfig config, double[] initialState, int actionDim,
                                           int horizon, double timeStep) {
        int stateDim = initialState.length;
        checkCommon(initialState, actionDim, horizon);
        if (stateDim < 2 * actionDim) {
            throw new IllegalArgumentException("the LQR initialiser needs stateDim ≥ 2·actionDim (positions then "
                    + "velocities), got stateDim " + stateDim + ", actionDim " + actionDim);
        }
        if (!(timeStep > 0) || Double.isInfinite(timeStep)) {
            throw new IllegalArgumentException("timeStep must be finite and > 0, got " + timeStep);
        }
        double[] gains = orDefault("initialGains", config.initialGains(), actionDim, 1.0);
        double[] accelerations = orDefault("initialAccelerations", config.initialAccelerations(), actionDim, 0.0);
        int n = stateDim + actionDim;

        // Guessed dynamics F (stateDim × n) and f.
        DMatrixRMaj dynamics = new DMatrixRMaj(stateDim, n);
        DMatrixRMaj offset = new DMatrixRMaj(stateDim, 1);
        double dt = timeStep;
        for (int j = 0; j < actionDim; j++) {
            dynamics.set(j, j, 1.0);
            dynamics.set(j, actionDim + j, dt);
            dynamics.set(j, stateDim + j, dt * dt * gains[j]);
            dynamics.set(actionDim + j, actionDim + j, 1.0);
            dynamics.set(actionDim + j, stateDim + j, dt * gains[j]);
            offset.set(j, accelerations[j] * dt * dt);
            offset.set(actionDim + j, accelerations[j] * dt);
        }

        // Cost: L (diagonal) and l = −L [x0; 0].
        double[] costDiagonal = new double[n];
        for (int j = 0; j < actionDim; j++) {
            costDiagonal[j] = config.stiffness() / config.initialVariance();
            costDiagonal[actionDim + j] = config.stiffness() * config.velocityStiffnessMultiplier() / config.initialVariance();
            costDiagonal[stateDim + j] = 1.0 / config.initialVariance();
        }
        double[] costLinear = new double[n];
        for (int i = 0; i < stateDim; i++) {
            costLinear[i] = -costDiagonal[i] * initialState[i];
        }

        double[][] feedbackGains = new double[horizon][];
        double[][] feedforward = new double[horizon][];
        double[][] covariance = new double[horizon][];
        DMatrixRMaj valueHessian = new DMatrixRMaj(stateDim, stateDim);
        DMatrixRMaj valueGradient = new DMatrixRMaj(stateDim, 1);
        DMatrixRMaj qHessian = new DMatrixRMaj(n, n);
        DMatrixRMaj qGradient = new DMatrixRMaj(n, 1);
        DMatrixRMaj vf = new DMatrixRMaj(stateDim, n);
        DMatrixRMaj future = new DMatrixRMaj(stateDim, 1);
        DMatrixRMaj quu = new DMatrixRMaj(actionDim, actionDim);
        DMatrixRMaj qux = new DMatrixRMaj(actionDim, stateDim);
        DMatrixRMaj qxu = new DMatrixRMaj(stateDim, actionDim);
        DMatrixRMaj qu = new DMatrixRMaj(actionDim, 1);
        DMatrixRMaj gain = new DMatrixRMaj(actionDim, stateDim);
        DMatrixRMaj bias = new DMatrixRMaj(actionDim, 1);
        DMatrixRMaj inverse = new DMatrixRMaj(actionDim, actionDim);
        LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(actionDim);
        for (int t = horizon - 1; t >= 0; t--) {
            double weight = t == horizon - 1 ? config.finalWeight() : 1.0;
            // Q_tt = w L + Fᵀ V_xx F, q_t = w l + Fᵀ (v_x + V_xx f).
            CommonOps_DDRM.mult(valueHessian, dynamics, vf);
            CommonOps_DDRM.multTransA(dynamics, vf, qHessian);
            CommonOps_DDRM.mult(valueHessian, offset, future);
            CommonOps_DDRM.addEquals(future, valueGradient);
            CommonOps_DDRM.multTransA(dynamics, future, qGradient);
            for (int i = 0; i < n; i++) {
                qHessian.add(i, i, weight * costDiagonal[i]);
                qGradient.add(i, 0, weight * costLinear[i]);
            }
            CommonOps_DDRM.extract(qHessian, stateDim, n, stateDim, n, quu, 0, 0);
            CommonOps_DDRM.extract(qHessian, stateDim, n, 0, stateDim, qux, 0, 0);
            CommonOps_DDRM.extract(qHessian, 0, stateDim, stateDim, n, qxu, 0, 0);
            CommonOps_DDRM.extract(qGradient, stateDim, n, 0, 1, qu, 0, 0);
            if (!cholesky.setA(quu)) {
                throw new IllegalStateException("Q_uu of the LQR initialiser is not positive definite at t=" + t
                        + " (check initialVariance and finalWeight)");
            }
            cholesky.invert(inverse);
            cholesky.solve(qux, gain);
            CommonOps_DDRM.scale(-1.0, gain);
            cholesky.solve(qu, bias);
            CommonOps_DDRM.scale(-1.0, bias);
            feedbackGains[t] = gain.data.clone();
            feedforward[t] = bias.data.clone();
            double[] sigma = inverse.data.clone();
            symmetrize(sigma, actionDim);
            covariance[t] = sigma;

            // V_xx = Q_xx + Q_xu K, v_x = q_x + Q_xu k, then symmetrise V_xx.
            CommonOps_DDRM.extract(qHessian, 0, stateDim, 0, stateDim, valueHessian, 0, 0);
            CommonOps_DDRM.multAdd(qxu, gain, valueHessian);
            CommonOps_DDRM.extract(qGradient, 0, stateDim, 0, 1, valueGradient, 0, 0);
            CommonOps_DDRM.multAdd(qxu, bias, valueGradient);
            symmetrize(valueHessian.data, stateDim);
        }
        return LinearGaussianPolicy.of(feedbackGains, feedforward, covariance);
    }

    /**
     * A proportional-derivative controller around x0 with Gaussian noise (reference {@code init_pd}, study §3.7).
     *
     * <p>With n = actionDim, q = positionDim, p = positionGains and v = velocityGainsMultiplier: if n &lt; q,
     * K = −p [I_n 0 | v I_n 0] where each block is q columns wide (the velocities start at column q), else
     * K = −p [I_n, v I_n, 0]; columns past those blocks are zero. Then k_t = −K x0 and Σ_t = initialVariance · I.
     *
     * @param initialState x0, the packed initial state; its length is stateDim
     * @param actionDim n ≥ 1
     * @param positionDim dQ ≥ 1, the number of joint positions at the start of the state; stateDim must be
     *        ≥ 2·max(n, q) (the reference needs exactly 2q when n &lt; q; larger states get zero columns)
     * @param horizon T ≥ 1
     * @return a controller of {@code horizon × actionDim × stateDim}, the same at every step
     */
    public static LinearGaussianPolicy pd(LinearGaussianInitPdConfig config, double[] initialState, int actionDim,
                                          int positionDim, int horizon) {
        int stateDim = initialState.length;
        checkCommon(initialState, actionDim, horizon);
        if (positionDim < 1) {
            throw new IllegalArgumentException("positionDim must be at least 1, got " + positionDim);
        }
        int velocityStart = actionDim < positionDim ? positionDim : actionDim;
        if (stateDim < 2 * velocityStart) {
            throw new IllegalArgumentException("the PD initialiser needs stateDim ≥ " + 2 * velocityStart
                    + " (positions then velocities) for actionDim " + actionDim + " and positionDim " + positionDim
                    + ", got " + stateDim);
        }
        double[] gain = new double[actionDim * stateDim];
        for (int j = 0; j < actionDim; j++) {
            gain[j * stateDim + j] = -config.positionGains();
            gain[j * stateDim + velocityStart + j] = -config.positionGains() * config.velocityGainsMultiplier();
        }
        double[] bias = new double[actionDim];
        for (int j = 0; j < actionDim; j++) {
            double s = 0;
            for (int i = 0; i < stateDim; i++) {
                s += gain[j * stateDim + i] * initialState[i];
            }
            bias[j] = -s;
        }
        double[] sigma = new double[actionDim * actionDim];
        for (int j = 0; j < actionDim; j++) {
            sigma[j * actionDim + j] = config.initialVariance();
        }
        double[][] feedbackGains = new double[horizon][];
        double[][] feedforward = new double[horizon][];
        double[][] covariance = new double[horizon][];
        for (int t = 0; t < horizon; t++) {
            feedbackGains[t] = gain.clone();
            feedforward[t] = bias.clone();
            covariance[t] = sigma.clone();
        }
        return LinearGaussianPolicy.of(feedbackGains, feedforward, covariance);
    }

    private static void checkCommon(double[] initialState, int actionDim, int horizon) {
        if (actionDim < 1) {
            throw new IllegalArgumentException("actionDim must be at least 1, got " + actionDim);
        }
        if (horizon < 1) {
            throw new IllegalArgumentException("horizon must be at least 1, got " + horizon);
        }
        for (int i = 0; i < initialState.length; i++) {
            if (!Double.isFinite(initialState[i])) {
                throw new IllegalArgumentException("initialState[" + i + "] must be finite, got " + initialState[i]);
            }
        }
    }

    private static double[] orDefault(String field, double[] values, int actionDim, double fill) {
        if (values.length == 0) {
            double[] filled = new double[actionDim];
            Arrays.fill(filled, fill);
            return filled;
        }
        if (values.length != actionDim) {
            throw new IllegalArgumentException(field + " has " + values.length + " values, expected none or actionDim = "
                    + actionDim);
        }
        return values;
    }

    private static void symmetrize(double[] a, int dim) {
        for (int i = 0; i < dim; i++) {
            for (int j = i + 1; j < dim; j++) {
                double mean = 0.5 * (a[i * dim + j] + a[j * dim + i]);
                a[i * dim + j] = mean;
                a[j * dim + i] = mean;
            }
        }
    }
}
