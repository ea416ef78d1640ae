package org.gpsros.trajopt;

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

    public int horizon() {
        return constant.length;
    }
}
