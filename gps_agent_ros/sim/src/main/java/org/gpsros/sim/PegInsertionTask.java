package org.gpsros.sim;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.image.RgbFrame;
import org.gpsros.math.SplitMix64;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.bullet.ArmKinematics;
import org.gpsros.sim.bullet.ArmModel;
import org.gpsros.sim.bullet.PegCamera;
import org.gpsros.sim.bullet.PegWorld;

/**
 * {@code peg_insertion} and {@code blind_peg}: a 7-DoF arm inserts a peg into a hole (TASKS.md §4–§5; MDGPS paper,
 * Levine &amp; Abbeel 2014; the reference's mjc_mdgps_example). Physics: {@link PegWorld} (Bullet), arm
 * {@link ArmModel}; the peg's contacts with the table, walls and floor are frictionless, as in the reference's MuJoCo
 * model ({@code pr2_arm3d.xml}: {@code condim="1"} on every geom; TASKS.md leaves friction open).
 *
 * <p><b>State</b> (dX = 26, reference order): JOINT_ANGLES 7, JOINT_VELOCITIES 7, END_EFFECTOR_POINTS 6 = the peg's
 * bottom end then top end (tool frame ∓ 0.15 z) <em>relative to their targets</em>, END_EFFECTOR_POINT_VELOCITIES 6 =
 * (ee_{t+1} − ee_t)/dt as the reference's MuJoCo agent, zero at t = 0. The targets are the hole's bottom
 * (0, 0.3, −0.5) + offset and the point 0.3 above it, (0, 0.3, −0.2) + offset, so the cost's target is 0 for
 * every condition ({@link #target()}), as for the PR2 over ROS, and the first three end-effector values are the
 * peg's bottom minus the hole's bottom. Action: the 7 joint torques (|u_j| ≤ 100, clamped in the world; the sample
 * records the policy's action as given), dt = 0.05 s, T = 100 by default. Every sample also records
 * END_EFFECTOR_POINT_JACOBIANS ({@link #extraSensorLayout()}): the 6×7 row-major Jacobian of the peg's ends in the
 * joint angles, from the kinematics, which {@code EndEffectorCost} needs.
 *
 * <p><b>Observation</b>: {@code peg_insertion} sees the state; {@code blind_peg} sees JOINT_ANGLES and
 * JOINT_VELOCITIES only, nothing that identifies the hole, so its policy has to search. {@code visual_peg}
 * ({@link VisualPegTask}, TASKS.md §7) sees JOINT_ANGLES, JOINT_VELOCITIES, END_EFFECTOR_POINTS_NO_TARGET (the peg's
 * two ends in the world frame), END_EFFECTOR_POINT_VELOCITIES_NO_TARGET and RGB_IMAGE from {@link PegCamera}: only
 * the image shows where the hole is. Its samples record the two NO_TARGET sensors beside the Jacobians
 * ({@link #extraSensorLayout()}).
 *
 * <p><b>Conditions</b> are hole positions: the hole (with its floor and the table) offset by
 * {@link #holeOffset}(c) from its nominal centre (0, 0.3, −0.47). Conditions 0–3 are the training conditions, the
 * corners (0.08, 0.08, 0), (0.08, −0.08, 0), (−0.08, −0.08, 0), (−0.08, 0.08, 0); conditions 4–12 are 9 test
 * positions drawn uniformly in the square [−0.08, 0.08]² (z offset 0) by {@link SplitMix64} seeded with
 * {@value #TEST_CONDITION_SEED}: x then y per condition, −0.08 + 0.16·u. The arm starts at rest at the joint angles
 * (0.1, 0.1, −1.54, −1.7, 1.54, −0.2, 0) in every condition.
 *
 * <p><b>Success</b>: {@link #finalDistance} = |peg bottom − hole bottom| at the last step, success below
 * {@value #SUCCESS_DISTANCE} (the peg is then at least 4 cm deep in the 10 cm hole). Immutable and thread-safe;
 * a world must be created, stepped and closed on one thread.
 */
public class PegInsertionTask implements TargetConditions {

    public static final String PEG_INSERTION = "peg_insertion";
    public static final String BLIND_PEG = "blind_peg";
    public static final String VISUAL_PEG = "visual_peg";
    /** Success: the peg's bottom within this distance of the hole's bottom at the last step. */
    public static final double SUCCESS_DISTANCE = 0.06;
    /** Training conditions 0..3; test conditions follow. */
    public static final int TRAIN_CONDITIONS = 4;
    public static final int TEST_CONDITIONS = 9;
    public static final long TEST_CONDITION_SEED = 2016L;
    /** Half-size of the square of hole offsets. */
    public static final double OFFSET_RANGE = 0.08;
    private static final double[] INITIAL_JOINT_ANGLES = {0.1, 0.1, -1.54, -1.7, 1.54, -0.2, 0};
    private static final double[] TARGET_BOTTOM = {0.0, 0.3, -0.5};
    private static final double[] TARGET_TOP = {0.0, 0.3, -0.2};
    private static final int JOINTS = ArmModel.JOINTS;
    private static final SensorLayout STATE = new SensorLayout(
            List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.END_EFFECTOR_POINTS,
                    SensorType.END_EFFECTOR_POINT_VELOCITIES), List.of(JOINTS, JOINTS, 6, 6));
    private static final SensorLayout BLIND_OBSERVATION = new SensorLayout(
            List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES), List.of(JOINTS, JOINTS));
    private static final SensorLayout EXTRA = new SensorLayout(
            List.of(SensorType.END_EFFECTOR_POINT_JACOBIANS), List.of(6 * JOINTS));
    private static final SensorLayout VISUAL_EXTRA = new SensorLayout(
            List.of(SensorType.END_EFFECTOR_POINT_JACOBIANS, SensorType.END_EFFECTOR_POINTS_NO_TARGET,
                    SensorType.END_EFFECTOR_POINT_VELOCITIES_NO_TARGET), List.of(6 * JOINTS, 6, 6));

    private final String name;
    private final int horizon;
    private final int substeps;
    private final SensorLayout observation;
    private final double[][] offsets;
    private final boolean visual;
    private final boolean distractor;

    /** {@code peg_insertion} or {@code blind_peg} with the options' horizon and the default physics step. */
    static PegInsertionTask create(String name, SimTaskOptions options) {
        return new PegInsertionTask(name, options, PegWorld.DEFAULT_SUBSTEPS);
    }

    /**
     * @param substeps Bullet steps per control step
     * @throws IllegalArgumentException if the options give initial states (the conditions are hole positions)
     */
    PegInsertionTask(String name, SimTaskOptions options, int substeps) {
        if (!name.equals(PEG_INSERTION) && !name.equals(BLIND_PEG) && !name.equals(VISUAL_PEG)) {
            throw new IllegalArgumentException("not a peg task: " + name);
        }
        if (!options.initialStates().isEmpty()) {
            throw new IllegalArgumentException(name + ": the conditions are hole positions and the arm always starts "
                    + "at the same joint angles, so initialStates cannot be given");
        }
        this.name = name;
        this.horizon = options.horizonOr(SimTaskOptions.DEFAULT_HORIZON);
        this.substeps = substeps;
        this.visual = name.equals(VISUAL_PEG);
        this.distractor = visual && options.distractor();
        this.observation = switch (name) {
            case BLIND_PEG -> BLIND_OBSERVATION;
            case VISUAL_PEG -> options.targetObserved() ? STATE : new SensorLayout(
                    List.of(SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES,
                            SensorType.END_EFFECTOR_POINTS_NO_TARGET, SensorType.END_EFFECTOR_POINT_VELOCITIES_NO_TARGET,
                            SensorType.RGB_IMAGE),
                    List.of(JOINTS, JOINTS, 6, 6, 3 * options.imageSize() * options.imageSize()));
            default -> STATE;
        };
        this.offsets = conditionOffsets();
    }

    private static double[][] conditionOffsets() {
        List<double[]> all = new ArrayList<>();
        double r = OFFSET_RANGE;
        all.add(new double[] {r, r, 0});
        all.add(new double[] {r, -r, 0});
        all.add(new double[] {-r, -r, 0});
        all.add(new double[] {-r, r, 0});
        SplitMix64 random = new SplitMix64(TEST_CONDITION_SEED);
        for (int i = 0; i < TEST_CONDITIONS; i++) {
            double x = -r + 2 * r * random.nextUniform();
            double y = -r + 2 * r * random.nextUniform();
            all.add(new double[] {x, y, 0});
        }
        return all.toArray(new double[0][]);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int horizon() {
        return horizon;
    }

    @Override
    public double timeStep() {
        return PegWorld.CONTROL_PERIOD;
    }

    @Override
    public int actionDim() {
        return JOINTS;
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
        return visual ? VISUAL_EXTRA : EXTRA;
    }

    /** Whether the camera shows the extra distractor object ({@code visual_peg} with task option distractor). */
    public boolean distractor() {
        return distractor;
    }

    @Override
    public int conditionCount() {
        return offsets.length;
    }

    /** The hole's offset from its nominal centre in {@code condition} (3 values, a fresh array). */
    public double[] holeOffset(int condition) {
        checkCondition(condition);
        return offsets[condition].clone();
    }

    /** The world positions of the peg's two targets in {@code condition}: bottom then top (6 values). */
    @Override
    public double[] targetPoints(int condition) {
        double[] offset = holeOffset(condition);
        double[] points = new double[6];
        for (int i = 0; i < 3; i++) {
            points[i] = TARGET_BOTTOM[i] + offset[i];
            points[3 + i] = TARGET_TOP[i] + offset[i];
        }
        return points;
    }

    /** The hole's bottom (the peg bottom's target) for a hole moved by {@code offset}: (0, 0.3, −0.5) + offset. */
    public static double[] holeBottom(double[] offset) {
        return new double[] {TARGET_BOTTOM[0] + offset[0], TARGET_BOTTOM[1] + offset[1], TARGET_BOTTOM[2] + offset[2]};
    }

    /** The initial joint angles of every condition (7 values, a fresh array). */
    public static double[] initialJointAngles() {
        return INITIAL_JOINT_ANGLES.clone();
    }

    @Override
    public double[] startJointAngles() {
        return initialJointAngles();
    }

    /** Bullet steps per 0.05 s control step. */
    public int substeps() {
        return substeps;
    }

    /**
     * A fresh world with {@code condition}'s hole and the arm at rest at {@code jointAngles} instead of the common start:
     * what a robot's reset to other joint angles gives (the simulated ROS robot after a safety stop). Close it when done.
     *
     * @throws IllegalArgumentException if the angles are not 7 finite values within the joint limits
     */
    @Override
    public SimWorld newWorld(int condition, double[] jointAngles) {
        double[] offset = holeOffset(condition);
        return new World(new PegWorld(offset, jointAngles, substeps), targetPoints(condition),
                visual ? offset : null, distractor);
    }

    /** {@link #pegPointsInToolFrame()}. */
    @Override
    public double[] endEffectorPointsInToolFrame() {
        return pegPointsInToolFrame();
    }

    /** The peg's two points (bottom end, top end) in the tool frame, 6 values: what gps_agent_pkg calls ee_points. */
    public static double[] pegPointsInToolFrame() {
        return new double[] {0, 0, -ArmModel.PEG_HALF_LENGTH, 0, 0, ArmModel.PEG_HALF_LENGTH};
    }

    /**
     * |peg bottom − hole bottom| at the last step: the norm of the first three END_EFFECTOR_POINTS values.
     *
     * @throws IllegalArgumentException if the sample does not have this task's horizon and state layout
     */
    @Override
    public double finalDistance(Sample sample, int condition) {
        checkCondition(condition);
        if (sample.horizon() != horizon || !sample.stateLayout().equals(STATE)) {
            throw new IllegalArgumentException("the sample (horizon " + sample.horizon() + ", state "
                    + AbstractSimTask.describe(sample.stateLayout()) + ") is not from task " + name + " (horizon "
                    + horizon + ", state " + AbstractSimTask.describe(STATE) + ")");
        }
        double[] points = sample.sensor(SensorType.END_EFFECTOR_POINTS)[horizon - 1];
        return Math.sqrt(points[0] * points[0] + points[1] * points[1] + points[2] * points[2]);
    }

    /** {@value #SUCCESS_DISTANCE}: the peg's bottom within 6 cm of the hole's bottom (TASKS.md §4). */
    @Override
    public double successDistance() {
        return SUCCESS_DISTANCE;
    }

    void checkCondition(int condition) {
        if (condition < 0 || condition >= offsets.length) {
            throw new IndexOutOfBoundsException("task " + name + " has conditions 0.." + (offsets.length - 1)
                    + ", got " + condition);
        }
    }

    /** The packed-state view of one {@link PegWorld}. */
    private static final class World implements SimWorld {
        private final PegWorld world;
        private final double[] targets;
        /** The hole offset for the camera, or null for a task without one. */
        private final double[] cameraHoleOffset;
        private final boolean distractor;
        private PegCamera camera;
        private final ArmKinematics kinematics = new ArmKinematics(new double[3]);
        private final double[] angles = new double[JOINTS];
        private final double[] velocities = new double[JOINTS];
        private final double[] ends = new double[6];
        private final double[] endsBeforeStep = new double[6];
        private boolean stepped;

        World(PegWorld world, double[] targets, double[] cameraHoleOffset, boolean distractor) {
            this.world = world;
            this.targets = targets;
            this.cameraHoleOffset = cameraHoleOffset;
            this.distractor = distractor;
        }

        /** Joint angles from the physics, then the kinematics at them. */
        private void readKinematics() {
            world.jointAngles(angles);
            kinematics.update(angles);
            kinematics.pegEnds(ends);
        }

        @Override
        public void readState(double[] state) {
            readKinematics();
            world.jointVelocities(velocities);
            System.arraycopy(angles, 0, state, 0, JOINTS);
            System.arraycopy(velocities, 0, state, JOINTS, JOINTS);
            int points = 2 * JOINTS;
            int pointVelocities = points + 6;
            for (int i = 0; i < 6; i++) {
                state[points + i] = ends[i] - targets[i];
                state[pointVelocities + i] = stepped ? (ends[i] - endsBeforeStep[i]) / PegWorld.CONTROL_PERIOD : 0.0;
            }
        }

        @Override
        public void readExtraSensors(double[] values) {
            readKinematics();
            kinematics.pegEndJacobians(values);
            if (values.length > 6 * JOINTS) {
                int points = 6 * JOINTS;
                int pointVelocities = points + 6;
                for (int i = 0; i < 6; i++) {
                    values[points + i] = ends[i];
                    values[pointVelocities + i] = stepped ? (ends[i] - endsBeforeStep[i]) / PegWorld.CONTROL_PERIOD
                            : 0.0;
                }
            }
        }

        @Override
        public RgbFrame renderCamera(int width, int height) {
            if (cameraHoleOffset == null) {
                return SimWorld.super.renderCamera(width, height);
            }
            if (camera == null) {
                camera = new PegCamera(cameraHoleOffset, distractor);
            }
            readKinematics();
            return camera.render(kinematics, width, height);
        }

        @Override
        public void step(double[] action) {
            readKinematics();
            System.arraycopy(ends, 0, endsBeforeStep, 0, 6);
            world.step(action);
            stepped = true;
        }

        @Override
        public void close() {
            world.close();
        }
    }
}
