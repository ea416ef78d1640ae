package org.gpsros.cost;

import java.util.Arrays;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorType;

/**
 * End-effector points to target, d = END_EFFECTOR_POINTS − target, mapped to the joint angles through the
 * recorded point Jacobian J = END_EFFECTOR_POINT_JACOBIANS (reference {@code CostFK}, study §3.14).
 *
 * <p>With d1, d2 the penalty's derivatives in d: l_x = Jᵀ d1 and l_xx = Jᵀ d2 J, written into the
 * JOINT_ANGLES slice of the packed state only (no velocity terms). The second derivative of the kinematics is
 * dropped (Jdd = 0, Gauss–Newton in the kinematics), as in the reference, so l_xx is exact only where the
 * points move linearly with the joint angles. Per step the weights are wp·ramp(t), the last step times
 * {@code finalWeightMultiplier}. Action derivatives are zero. Immutable.
 */
public final class EndEffectorCost implements Cost {
    private final EndEffectorCostConfig config;

    public EndEffectorCost(EndEffectorCostConfig config) {
        this.config = config;
    }

    public EndEffectorCostConfig config() {
        return config;
    }

    /**
     * @throws IllegalArgumentException if the sample lacks END_EFFECTOR_POINTS or END_EFFECTOR_POINT_JACOBIANS,
     *         its state has no JOINT_ANGLES, or the sizes disagree with the target and each other
     */
    @Override
    public CostDerivatives evaluate(Sample sample) {
        int horizon = sample.horizon();
        int stateDim = sample.stateDim();
        double[][] points = sample.sensor(SensorType.END_EFFECTOR_POINTS);
        double[][] jacobians = sample.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS);
        int offset = sample.stateLayout().offsetOf(SensorType.JOINT_ANGLES);
        int jointDim = sample.stateLayout().dimensionOf(SensorType.JOINT_ANGLES);
        int pointDim = points[0].length;
        double[] target = config.targetPoints();
        CostChecks.sameLength("targetPoints", target, pointDim, "END_EFFECTOR_POINTS");
        if (jacobians[0].length != pointDim * jointDim) {
            throw new IllegalArgumentException("END_EFFECTOR_POINT_JACOBIANS has " + jacobians[0].length
                    + " values per step, expected " + pointDim + " points·3 × " + jointDim + " joint angles = "
                    + pointDim * jointDim);
        }
        CostDerivatives out = CostDerivatives.zeros(horizon, stateDim, sample.actionDim());
        double[] ramp = config.ramp().multipliers(horizon, config.finalWeightMultiplier());
        PenaltyTerm penalty = new PenaltyTerm(pointDim);
        double[] projected = new double[jointDim];
        double[] jointHessian = new double[jointDim * jointDim];
        double[] projectedDirection = new double[jointDim];
        for (int t = 0; t < horizon; t++) {
            for (int i = 0; i < pointDim; i++) {
                penalty.distance[i] = points[t][i] - target[i];
                penalty.weights[i] = config.weights()[i] * ramp[t];
            }
            penalty.evaluate(config.norm(), config.l1(), config.l2(), config.alpha());
            out.value()[t] = penalty.value;
            jointDerivatives(penalty, jacobians[t], jointDim, projected, projectedDirection, jointHessian);
            double[] lx = out.stateGradient()[t];
            double[] lxx = out.stateHessian()[t];
            for (int j = 0; j < jointDim; j++) {
                lx[offset + j] = projected[j];
                System.arraycopy(jointHessian, j * jointDim, lxx, (offset + j) * stateDim + offset, jointDim);
            }
        }
        return out;
    }

    /**
     * Chain rule through J (row-major pointDim × jointDim): writes Jᵀ d1 into {@code gradient} and
     * Jᵀ (diag(δ) − β v vᵀ) J = Jᵀ diag(δ) J − β (Jᵀv)(Jᵀv)ᵀ into {@code hessian}; {@code jv} is scratch for Jᵀv.
     */
    private static void jointDerivatives(PenaltyTerm penalty, double[] jacobian, int jointDim,
                                         double[] gradient, double[] jv, double[] hessian) {
        int pointDim = penalty.gradient.length;
        Arrays.fill(gradient, 0);
        Arrays.fill(jv, 0);
        Arrays.fill(hessian, 0);
        for (int i = 0; i < pointDim; i++) {
            int row = i * jointDim;
            double d1 = penalty.gradient[i];
            double v = penalty.rankOneVector[i];
            double delta = penalty.curvatureDiagonal[i];
            for (int j = 0; j < jointDim; j++) {
                double jij = jacobian[row + j];
                gradient[j] += jij * d1;
                jv[j] += jij * v;
                double scaled = delta * jij;
                int hRow = j * jointDim;
                for (int k = 0; k < jointDim; k++) {
                    hessian[hRow + k] += scaled * jacobian[row + k];
                }
            }
        }
        double beta = penalty.rankOneCoefficient;
        for (int j = 0; j < jointDim; j++) {
            double bj = beta * jv[j];
            int hRow = j * jointDim;
            for (int k = 0; k < jointDim; k++) {
                hessian[hRow + k] -= bj * jv[k];
            }
        }
    }
}
