package org.gpsros.sim.bullet;

/** Test helpers for the peg world: inverse kinematics of the peg's ends and a Cartesian spring controller. */
final class PegTestSupport {

    static final double[] INITIAL_ANGLES = {0.1, 0.1, -1.54, -1.7, 1.54, -0.2, 0};
    /** The PR2 gains, about the joint-space inertias; used to scale joint damping in the test controller. */
    static final double[] PR2_GAINS = {3.09, 1.08, 0.393, 0.674, 0.111, 0.152, 0.098};

    private PegTestSupport() {
    }

    /**
     * Joint angles (within the limits) that put the peg's ends at {@code ends} (bottom then top), by damped least
     * squares from {@code start}.
     */
    static double[] inverseKinematics(double[] ends, double[] start) {
        int n = ArmModel.JOINTS;
        double[] q = start.clone();
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        double[] current = new double[6];
        double[] jacobian = new double[6 * n];
        for (int iteration = 0; iteration < 500; iteration++) {
            kinematics.update(q);
            kinematics.pegEnds(current);
            kinematics.pegEndJacobians(jacobian);
            double[] error = new double[6];
            for (int i = 0; i < 6; i++) {
                error[i] = ends[i] - current[i];
            }
            // dq = Jᵀ (J Jᵀ + λ I)⁻¹ e, solved on the 6×6 system by Gaussian elimination.
            double[][] system = new double[6][7];
            for (int i = 0; i < 6; i++) {
                for (int k = 0; k < 6; k++) {
                    double sum = i == k ? 1e-6 : 0;
                    for (int j = 0; j < n; j++) {
                        sum += jacobian[i * n + j] * jacobian[k * n + j];
                    }
                    system[i][k] = sum;
                }
                system[i][6] = error[i];
            }
            double[] y = solve(system);
            for (int j = 0; j < n; j++) {
                double step = 0;
                for (int i = 0; i < 6; i++) {
                    step += jacobian[i * n + j] * y[i];
                }
                q[j] = Math.max(ArmModel.lowerLimit(j) + 1e-3, Math.min(ArmModel.upperLimit(j) - 1e-3, q[j] + step));
            }
        }
        return q;
    }

    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] swap = a[c];
            a[c] = a[pivot];
            a[pivot] = swap;
            for (int r = c + 1; r < n; r++) {
                double f = a[r][c] / a[c][c];
                for (int k = c; k <= n; k++) {
                    a[r][k] -= f * a[c][k];
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double sum = a[r][n];
            for (int k = r + 1; k < n; k++) {
                sum -= a[r][k] * x[k];
            }
            x[r] = sum / a[r][r];
        }
        return x;
    }

    /**
     * A Cartesian spring on both peg ends toward {@code target} (bottom then top) mapped to torques through the
     * Jacobian transpose, plus joint damping: u = Jᵀ k (target − ends) − d·g ∘ q̇.
     */
    static double[] springTorques(PegWorld world, double[] target, double stiffness, double damping) {
        int n = ArmModel.JOINTS;
        double[] q = new double[n];
        double[] qd = new double[n];
        world.jointAngles(q);
        world.jointVelocities(qd);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        kinematics.update(q);
        double[] ends = new double[6];
        double[] jacobian = new double[6 * n];
        kinematics.pegEnds(ends);
        kinematics.pegEndJacobians(jacobian);
        double[] u = new double[n];
        for (int i = 0; i < 6; i++) {
            double force = stiffness * (target[i] - ends[i]);
            for (int j = 0; j < n; j++) {
                u[j] += jacobian[i * n + j] * force;
            }
        }
        for (int j = 0; j < n; j++) {
            u[j] -= damping * PR2_GAINS[j] * qd[j];
        }
        return u;
    }

    /** The peg's ends (bottom then top) at the world's current joint angles. */
    static double[] pegEnds(PegWorld world) {
        double[] q = new double[ArmModel.JOINTS];
        world.jointAngles(q);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        kinematics.update(q);
        double[] ends = new double[6];
        kinematics.pegEnds(ends);
        return ends;
    }
}
