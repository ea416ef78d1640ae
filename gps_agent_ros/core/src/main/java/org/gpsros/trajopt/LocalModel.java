package org.gpsros.trajopt;

import org.gpsros.dynamics.InitialStateDistribution;
import org.gpsros.dynamics.LinearGaussianDynamics;

/**
 * The local model of one condition that LQR-FLM optimises against: the quadratic cost expansion, the fitted
 * linear-Gaussian dynamics and the initial-state Gaussian (reference {@code TrajectoryInfo}: cc/cv/Cm,
 * dynamics, x0mu/x0sigma). Immutable by contract; the constructor checks that the shapes agree.
 */
public record LocalModel(QuadraticCost cost, LinearGaussianDynamics dynamics, InitialStateDistribution initialState) {

    public LocalModel {
        int horizon = cost.horizon();
        int dX = cost.stateDim();
        int dU = cost.actionDim();
        if (dynamics.horizon() != horizon || dynamics.stateDim() != dX || dynamics.actionDim() != dU) {
            throw new IllegalArgumentException("dynamics are " + dynamics.horizon() + " steps, stateDim " + dynamics.stateDim()
                    + ", actionDim " + dynamics.actionDim() + "; the cost is " + horizon + " steps, " + dX + ", " + dU);
        }
        for (int t = 0; t < horizon; t++) {
            if (dynamics.jacobian()[t].length != dX * (dX + dU) || dynamics.offset()[t].length != dX
                    || dynamics.covariance()[t].length != dX * dX) {
                throw new IllegalArgumentException("dynamics block at t=" + t + " has the wrong size for stateDim "
                        + dX + ", actionDim " + dU);
            }
        }
        if (initialState.mean().length != dX) {
            throw new IllegalArgumentException("initial-state mean has " + initialState.mean().length
                    + " values, stateDim is " + dX);
        }
    }

    public int horizon() {
        return cost.horizon();
    }

    public int stateDim() {
        return cost.stateDim();
    }

    public int actionDim() {
        return cost.actionDim();
    }

    /** The same dynamics and initial state with another cost. */
    public LocalModel withCost(QuadraticCost other) {
        return new LocalModel(other, dynamics, initialState);
    }
}
