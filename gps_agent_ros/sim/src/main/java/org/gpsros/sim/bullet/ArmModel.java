package org.gpsros.sim.bullet;

import java.util.List;

/**
 * The 7-DoF arm of the peg tasks: PR2 right-arm proportions (TASKS.md §4, reference study §5 pr2_arm3d.xml facts).
 *
 * <p>Each joint j has a frame F_j at its pivot: F_0 is the arm base frame moved by {@link #pivotOffset}(0), and
 * F_j = F_{j−1} · Trans(pivotOffset(j)) · Rot(axis_j, q_j), with q_j positive right-handed about the joint's own
 * coordinate axis ({@link #axisIndex}: 0 = x, 1 = y, 2 = z). The numbers (metres, radians, N·m·s/rad):
 * <pre>
 *  j  joint            pivot in parent   axis  range               damping
 *  0  shoulder pan     (0, −0.188, 0)    z     [−2.2854, 1.7146]   10
 *  1  shoulder lift    (0.1, 0, 0)       y     [−0.5236, 1.3963]   10
 *  2  upper-arm roll   (0, 0, 0)         x     [−3.9, 0.8]         0.1
 *  3  elbow flex       (0.4, 0, 0)       y     [−2.3213, 0]        1
 *  4  forearm roll     (0, 0, 0)         x     unlimited           0.1
 *  5  wrist flex       (0.321, 0, 0)     y     [−2.094, 0]         0.1
 *  6  wrist roll       (0, 0, 0)         x     unlimited           0.1
 * </pre>
 * The tool frame is F_6 moved by (0.18, 0, 0). The peg, a cylinder of radius 0.028 and length 0.3, lies along the
 * tool frame's z axis centred on the tool frame; its ends, tool ∓ 0.15 z, are the end-effector points (bottom
 * first).
 *
 * <p>Link masses come from capsule geometry at density 1000 kg/m³ (the sizes are this model's choice, in PR2
 * proportions; the table below lists each capsule's segment in F_j and radius): link 0 a vertical capsule
 * z ∈ [−0.2, 0.2], r 0.1; link 1 y ∈ [−0.1, 0.1], r 0.1; link 2 the roll capsule x ∈ [−0.1, 0.1], r 0.02, and the
 * upper arm x ∈ [0, 0.4], r 0.06; link 3 y ∈ [−0.02, 0.02], r 0.06; link 4 the roll capsule x ∈ [−0.1, 0.1], r 0.02,
 * and the forearm x ∈ [0, 0.321], r 0.05; link 5 y ∈ [−0.02, 0.02], r 0.01; link 6 a hand x ∈ [0, 0.18], r 0.02, and
 * the peg (mass 0.739 kg). The resulting joint-space inertias are close to the PR2 gains
 * (3.09, 1.08, 0.393, 0.674, 0.111, 0.152, 0.098) that the reference uses as the inverse torque-to-acceleration
 * gains of its initial controller.
 *
 * <p><b>Armature</b> 0.04 kg·m² per joint (MuJoCo adds it to the joint-space mass matrix diagonal) is added here to
 * the link's rotational inertia about its own joint axis, the only place a Featherstone link takes it: exact for
 * joint 0, and for the others it adds 0.04·(a_j·ω_j)² instead of 0.04·q̇_j² to the kinetic energy (ω_j the link's
 * angular velocity), i.e. small extra couplings to the parent joints' velocities along a_j.
 */
public final class ArmModel {

    public static final int JOINTS = 7;
    public static final double DENSITY = 1000.0;
    public static final double ARMATURE = 0.04;
    public static final double PEG_RADIUS = 0.028;
    public static final double PEG_HALF_LENGTH = 0.15;
    /** The tool frame's origin in F_6. */
    public static final double TOOL_OFFSET = 0.18;

    private static final double[][] PIVOT_OFFSETS = {
        {0, -0.188, 0}, {0.1, 0, 0}, {0, 0, 0}, {0.4, 0, 0}, {0, 0, 0}, {0.321, 0, 0}, {0, 0, 0}};
    private static final int[] AXES = {2, 1, 0, 1, 0, 1, 0};
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double[] LOWER = {-2.2854, -0.5236, -3.9, -2.3213, -INF, -2.094, -INF};
    private static final double[] UPPER = {1.7146, 1.3963, 0.8, 0.0, INF, 0.0, INF};
    private static final double[] DAMPING = {10, 10, 0.1, 1, 0.1, 0.1, 0.1};
    private static final String[] NAMES = {"shoulder_pan", "shoulder_lift", "upper_arm_roll", "elbow_flex",
        "forearm_roll", "wrist_flex", "wrist_roll"};

    /** A capsule: the segment from {@code a} to {@code b} along one coordinate axis of F_j, radius {@code r}. */
    record Capsule(double[] a, double[] b, double radius) {
    }

    private static final List<List<Capsule>> LINK_CAPSULES = List.of(
            List.of(capsule(0, 0, -0.2, 0, 0, 0.2, 0.1)),
            List.of(capsule(0, -0.1, 0, 0, 0.1, 0, 0.1)),
            List.of(capsule(-0.1, 0, 0, 0.1, 0, 0, 0.02), capsule(0, 0, 0, 0.4, 0, 0, 0.06)),
            List.of(capsule(0, -0.02, 0, 0, 0.02, 0, 0.06)),
            List.of(capsule(-0.1, 0, 0, 0.1, 0, 0, 0.02), capsule(0, 0, 0, 0.321, 0, 0, 0.05)),
            List.of(capsule(0, -0.02, 0, 0, 0.02, 0, 0.01)),
            List.of(capsule(0, 0, 0, TOOL_OFFSET, 0, 0, 0.02)));

    private static final LinkInertia[] LINKS = computeLinks();

    private ArmModel() {
    }

    /** The capsules that give link {@code joint} its shape, in F_j (also what the peg tasks' camera draws). */
    static List<Capsule> capsules(int joint) {
        return LINK_CAPSULES.get(joint);
    }

    /**
     * A link's mass properties in its joint frame F_j.
     *
     * @param mass kg
     * @param centerOfMass the centre of mass in F_j
     * @param inertia the principal moments about the centre of mass along F_j's axes, armature included
     */
    public record LinkInertia(double mass, double[] centerOfMass, double[] inertia) {
        public LinkInertia {
            centerOfMass = centerOfMass.clone();
            inertia = inertia.clone();
        }

        @Override
        public double[] centerOfMass() {
            return centerOfMass.clone();
        }

        @Override
        public double[] inertia() {
            return inertia.clone();
        }
    }

    public static String jointName(int joint) {
        return NAMES[joint];
    }

    /** The joint's pivot in its parent's frame (joint 0: in the arm base frame). A fresh array. */
    public static double[] pivotOffset(int joint) {
        return PIVOT_OFFSETS[joint].clone();
    }

    /** The joint's axis: 0 = x, 1 = y, 2 = z of its own frame. */
    public static int axisIndex(int joint) {
        return AXES[joint];
    }

    /** Lower joint limit, −∞ for the unlimited roll joints. */
    public static double lowerLimit(int joint) {
        return LOWER[joint];
    }

    /** Upper joint limit, +∞ for the unlimited roll joints. */
    public static double upperLimit(int joint) {
        return UPPER[joint];
    }

    public static boolean isLimited(int joint) {
        return Double.isFinite(LOWER[joint]);
    }

    /** Viscous joint damping d_j: the joint feels −d_j q̇_j. */
    public static double damping(int joint) {
        return DAMPING[joint];
    }

    /** Link j's mass properties (the peg included in link 6, the armature in every link). */
    public static LinkInertia link(int joint) {
        return LINKS[joint];
    }

    /** The peg's mass, kg. */
    public static double pegMass() {
        return DENSITY * Math.PI * PEG_RADIUS * PEG_RADIUS * 2 * PEG_HALF_LENGTH;
    }

    private static Capsule capsule(double ax, double ay, double az, double bx, double by, double bz, double r) {
        return new Capsule(new double[] {ax, ay, az}, new double[] {bx, by, bz}, r);
    }

    private static LinkInertia[] computeLinks() {
        LinkInertia[] links = new LinkInertia[JOINTS];
        for (int j = 0; j < JOINTS; j++) {
            MassAccumulator body = new MassAccumulator();
            for (Capsule c : LINK_CAPSULES.get(j)) {
                body.addCapsule(c);
            }
            if (j == JOINTS - 1) {
                double radius = PEG_RADIUS;
                double length = 2 * PEG_HALF_LENGTH;
                double mass = pegMass();
                double axial = 0.5 * mass * radius * radius;
                double perpendicular = mass * (3 * radius * radius + length * length) / 12;
                body.add(mass, new double[] {TOOL_OFFSET, 0, 0}, new double[] {perpendicular, perpendicular, axial});
            }
            links[j] = body.finish(j, AXES[j]);
        }
        return links;
    }

    /** Sums masses, first moments and inertia tensors about the frame origin. */
    private static final class MassAccumulator {
        private double mass;
        private final double[] moment = new double[3];
        /** Inertia about the frame origin, 3×3 row-major. */
        private final double[] origin = new double[9];

        void addCapsule(Capsule c) {
            int axis = -1;
            double length = 0;
            for (int i = 0; i < 3; i++) {
                double d = c.b()[i] - c.a()[i];
                if (d != 0) {
                    if (axis >= 0) {
                        throw new IllegalStateException("capsules must lie along one coordinate axis");
                    }
                    axis = i;
                    length = Math.abs(d);
                }
            }
            double r = c.radius();
            double cylinder = DENSITY * Math.PI * r * r * length;
            double caps = DENSITY * 4.0 / 3.0 * Math.PI * r * r * r;
            double axial = cylinder * r * r / 2 + caps * 2 * r * r / 5;
            double perpendicular = cylinder * (r * r / 4 + length * length / 12)
                    + caps * (2 * r * r / 5 + length * length / 4 + 3 * length * r / 8);
            double[] principal = {perpendicular, perpendicular, perpendicular};
            principal[axis] = axial;
            double[] center = new double[3];
            for (int i = 0; i < 3; i++) {
                center[i] = (c.a()[i] + c.b()[i]) / 2;
            }
            add(cylinder + caps, center, principal);
        }

        /** A body of {@code m} at {@code c} with principal moments along the frame axes about c. */
        void add(double m, double[] c, double[] principal) {
            mass += m;
            double c2 = c[0] * c[0] + c[1] * c[1] + c[2] * c[2];
            for (int i = 0; i < 3; i++) {
                moment[i] += m * c[i];
                for (int k = 0; k < 3; k++) {
                    origin[i * 3 + k] += m * ((i == k ? c2 : 0) - c[i] * c[k]) + (i == k ? principal[i] : 0);
                }
            }
        }

        LinkInertia finish(int joint, int axis) {
            double[] com = {moment[0] / mass, moment[1] / mass, moment[2] / mass};
            double c2 = com[0] * com[0] + com[1] * com[1] + com[2] * com[2];
            double[] principal = new double[3];
            for (int i = 0; i < 3; i++) {
                for (int k = 0; k < 3; k++) {
                    double about = origin[i * 3 + k] - mass * ((i == k ? c2 : 0) - com[i] * com[k]);
                    if (i == k) {
                        principal[i] = about;
                    } else if (Math.abs(about) > 1e-12) {
                        throw new IllegalStateException("link " + joint + ": the inertia is not diagonal in its frame");
                    }
                }
            }
            principal[axis] += ARMATURE;
            return new LinkInertia(mass, com, principal);
        }
    }
}
