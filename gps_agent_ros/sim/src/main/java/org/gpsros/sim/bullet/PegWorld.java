package org.gpsros.sim.bullet;

import com.jme3.bullet.MultiBody;
import com.jme3.bullet.MultiBodyLink;
import com.jme3.bullet.MultiBodySpace;
import com.jme3.bullet.PhysicsSpace;
import com.jme3.bullet.collision.shapes.BoxCollisionShape;
import com.jme3.bullet.collision.shapes.CollisionShape;
import com.jme3.bullet.collision.shapes.CompoundCollisionShape;
import com.jme3.bullet.collision.shapes.CylinderCollisionShape;
import com.jme3.bullet.objects.MultiBodyCollider;
import com.jme3.bullet.objects.PhysicsRigidBody;
import com.jme3.math.Matrix3f;
import com.jme3.math.Vector3f;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * One rollout of the peg tasks in Bullet (Featherstone multibody through Libbulletjme, single precision): the arm of
 * {@link ArmModel} on a fixed base at the world origin, holding the peg, and a static table with a square hole.
 *
 * <p><b>Hole</b> (world frame, hole centre h = (0, 0.3, −0.47) + the condition's offset): four thin walls
 * (half-thickness {@value #WALL_HALF_THICKNESS}, spanning z ∈ h_z ± {@value #WALL_HALF_HEIGHT}, i.e. from below the
 * floor up to the table top) whose inner faces are {@value #HOLE_HALF_WIDTH} from the hole axis at h_z, each tilted
 * {@value #WALL_TILT} rad so the opening widens upward (a slight funnel: 0.0345 at the table top, 0.0295 at the
 * floor); a floor whose top is at z = {@value #FLOOR_TOP} + offset_z; a table slab (top {@value #TABLE_TOP}
 * + offset_z, 0.02 thick, 0.8 × 0.8 around the hole) with a square opening of half-width {@value #TABLE_OPENING}.
 * Only the peg collides (cylinder r 0.028, length 0.3); the arm's links have mass but no collision shape. Contacts
 * are frictionless (friction {@value #PEG_FRICTION} on the peg and {@value #STATIC_FRICTION} on the table, walls and
 * floor; Bullet multiplies the two), as in the reference's MuJoCo model {@code pr2_arm3d.xml}, whose default geom
 * has {@code condim="1"}: MuJoCo's frictionless contact, normal force only (its {@code friction=".5 .1 .1"} is
 * then unused; neither the peg nor the hole geoms override condim). With Coulomb friction (0.5, as this world had
 * before) a peg that reaches the table a centimetre off the hole axis sticks there; in the reference it slides.
 *
 * <p><b>Control</b>: {@link #step} holds the 7 joint torques for one control period of {@value #CONTROL_PERIOD} s,
 * split into {@code substeps} Bullet steps. Before each substep every joint gets the clamped action
 * (|u_j| ≤ {@value #MAX_TORQUE}), its viscous damping −d_j q̇_j, and for the limited joints a one-sided limit torque:
 * beyond a limit by δ, −(k_j δ + c_j q̇_j), applied only while it pushes back toward the range. The spring is
 * critically damped for the joint's effective inertia I_j = 1/(M⁻¹)_jj (M the joint-space inertia at the start of
 * the control step, {@link ArmKinematics#jointSpaceInertia}): k_j = I_j ω², c_j = 2 I_j ω with
 * ω = {@value #LIMIT_STEP_FRACTION}/h for the physics step h, so the explicit update stays stable however light the
 * joint (ω = 200 rad/s at the default h = 0.002 s; a full 100 N·m on the lightest limited joint, the wrist flex,
 * presses about 0.07 rad past its limit); a soft limit like MuJoCo's, with time constant 1/ω. Gravity is zero. Bullet's own multibody drag (linear and angular
 * damping 0.04, not settable through Libbulletjme) stays on and is small against the joint damping.
 *
 * <p>Every world is built from scratch, so equal inputs give bit-identical trajectories. The native objects must be
 * released with {@link #close()} on the thread that built and stepped the world (a world that is never closed is
 * released when it becomes unreachable). Not thread-safe.
 */
public final class PegWorld implements AutoCloseable {

    /** Seconds per control step (20 Hz). */
    public static final double CONTROL_PERIOD = 0.05;
    /** Default Bullet steps per control step: 0.002 s physics steps. */
    public static final int DEFAULT_SUBSTEPS = 25;
    /** Torque limit per joint, N·m (MuJoCo ctrlrange ±100). */
    public static final double MAX_TORQUE = 100.0;
    private static final double[] HOLE_CENTER = {0.0, 0.3, -0.47};
    public static final double HOLE_HALF_WIDTH = 0.031;
    public static final double WALL_TILT = 0.05;
    public static final double WALL_HALF_THICKNESS = 0.005;
    public static final double WALL_HALF_HEIGHT = 0.07;
    public static final double FLOOR_TOP = -0.5;
    public static final double TABLE_TOP = -0.4;
    public static final double TABLE_OPENING = 0.04;
    public static final double TABLE_HALF_SIZE = 0.4;
    /** Friction coefficient of the peg: 0, frictionless contacts as the reference's {@code condim="1"}. */
    public static final double PEG_FRICTION = 0.0;
    /** Friction coefficient of the table, walls and floor: 0 (frictionless, see the class comment). */
    public static final double STATIC_FRICTION = 0.0;
    /** The joint-limit springs' natural frequency times the physics step. */
    public static final double LIMIT_STEP_FRACTION = 0.4;

    private static final int N = ArmModel.JOINTS;
    private static final float MARGIN = 0.001f;
    private static final Cleaner CLEANER = Cleaner.create();

    private final MultiBodySpace space;
    private final MultiBodyLink[] links = new MultiBodyLink[N];
    private final MultiBodyCollider pegCollider;
    private final int substeps;
    private final float substepSeconds;
    private final double[] lower = new double[N];
    private final double[] upper = new double[N];
    private final double[] damping = new double[N];
    private final double[] limitStiffness = new double[N];
    private final double[] limitDamping = new double[N];
    private final double limitFrequency;
    private final ArmKinematics kinematics = new ArmKinematics(new double[3]);
    private final double[] angles = new double[N];
    private final double[] torque = new double[N];
    private final DMatrixRMaj inertia = new DMatrixRMaj(N, N);
    private final DMatrixRMaj inverseInertia = new DMatrixRMaj(N, N);
    private final LinearSolverDense<DMatrixRMaj> cholesky = LinearSolverFactory_DDRM.chol(N);
    private final Cleaner.Cleanable cleanable;
    private boolean closed;

    /**
     * A fresh world with the arm at rest.
     *
     * @param holeOffset where the hole (with floor and table) sits relative to its nominal place, 3 values
     * @param jointAngles the initial joint angles, 7 values within the joint limits
     * @param substeps Bullet steps per control step, ≥ 1
     * @throws IllegalArgumentException for bad sizes, non-finite values or angles outside the limits
     * @throws IllegalStateException if the native library cannot be loaded
     */
    public PegWorld(double[] holeOffset, double[] jointAngles, int substeps) {
        if (holeOffset.length != 3 || jointAngles.length != N) {
            throw new IllegalArgumentException("holeOffset needs 3 values and jointAngles " + N + ", got "
                    + holeOffset.length + " and " + jointAngles.length);
        }
        if (substeps < 1) {
            throw new IllegalArgumentException("substeps must be at least 1, got " + substeps);
        }
        for (int j = 0; j < N; j++) {
            double q = jointAngles[j];
            if (!Double.isFinite(q) || q < ArmModel.lowerLimit(j) || q > ArmModel.upperLimit(j)) {
                throw new IllegalArgumentException("jointAngles[" + j + "] (" + ArmModel.jointName(j) + ") is " + q
                        + ", outside [" + ArmModel.lowerLimit(j) + ", " + ArmModel.upperLimit(j) + "]");
            }
        }
        for (double v : holeOffset) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("holeOffset must be finite, got " + v);
            }
        }
        BulletNatives.load();
        this.substeps = substeps;
        this.substepSeconds = (float) (CONTROL_PERIOD / substeps);
        this.limitFrequency = LIMIT_STEP_FRACTION / (CONTROL_PERIOD / substeps);
        for (int j = 0; j < N; j++) {
            lower[j] = ArmModel.lowerLimit(j);
            upper[j] = ArmModel.upperLimit(j);
            damping[j] = ArmModel.damping(j);
        }

        space = new MultiBodySpace(new Vector3f(-10f, -10f, -10f), new Vector3f(10f, 10f, 10f),
                PhysicsSpace.BroadphaseType.DBVT);
        space.setGravity(new Vector3f(0f, 0f, 0f));
        space.getSolverInfo().setNumIterations(20);
        cleanable = CLEANER.register(this, new Release(space));

        MultiBody arm = new MultiBody(N, 1f, new Vector3f(1f, 1f, 1f), true, false);
        arm.setBaseLocation(new Vector3f(0f, 0f, 0f));
        double[] parentCenter = {0, 0, 0};
        for (int j = 0; j < N; j++) {
            ArmModel.LinkInertia link = ArmModel.link(j);
            double[] pivot = ArmModel.pivotOffset(j);
            double[] center = link.centerOfMass();
            Vector3f axis = new Vector3f();
            axis.set(ArmModel.axisIndex(j), 1f);
            links[j] = arm.configureRevoluteLink((float) link.mass(), vector(link.inertia()),
                    j == 0 ? null : links[j - 1], new com.jme3.math.Quaternion(), axis,
                    new Vector3f((float) (pivot[0] - parentCenter[0]), (float) (pivot[1] - parentCenter[1]),
                            (float) (pivot[2] - parentCenter[2])),
                    vector(center), true);
            parentCenter = center;
        }
        double[] pegCenter = ArmModel.link(N - 1).centerOfMass();
        CylinderCollisionShape peg = new CylinderCollisionShape(new Vector3f((float) ArmModel.PEG_RADIUS,
                (float) ArmModel.PEG_RADIUS, (float) ArmModel.PEG_HALF_LENGTH), 2);
        peg.setMargin(MARGIN);
        CompoundCollisionShape pegShape = new CompoundCollisionShape(1);
        pegShape.addChildShape(peg, (float) (ArmModel.TOOL_OFFSET - pegCenter[0]), (float) -pegCenter[1],
                (float) -pegCenter[2]);
        pegCollider = links[N - 1].addCollider(pegShape);
        pegCollider.setFriction((float) PEG_FRICTION);
        for (int j = 0; j < N; j++) {
            links[j].setJointPosition(0, (float) jointAngles[j]);
            links[j].setJointVelocity(0, 0f);
        }
        kinematics.update(jointAngles);
        double[] where = new double[3];
        double[] rotation = new double[9];
        kinematics.centerOfMass(N - 1, where);
        kinematics.rotation(N - 1, rotation);
        pegCollider.setPhysicsLocation(vector(where));
        pegCollider.setPhysicsRotation(matrix(rotation));
        space.addMultiBody(arm);

        PhysicsRigidBody hole = new PhysicsRigidBody(holeShape(), PhysicsRigidBody.massForStatic);
        hole.setPhysicsLocation(new Vector3f((float) (HOLE_CENTER[0] + holeOffset[0]),
                (float) (HOLE_CENTER[1] + holeOffset[1]), (float) (HOLE_CENTER[2] + holeOffset[2])));
        hole.setFriction((float) STATIC_FRICTION);
        space.addCollisionObject(hole);
    }

    /** The static table, walls and floor as one compound shape in the hole-centre frame. */
    private static CollisionShape holeShape() {
        CompoundCollisionShape shape = new CompoundCollisionShape(9);
        double wallCenter = HOLE_HALF_WIDTH + WALL_HALF_THICKNESS;
        double wallLength = HOLE_HALF_WIDTH + 2 * WALL_HALF_THICKNESS + 0.01;
        // Walls across x (at ±x, tilted about y) and across y (at ±y, tilted about x); tops lean outward.
        for (int side = -1; side <= 1; side += 2) {
            addBox(shape, WALL_HALF_THICKNESS, wallLength, WALL_HALF_HEIGHT, side * wallCenter, 0, 0,
                    ArmKinematics.axisRotation(1, side * WALL_TILT));
            addBox(shape, wallLength, WALL_HALF_THICKNESS, WALL_HALF_HEIGHT, 0, side * wallCenter, 0,
                    ArmKinematics.axisRotation(0, -side * WALL_TILT));
        }
        double floorHalf = 0.01;
        addBox(shape, wallLength, wallLength, floorHalf, 0, 0, FLOOR_TOP - HOLE_CENTER[2] - floorHalf, null);
        double slabHalf = 0.01;
        double slabZ = TABLE_TOP - HOLE_CENTER[2] - slabHalf;
        double outer = TABLE_HALF_SIZE;
        double inner = TABLE_OPENING;
        double sideHalf = (outer - inner) / 2;
        for (int side = -1; side <= 1; side += 2) {
            addBox(shape, sideHalf, outer, slabHalf, side * (inner + sideHalf), 0, slabZ, null);
            addBox(shape, inner, sideHalf, slabHalf, 0, side * (inner + sideHalf), slabZ, null);
        }
        return shape;
    }

    private static void addBox(CompoundCollisionShape shape, double hx, double hy, double hz, double x, double y,
                               double z, double[] rotation) {
        BoxCollisionShape box = new BoxCollisionShape((float) hx, (float) hy, (float) hz);
        box.setMargin(MARGIN);
        Matrix3f basis = rotation == null ? new Matrix3f() : matrix(rotation);
        shape.addChildShape(box, new Vector3f((float) x, (float) y, (float) z), basis);
    }

    private static Vector3f vector(double[] v) {
        return new Vector3f((float) v[0], (float) v[1], (float) v[2]);
    }

    private static Matrix3f matrix(double[] m) {
        return new Matrix3f((float) m[0], (float) m[1], (float) m[2], (float) m[3], (float) m[4], (float) m[5],
                (float) m[6], (float) m[7], (float) m[8]);
    }

    /**
     * Advances one control period with the joint torques {@code action} (7 values, clamped to ±{@value #MAX_TORQUE}
     * N·m; not modified).
     */
    public void step(double[] action) {
        checkOpen();
        for (int j = 0; j < N; j++) {
            torque[j] = Math.max(-MAX_TORQUE, Math.min(MAX_TORQUE, action[j]));
        }
        updateLimitSprings();
        for (int s = 0; s < substeps; s++) {
            for (int j = 0; j < N; j++) {
                MultiBodyLink link = links[j];
                double q = link.jointPosition(0);
                double qd = link.jointVelocity(0);
                double tau = torque[j] - damping[j] * qd + limitTorque(j, q, qd);
                link.addJointTorque(0, (float) tau);
            }
            space.update(substepSeconds, 0, false, false, false);
        }
    }

    /** k_j and c_j for the effective inertias 1/(M⁻¹)_jj at the current joint angles. */
    private void updateLimitSprings() {
        jointAngles(angles);
        kinematics.update(angles);
        kinematics.jointSpaceInertia(inertia.data);
        if (!cholesky.setA(inertia)) {
            throw new IllegalStateException("the joint-space inertia is not positive definite at " + Arrays.toString(angles));
        }
        cholesky.invert(inverseInertia);
        double w = limitFrequency;
        for (int j = 0; j < N; j++) {
            double effective = 1.0 / inverseInertia.get(j, j);
            limitStiffness[j] = effective * w * w;
            limitDamping[j] = 2 * effective * w;
        }
    }

    /** The one-sided spring-damper that pushes joint j back into its range; 0 inside the range. */
    double limitTorque(int j, double q, double qd) {
        if (q > upper[j]) {
            return Math.min(0.0, -limitStiffness[j] * (q - upper[j]) - limitDamping[j] * qd);
        }
        if (q < lower[j]) {
            return Math.max(0.0, -limitStiffness[j] * (q - lower[j]) - limitDamping[j] * qd);
        }
        return 0.0;
    }

    /** Writes the 7 joint angles (radians, unwrapped) into {@code out}. */
    public void jointAngles(double[] out) {
        checkOpen();
        for (int j = 0; j < N; j++) {
            out[j] = links[j].jointPosition(0);
        }
    }

    /** Writes the 7 joint velocities (rad/s) into {@code out}. */
    public void jointVelocities(double[] out) {
        checkOpen();
        for (int j = 0; j < N; j++) {
            out[j] = links[j].jointVelocity(0);
        }
    }

    /** Writes link j's centre of mass as Bullet holds it into {@code out} (3 values; for checks). */
    public void linkCenterOfMass(int joint, double[] out) {
        checkOpen();
        Vector3f where = links[joint].location(null);
        out[0] = where.x;
        out[1] = where.y;
        out[2] = where.z;
    }

    /** Writes the peg collider's world position (link 6's centre of mass) and rotation as Bullet holds them. */
    public void pegColliderTransform(double[] position, double[] rotation) {
        checkOpen();
        Vector3f where = pegCollider.getPhysicsLocation(null);
        position[0] = where.x;
        position[1] = where.y;
        position[2] = where.z;
        Matrix3f basis = pegCollider.getPhysicsRotationMatrix(null);
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 3; k++) {
                rotation[3 * i + k] = basis.get(i, k);
            }
        }
    }

    /** The hole's nominal centre, before a condition's offset: (0, 0.3, −0.47). A fresh array. */
    public static double[] holeCenter() {
        return HOLE_CENTER.clone();
    }

    /** Bullet steps per control step. */
    public int substeps() {
        return substeps;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this PegWorld is closed");
        }
    }

    /** Removes everything from the Bullet world so its native objects can be freed in any order. Idempotent. */
    @Override
    public void close() {
        closed = true;
        cleanable.clean();
    }

    /** Empties the space; holds no reference to the world so the world can become unreachable. */
    private static final class Release implements Runnable {
        private final MultiBodySpace space;

        Release(MultiBodySpace space) {
            this.space = space;
        }

        @Override
        public void run() {
            space.destroy();
        }
    }
}
