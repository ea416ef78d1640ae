package org.gpsros.nn;

import org.gpsros.policy.PolicyTrainingSet;

/**
 * The S-step loss in whitened form: with P_i = L_i L_iᵀ (lower Cholesky factor of the symmetric part of P_i),
 * (u*_i − μ_i)ᵀ P_i (u*_i − μ_i) = ‖L_iᵀ u*_i − L_iᵀ μ_i‖², so the graph needs one batched matrix product and a
 * squared error instead of a broadcast product, two reductions and their backward ops (24 graph ops instead of 35 for
 * a 2-hidden-layer MLP; SameDiff's cost per op dominates at policy sizes).
 *
 * <p>Positive semidefinite precisions are allowed (a row weight of 0 gives P_i = 0): a pivot that is zero up to
 * rounding gives a zero column. An indefinite precision is rejected, naming the row.
 */
final class PrecisionFactors {
    private final int actionDim;
    /** L_i, row-major {@code [rows][dU·dU]}. */
    private final double[][] factors;
    /** L_iᵀ u*_i, {@code [rows][dU]}. */
    private final double[][] whitenedTargets;

    private PrecisionFactors(int actionDim, double[][] factors, double[][] whitenedTargets) {
        this.actionDim = actionDim;
        this.factors = factors;
        this.whitenedTargets = whitenedTargets;
    }

    /** @throws IllegalArgumentException if a precision is not positive semidefinite, naming the row */
    static PrecisionFactors of(PolicyTrainingSet set) {
        int n = set.actionDim();
        int rows = set.rows();
        double[][] factors = new double[rows][];
        double[][] whitened = new double[rows][n];
        for (int row = 0; row < rows; row++) {
            double[] l = cholesky(set.precisions()[row], n, row);
            double[] u = set.targetMeans()[row];
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int k = j; k < n; k++) {
                    sum += l[k * n + j] * u[k];
                }
                whitened[row][j] = sum;
            }
            factors[row] = l;
        }
        return new PrecisionFactors(n, factors, whitened);
    }

    int actionDim() {
        return actionDim;
    }

    double[] factor(int row) {
        return factors[row];
    }

    double[] whitenedTarget(int row) {
        return whitenedTargets[row];
    }

    /** Lower L with L·Lᵀ = (P + Pᵀ)/2, zero columns at pivots that vanish up to rounding. */
    private static double[] cholesky(double[] p, int n, int row) {
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(p[i * n + i]));
        }
        double pivotTolerance = 1e-12 * n * scale;
        double residualTolerance = 1e-6 * scale;
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            double d = p[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * n + k] * l[j * n + k];
            }
            if (d < -pivotTolerance) {
                throw indefinite(row, j, d);
            }
            boolean zeroPivot = d <= pivotTolerance;
            double ljj = zeroPivot ? 0.0 : Math.sqrt(d);
            l[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = 0.5 * (p[i * n + j] + p[j * n + i]);
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                if (zeroPivot) {
                    if (Math.abs(s) > residualTolerance) {
                        throw indefinite(row, j, d);
                    }
                } else {
                    l[i * n + j] = s / ljj;
                }
            }
        }
        return l;
    }

    private static IllegalArgumentException indefinite(int row, int pivot, double value) {
        return new IllegalArgumentException("training set row " + row + ": the precision is not positive "
                + "semidefinite (Cholesky pivot " + pivot + " is " + value + ")");
    }
}
