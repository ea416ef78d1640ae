package org.gpsros.sim.bullet;

/**
 * Forward kinematics of {@link ArmModel} in double precision: joint frames, the peg's ends and their Jacobians.
 *
 * <p>For a revolute joint j with world axis a_j through the pivot p_j, the velocity of a point p fixed to a later
 * link is Σ_j (a_j × (p − p_j)) q̇_j, so column j of the point's 3×7 Jacobian is a_j × (p − p_j) (reference: MuJoCo's
 * {@code mj_jacSite}, study §5). A mutable workspace: {@link #update} the joint angles, then read; not thread-safe.
 */
public final class ArmKinematics {

    private static final int N = ArmModel.JOINTS;

    private final double[] base;
    /** World rotation of F_j, row-major 3×3 at 9j. */
    private final double[] rotations = new double[9 * N];
    /** World position of pivot j at 3j. */
    private final double[] pivots = new double[3 * N];
    private final double[] tool = new double[3];
    private final double[] ends = new double[6];

    /** @param basePosition the arm base frame's origin in the world (its axes are the world's) */
    public ArmKinematics(double[] basePosition) {
        if (basePosition.length != 3) {
            throw new IllegalArgumentException("basePosition needs 3 values, got " + basePosition.length);
        }
        base = basePosition.clone();
        update(new double[N]);
    }

    /** Recomputes every frame for the joint angles {@code q} (7 values, not modified). */
    public void update(double[] q) {
        double[] parent = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        double[] origin = base.clone();
        for (int j = 0; j < N; j++) {
            double[] offset = ArmModel.pivotOffset(j);
            int p = 3 * j;
            for (int i = 0; i < 3; i++) {
                pivots[p + i] = origin[i] + parent[3 * i] * offset[0] + parent[3 * i + 1] * offset[1]
                        + parent[3 * i + 2] * offset[2];
            }
            double[] local = axisRotation(ArmModel.axisIndex(j), q[j]);
            int r = 9 * j;
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    rotations[r + 3 * i + k] = parent[3 * i] * local[k] + parent[3 * i + 1] * local[3 + k]
                            + parent[3 * i + 2] * local[6 + k];
                }
            }
            System.arraycopy(rotations, r, parent, 0, 9);
            System.arraycopy(pivots, p, origin, 0, 3);
        }
        int r = 9 * (N - 1);
        for (int i = 0; i < 3; i++) {
            tool[i] = pivots[3 * (N - 1) + i] + rotations[r + 3 * i] * ArmModel.TOOL_OFFSET;
        }
        for (int i = 0; i < 3; i++) {
            double z = rotations[r + 3 * i + 2] * ArmModel.PEG_HALF_LENGTH;
            ends[i] = tool[i] - z;
            ends[3 + i] = tool[i] + z;
        }
    }

    /** Rotation by {@code angle} about coordinate axis {@code axis} (0 = x, 1 = y, 2 = z), row-major. */
    static double[] axisRotation(int axis, double angle) {
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        return switch (axis) {
            case 0 -> new double[] {1, 0, 0, 0, c, -s, 0, s, c};
            case 1 -> new double[] {c, 0, s, 0, 1, 0, -s, 0, c};
            default -> new double[] {c, -s, 0, s, c, 0, 0, 0, 1};
        };
    }

    /** Writes pivot j's world position into {@code out} (3 values). */
    public void pivot(int joint, double[] out) {
        System.arraycopy(pivots, 3 * joint, out, 0, 3);
    }

    /** Writes joint j's world axis into {@code out} (3 values). */
    public void axis(int joint, double[] out) {
        int r = 9 * joint;
        int a = ArmModel.axisIndex(joint);
        for (int i = 0; i < 3; i++) {
            out[i] = rotations[r + 3 * i + a];
        }
    }

    /** Writes F_j's world rotation into {@code out} (3×3 row-major, 9 values). */
    public void rotation(int joint, double[] out) {
        System.arraycopy(rotations, 9 * joint, out, 0, 9);
    }

    /** Writes link j's centre of mass in the world into {@code out} (3 values). */
    public void centerOfMass(int joint, double[] out) {
        double[] com = ArmModel.link(joint).centerOfMass();
        int r = 9 * joint;
        for (int i = 0; i < 3; i++) {
            out[i] = pivots[3 * joint + i] + rotations[r + 3 * i] * com[0] + rotations[r + 3 * i + 1] * com[1]
                    + rotations[r + 3 * i + 2] * com[2];
        }
    }

    /** Writes the tool frame's origin (the peg's centre) into {@code out} (3 values). */
    public void toolPosition(double[] out) {
        System.arraycopy(tool, 0, out, 0, 3);
    }

    /** Writes the peg's bottom end then its top end (tool ∓ 0.15 z) into {@code out} (6 values). */
    public void pegEnds(double[] out) {
        System.arraycopy(ends, 0, out, 0, 6);
    }

    /**
     * Writes the joint-space inertia matrix M(q) (7×7 row-major, armature included) into {@code out}: with link l's
     * mass m_l, centre of mass c_l and world inertia I_l = R_l diag(inertia) R_lᵀ,
     * M_jk = Σ_{l ≥ max(j,k)} m_l (a_j × (c_l − p_j))·(a_k × (c_l − p_k)) + a_jᵀ I_l a_k (the kinetic energy
     * ½ q̇ᵀ M q̇ summed over the links).
     */
    public void jointSpaceInertia(double[] out) {
        java.util.Arrays.fill(out, 0, N * N, 0.0);
        double[] center = new double[3];
        double[] linear = new double[3 * N];
        double[] angular = new double[3 * N];
        double[] world = new double[9];
        for (int l = 0; l < N; l++) {
            ArmModel.LinkInertia link = ArmModel.link(l);
            double[] principal = link.inertia();
            centerOfMass(l, center);
            int r = 9 * l;
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    double sum = 0;
                    for (int m = 0; m < 3; m++) {
                        sum += rotations[r + 3 * i + m] * principal[m] * rotations[r + 3 * k + m];
                    }
                    world[3 * i + k] = sum;
                }
            }
            for (int j = 0; j <= l; j++) {
                int rj = 9 * j;
                int a = ArmModel.axisIndex(j);
                double ax = rotations[rj + a];
                double ay = rotations[rj + 3 + a];
                double az = rotations[rj + 6 + a];
                double dx = center[0] - pivots[3 * j];
                double dy = center[1] - pivots[3 * j + 1];
                double dz = center[2] - pivots[3 * j + 2];
                linear[3 * j] = ay * dz - az * dy;
                linear[3 * j + 1] = az * dx - ax * dz;
                linear[3 * j + 2] = ax * dy - ay * dx;
                angular[3 * j] = ax;
                angular[3 * j + 1] = ay;
                angular[3 * j + 2] = az;
            }
            for (int j = 0; j <= l; j++) {
                for (int k = 0; k <= l; k++) {
                    double sum = 0;
                    for (int i = 0; i < 3; i++) {
                        sum += link.mass() * linear[3 * j + i] * linear[3 * k + i];
                        double iw = 0;
                        for (int m = 0; m < 3; m++) {
                            iw += world[3 * i + m] * angular[3 * k + m];
                        }
                        sum += angular[3 * j + i] * iw;
                    }
                    out[j * N + k] += sum;
                }
            }
        }
    }

    /**
     * Writes the Jacobian of the peg's ends (bottom then top) with respect to the 7 joint angles into {@code out},
     * 6×7 row-major (reference END_EFFECTOR_POINT_JACOBIANS).
     */
    public void pegEndJacobians(double[] out) {
        for (int point = 0; point < 2; point++) {
            int e = 3 * point;
            for (int j = 0; j < N; j++) {
                int r = 9 * j;
                int a = ArmModel.axisIndex(j);
                double ax = rotations[r + a];
                double ay = rotations[r + 3 + a];
                double az = rotations[r + 6 + a];
                double dx = ends[e] - pivots[3 * j];
                double dy = ends[e + 1] - pivots[3 * j + 1];
                double dz = ends[e + 2] - pivots[3 * j + 2];
                out[(e) * N + j] = ay * dz - az * dy;
                out[(e + 1) * N + j] = az * dx - ax * dz;
                out[(e + 2) * N + j] = ax * dy - ay * dx;
            }
        }
    }
}
