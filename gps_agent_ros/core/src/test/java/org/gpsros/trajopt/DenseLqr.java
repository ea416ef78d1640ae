package org.gpsros.trajopt;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gpsros.dynamics.LinearGaussianDynamics;

/**
 * Brute-force solution of the deterministic LQR problem min Σ_t ½ξ_tᵀCm_tξ_t + cv_tᵀξ_t subject to x_0 given and
 * x_{t+1} = F_t ξ_t + f_t, by one dense KKT solve (a test oracle independent of the backward recursion).
 */
final class DenseLqr {
    private DenseLqr() {
    }

    /** The optimal ξ_t = [x_t; u_t], {@code horizon × (stateDim+actionDim)}. */
    static double[][] solveMeans(QuadraticCost cost, LinearGaussianDynamics dynamics, double[] x0) {
        int horizon = cost.horizon();
        int dX = cost.stateDim();
        int n = dX + cost.actionDim();
        int vars = horizon * n;
        int cons = horizon * dX;
        DMatrixRMaj kkt = new DMatrixRMaj(vars + cons, vars + cons);
        DMatrixRMaj rhs = new DMatrixRMaj(vars + cons, 1);
        for (int t = 0; t < horizon; t++) {
            for (int a = 0; a < n; a++) {
                rhs.set(t * n + a, 0, -cost.linear()[t][a]);
                for (int b = 0; b < n; b++) {
                    kkt.set(t * n + a, t * n + b, cost.hessian()[t][a * n + b]);
                }
            }
        }
        // Constraint rows: x_0 = x0; x_{t+1} − F_t ξ_t = f_t.
        for (int i = 0; i < dX; i++) {
            int row = vars + i;
            kkt.set(row, i, 1);
            kkt.set(i, row, 1);
            rhs.set(row, 0, x0[i]);
        }
        for (int t = 0; t + 1 < horizon; t++) {
            for (int i = 0; i < dX; i++) {
                int row = vars + (t + 1) * dX + i;
                kkt.set(row, (t + 1) * n + i, 1);
                kkt.set((t + 1) * n + i, row, 1);
                for (int a = 0; a < n; a++) {
                    double f = -dynamics.jacobian()[t][i * n + a];
                    kkt.set(row, t * n + a, f);
                    kkt.set(t * n + a, row, f);
                }
                rhs.set(row, 0, dynamics.offset()[t][i]);
            }
        }
        DMatrixRMaj z = new DMatrixRMaj(vars + cons, 1);
        if (!CommonOps_DDRM.solve(kkt, rhs, z)) {
            throw new IllegalStateException("singular KKT system");
        }
        double[][] out = new double[horizon][n];
        for (int t = 0; t < horizon; t++) {
            for (int a = 0; a < n; a++) {
                out[t][a] = z.get(t * n + a, 0);
            }
        }
        return out;
    }
}
