package org.gpsros.trajopt;

import org.gpsros.dynamics.InitialStateDistribution;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.testing.ParityData;

/**
 * The reference's benchmark (a)/(b) setup (lqr-parity README items 5–6): its own fitted dynamics and x0, the
 * time-invariant cost Cm = diag(1×26, 0.01×7), cv = −Cm·[1; 0], cc = 13, and the previous controller K = 0, k = 0,
 * Σ = I. T = 100, dX = 26, dU = 7.
 */
public final class ReferenceProblem {
    static final int T = 100;
    static final int DX = 26;
    static final int DU = 7;
    static final int N = DX + DU;

    private ReferenceProblem() {
    }

    static LinearGaussianDynamics dynamics() {
        double[][] fm = ParityData.blocks("ref_a_Fm_100x26x33.csv", T, DX * N);
        double[][] fv = ParityData.blocks("ref_a_fv_100x26.csv", T, DX);
        double[][] cov = ParityData.blocks("ref_a_dyn_covar_100x26x26.csv", T, DX * DX);
        return new LinearGaussianDynamics(T, DX, DU, fm, fv, cov);
    }

    static InitialStateDistribution initialState() {
        return new InitialStateDistribution(ParityData.flat("ref_a_x0mu.csv"), ParityData.flat("ref_a_x0sigma.csv"));
    }

    public static QuadraticCost cost() {
        double[] cc = new double[T];
        double[][] cv = new double[T][N];
        double[][] cm = new double[T][N * N];
        for (int t = 0; t < T; t++) {
            cc[t] = 13;
            for (int i = 0; i < N; i++) {
                double d = i < DX ? 1.0 : 0.01;
                cm[t][i * N + i] = d;
                cv[t][i] = i < DX ? -d : 0;
            }
        }
        return new QuadraticCost(DX, DU, cc, cv, cm);
    }

    static LocalModel model() {
        return new LocalModel(cost(), dynamics(), initialState());
    }

    /** K = 0, k = 0, Σ = chol = P = I. */
    public static LinearGaussianPolicy previousController() {
        double[][] k = new double[T][DU * DX];
        double[][] ko = new double[T][DU];
        double[][] eye = new double[T][DU * DU];
        for (int t = 0; t < T; t++) {
            for (int u = 0; u < DU; u++) {
                eye[t][u * DU + u] = 1;
            }
        }
        return new LinearGaussianPolicy(T, DX, DU, k, ko, eye, copy(eye), copy(eye));
    }

    static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
