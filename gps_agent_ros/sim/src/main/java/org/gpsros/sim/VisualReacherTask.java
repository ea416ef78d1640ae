package org.gpsros.sim;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.image.RgbFrame;
import org.gpsros.math.SplitMix64;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.reacher.ReacherArm;
import org.gpsros.sim.reacher.ReacherCamera;

/**
 * {@code visual_reacher}: a planar two-link arm touches a target that its global policy sees only in a top-down camera
 * image (TASKS.md §6; Levine et al. 2016, "End-to-End Training of Deep Visuomotor Policies", simulated reaching).
 * Physics: {@link ReacherArm} (MuJoCo reacher proportions, RK4, written out; not Box2D), camera {@link ReacherCamera}.
 *
 * <p><b>State</b> (dX = 10, for the trajectory optimiser): JOINT_ANGLES 2, JOINT_VELOCITIES 2, END_EFFECTOR_POINTS 3 =
 * fingertip centre minus target centre (z = 0), END_EFFECTOR_POINT_VELOCITIES 3 = the fingertip's velocity J(q)·q̇
 * (exact, z = 0). The cost target is 0 ({@link #target()}). Action: the two motor commands, |u| ≤ 1 (clamped in the
 * world, the sample records the policy's action), gear 200; dt = 0.05 s (20 Hz), T = {@value #HORIZON}. Every sample
 * also records END_EFFECTOR_POINT_JACOBIANS (3×2, row-major) for the {@code fk} cost.
 *
 * <p><b>Observation</b> (for the global policy): JOINT_ANGLES, JOINT_VELOCITIES, RGB_IMAGE (last; 3·S·S planar values,
 * S = task option {@code image_size}, default 64). Nothing but the image tells where the target is. With task option
 * {@code target_observed} the observation is the state instead (no image): the baseline policy given the true target.
 *
 * <p><b>Conditions</b> are target positions; the arm starts at rest at ({@value #START_SHOULDER},
 * {@value #START_ELBOW}) rad (fingertip at about (0.146, 0.007), elbow bent so the start is not the straight-arm
 * singularity) in every condition. Conditions 0–3 are the training targets, the corners (±{@value #TARGET_RANGE},
 * ±{@value #TARGET_RANGE}) in the order (+,+), (−,+), (−,−), (+,−); conditions 4–{@value #LAST_CONDITION} are
 * {@value #TEST_CONDITIONS} held-out targets drawn uniformly in the square [−{@value #TARGET_RANGE},
 * {@value #TARGET_RANGE}]² (x then y per draw, rejecting points closer than {@value #MIN_TARGET_RADIUS} m to the
 * shoulder, where the arm cannot reach, and those within {@value #MIN_START_DISTANCE} m of the fingertip's start, which
 * would need no reach) by {@link SplitMix64} seeded with {@value #TEST_CONDITION_SEED}. Every target
 * is within the arm's reach (0.018–0.21 m from the shoulder) inside the 0.54 m × 0.54 m walled arena.
 *
 * <p><b>Success</b>: {@link #finalDistance} = |fingertip − target| at the last step below {@value #SUCCESS_DISTANCE} m,
 * the fingertip radius ({@value ReacherArm#FINGERTIP_RADIUS}) plus the target's half-width
 * ({@value ReacherCamera#TARGET_HALF_WIDTH}): the fingertip then touches the drawn target. Immutable and thread-safe;
 * each world is used on one thread.
 */
public final class VisualReacherTask implements TargetConditions, PoseImageSource {

    public static final String NAME = "visual_reacher";
    public static final int HORIZON = 50;
    public static final double START_SHOULDER = -0.8;
    public static final double START_ELBOW = 1.6;
    /** Half-size of the square of target positions (metres). */
    public static final double TARGET_RANGE = 0.13;
    /** Targets are at least this far from the shoulder (metres). */
    public static final double MIN_TARGET_RADIUS = 0.04;
    /** Condition targets are at least this far from the fingertip's start (metres), so every condition needs a reach. */
    public static final double MIN_START_DISTANCE = 0.08;
    public static final int TRAIN_CONDITIONS = 4;
    public static final int TEST_CONDITIONS = 10;
    public static final int LAST_CONDITION = TRAIN_CONDITIONS + TEST_CONDITIONS - 1;
    public static final long TEST_CONDITION_SEED = 2016L;
    public static final double SUCCESS_DISTANCE = ReacherArm.FINGERTIP_RADIUS + ReacherCamera.TARGET_HALF_WIDTH;
    /** {@link SplitMix64#derive} purpose of the pose-pretraining stream. */
    private static final long POSE_PURPOSE = 0x7669737265616368L;

    private static final SensorLayout STATE = new SensorLayout(
            List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.END_EFFECTOR_POINTS,
                    SensorType.END_EFFECTOR_POINT_VELOCITIES), List.of(2, 2, 3, 3));
    private static final SensorLayout EXTRA = new SensorLayout(
            List.of(SensorType.END_EFFECTOR_POINT_JACOBIANS), List.of(6));

    private final int horizon;
    private final int imageSize;
    private final SensorLayout observation;
    private final double[][] targets;

    /**
     * @throws IllegalArgumentException if the options give initial states (the conditions are target positions)
     */
    VisualReacherTask(SimTaskOptions options) {
        if (!options.initialStates().isEmpty()) {
            throw new IllegalArgumentException(NAME + ": the conditions are target positions and the arm always "
                    + "starts at the same joint angles, so initialStates cannot be given");
        }
        horizon = options.horizonOr(HORIZON);
        imageSize = options.imageSize();
        observation = options.targetObserved() ? STATE : new SensorLayout(
                List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.RGB_IMAGE),
                List.of(2, 2, 3 * imageSize * imageSize));
        targets = conditionTargets();
    }

    private static double[][] conditionTargets() {
        List<double[]> all = new ArrayList<>();
        double r = TARGET_RANGE;
        all.add(new double[] {r, r});
        all.add(new double[] {-r, r});
        all.add(new double[] {-r, -r});
        all.add(new double[] {r, -r});
        SplitMix64 random = new SplitMix64(TEST_CONDITION_SEED);
        double[] start = ReacherArm.fingertip(START_SHOULDER, START_ELBOW);
        while (all.size() < TRAIN_CONDITIONS + TEST_CONDITIONS) {
            double[] target = drawTarget(random);
            if (Math.hypot(target[0] - start[0], target[1] - start[1]) >= MIN_START_DISTANCE) {
                all.add(target);
            }
        }
        return all.toArray(new double[0][]);
    }

    /** A target uniform in the square, at least {@link #MIN_TARGET_RADIUS} from the shoulder (x then y per draw). */
    private static double[] drawTarget(SplitMix64 random) {
        while (true) {
            double x = -TARGET_RANGE + 2 * TARGET_RANGE * random.nextUniform();
            double y = -TARGET_RANGE + 2 * TARGET_RANGE * random.nextUniform();
            if (Math.hypot(x, y) >= MIN_TARGET_RADIUS) {
                return new double[] {x, y};
            }
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public double timeStep() {
        return ReacherArm.CONTROL_PERIOD;
    }

    @Override
    public int actionDim() {
        return 2;
    }

    @Override
    public SensorLayout stateLayout() {
        return STATE;
    }

    @Override
    public SensorLayout observationLayout() {
        return observation;
    }

    @Override
    public SensorLayout extraSensorLayout() {
        return EXTRA;
    }

    @Override
    public int conditionCount() {
        return targets.length;
    }

    /** ({@value #START_SHOULDER}, {@value #START_ELBOW}) rad. */
    @Override
    public double[] startJointAngles() {
        return new double[] {START_SHOULDER, START_ELBOW};
    }

    /** The camera frame size (pixels, square). */
    public int imageSize() {
        return imageSize;
    }

    /** The target's centre (x, y, 0) in {@code condition}, metres, world frame (a fresh array). */
    public double[] targetPosition(int condition) {
        checkCondition(condition);
        return new double[] {targets[condition][0], targets[condition][1], 0};
    }

    /**
     * A fresh world with {@code condition}'s target and the arm at rest at {@code jointAngles} (shoulder, elbow).
     *
     * @throws IllegalArgumentException if there are not 2 finite angles with |elbow| ≤ {@value ReacherArm#ELBOW_LIMIT}
     */
    @Override
    public SimWorld newWorld(int condition, double[] jointAngles) {
        checkCondition(condition);
        if (jointAngles.length != 2) {
            throw new IllegalArgumentException(NAME + ": jointAngles needs 2 values, got " + jointAngles.length);
        }
        return new World(new ReacherArm(jointAngles[0], jointAngles[1]), targets[condition][0], targets[condition][1]);
    }

    /** The fingertip centre, (0, 0, 0) in its own frame: one point. */
    @Override
    public double[] endEffectorPointsInToolFrame() {
        return new double[3];
    }

    /** {@link #targetPosition}: the point the fingertip must reach. */
    @Override
    public double[] targetPoints(int condition) {
        return targetPosition(condition);
    }

    /**
     * |fingertip − target| at the last step: the norm of the END_EFFECTOR_POINTS.
     *
     * @throws IllegalArgumentException if the sample does not have this task's horizon and state layout
     */
    @Override
    public double finalDistance(Sample sample, int condition) {
        checkCondition(condition);
        if (sample.horizon() != horizon || !sample.stateLayout().equals(STATE)) {
            throw new IllegalArgumentException("the sample (horizon " + sample.horizon() + ", state "
                    + AbstractSimTask.describe(sample.stateLayout()) + ") is not from task " + NAME + " (horizon "
                    + horizon + ", state " + AbstractSimTask.describe(STATE) + ")");
        }
        double[] point = sample.sensor(SensorType.END_EFFECTOR_POINTS)[horizon - 1];
        return Math.sqrt(point[0] * point[0] + point[1] * point[1] + point[2] * point[2]);
    }

    /** {@value #SUCCESS_DISTANCE}: fingertip radius plus target half-width. */
    @Override
    public double successDistance() {
        return SUCCESS_DISTANCE;
    }

    @Override
    public int poseDim() {
        return 3;
    }

    /**
     * The target at a position drawn like the test conditions, the arm at a shoulder angle uniform in [−π, π) and an
     * elbow angle uniform in [−3, 3] (it may hide part of the target, as in real images); pose = target centre (x, y,
     * 0). Stream {@code SplitMix64.derive(seed, purpose, index)}: independent of the conditions and of other indices.
     */
    @Override
    public PoseExample poseExample(long seed, int index, int size) {
        checkImageSize(size);
        if (index < 0) {
            throw new IllegalArgumentException("index must be non-negative, got " + index);
        }
        SplitMix64 random = new SplitMix64(SplitMix64.derive(seed, POSE_PURPOSE, index));
        double[] target = drawTarget(random);
        double shoulder = -Math.PI + 2 * Math.PI * random.nextUniform();
        double elbow = -ReacherArm.ELBOW_LIMIT + 2 * ReacherArm.ELBOW_LIMIT * random.nextUniform();
        RgbFrame frame = new ReacherCamera().render(shoulder, elbow, target[0], target[1], size, size);
        return new PoseExample(frame, new double[] {target[0], target[1], 0});
    }

    static void checkImageSize(int size) {
        if (size < SimTaskOptions.MIN_IMAGE_SIZE || size > SimTaskOptions.MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("image size must be within " + SimTaskOptions.MIN_IMAGE_SIZE + ".."
                    + SimTaskOptions.MAX_IMAGE_SIZE + " pixels, got " + size);
        }
    }

    private void checkCondition(int condition) {
        if (condition < 0 || condition >= targets.length) {
            throw new IndexOutOfBoundsException("task " + NAME + " has conditions 0.." + (targets.length - 1)
                    + ", got " + condition);
        }
    }

    /** The packed-state view of one {@link ReacherArm} and its target, with the camera built on first use. */
    private static final class World implements SimWorld {
        private final ReacherArm arm;
        private final double targetX;
        private final double targetY;
        private final double[] jacobian = new double[6];
        private ReacherCamera camera;

        World(ReacherArm arm, double targetX, double targetY) {
            this.arm = arm;
            this.targetX = targetX;
            this.targetY = targetY;
        }

        @Override
        public void readState(double[] state) {
            double q1 = arm.shoulderAngle();
            double q2 = arm.elbowAngle();
            double qd1 = arm.shoulderSpeed();
            double qd2 = arm.elbowSpeed();
            double[] tip = ReacherArm.fingertip(q1, q2);
            ReacherArm.fingertipJacobian(q1, q2, jacobian);
            state[0] = q1;
            state[1] = q2;
            state[2] = qd1;
            state[3] = qd2;
            state[4] = tip[0] - targetX;
            state[5] = tip[1] - targetY;
            state[6] = 0;
            state[7] = jacobian[0] * qd1 + jacobian[1] * qd2;
            state[8] = jacobian[2] * qd1 + jacobian[3] * qd2;
            state[9] = 0;
        }

        @Override
        public void readExtraSensors(double[] values) {
            ReacherArm.fingertipJacobian(arm.shoulderAngle(), arm.elbowAngle(), values);
        }

        @Override
        public void step(double[] action) {
            arm.step(action);
        }

        @Override
        public RgbFrame renderCamera(int width, int height) {
            if (camera == null) {
                camera = new ReacherCamera();
            }
            return camera.render(arm.shoulderAngle(), arm.elbowAngle(), targetX, targetY, width, height);
        }
    }
}
