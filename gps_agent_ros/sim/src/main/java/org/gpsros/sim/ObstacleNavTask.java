package org.gpsros.sim;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.box2d.ObstacleWorld;

/**
 * {@code obstacle_nav}: a force-controlled point mass steers around two obstacles to a fixed target (MDGPS
 * paper, Montgomery &amp; Levine 2016, §6 "Obstacle Navigation"; TASKS.md §3). The physics is
 * {@link ObstacleWorld}: ball radius 0.05 m, mass ≈ 0.68 kg, damping 1, force |u| ≤ 1 per axis, target
 * (2.5, 0), capsules (1.2, 0.2)–(1.51, 0.51) and (2.2, −0.15)–(1.8, 0.15) of radius 0.05 m.
 *
 * <p>State = observation = END_EFFECTOR_POINTS (x − 2.5, y − 0, 0) then END_EFFECTOR_POINT_VELOCITIES
 * (vx, vy, 0), i.e. relative to the target: stateDim 6; action = the force (fx, fy), clamped by the world
 * (the sample records the action as the policy chose it). The cost target of END_EFFECTOR_POINTS is (0, 0, 0).
 * Success distance = |position − target| at the last step. Horizon 100 (5 s).
 *
 * <p><b>Conditions</b> (all at rest): indices 0–4 are the training starts at x = 0.5, y = −0.4, −0.2, 0, 0.2,
 * 0.4 ({@link #TRAIN_STARTS}); indices 5–9 are the held-out test starts ({@link #TEST_STARTS}), drawn once
 * uniformly from the same region x ∈ [0.25, 0.75], y ∈ [−0.5, 0.5] with {@code new SplitMix64(TEST_SEED)}
 * (x then y for each start) and rounded to 3 decimals. Obstacle 2 blocks the straight line to the target from
 * every one of them, obstacle 1 also blocks it from the upper ones (y ≥ 0.15: conditions 3, 4, 5, 9). The starts are 2 m from the target, so the ball
 * (top speed 1 m/s per axis) can go around the obstacles and settle within the horizon; from x = 0 the
 * learned paths arrived only in the last 5–15 steps. A condition's x0 given through {@link SimTaskOptions} is
 * a packed state: position relative to the target at indices 0–1, velocity at 3–4; the z entries must be 0
 * and the ball must not overlap an obstacle.
 */
final class ObstacleNavTask extends AbstractSimTask {

    static final String NAME = "obstacle_nav";
    /** Training starts (x, y) in world coordinates: conditions 0–4. */
    static final double[][] TRAIN_STARTS = {{0.5, -0.4}, {0.5, -0.2}, {0.5, 0}, {0.5, 0.2}, {0.5, 0.4}};
    /** Seed of the one draw of {@link #TEST_STARTS}. */
    static final long TEST_SEED = 2016;
    /** Held-out test starts (x, y) in world coordinates: conditions 5–9. */
    static final double[][] TEST_STARTS = {
        {0.708, 0.151}, {0.731, -0.160}, {0.650, -0.388}, {0.522, -0.019}, {0.574, 0.251}};
    /** The start region, x from and to (metres, world frame). */
    static final double[] START_REGION_X = {0.25, 0.75};
    /** The start region, y from and to. */
    static final double[] START_REGION_Y = {-0.5, 0.5};
    /** The number of training conditions; conditions from this index on are test conditions. */
    static final int TRAIN_CONDITIONS = TRAIN_STARTS.length;

    private static final double[] TARGET = {0.0, 0.0, 0.0};
    private static final SensorLayout LAYOUT = new SensorLayout(
            List.of(SensorType.END_EFFECTOR_POINTS, SensorType.END_EFFECTOR_POINT_VELOCITIES), List.of(3, 3));

    ObstacleNavTask(SimTaskOptions options) {
        super(NAME, options, LAYOUT, defaultInitialStates());
        validateConditions();
    }

    /** Packed x0 of the training then the test starts, at rest. */
    static List<double[]> defaultInitialStates() {
        List<double[]> states = new ArrayList<>();
        for (double[][] starts : new double[][][] {TRAIN_STARTS, TEST_STARTS}) {
            for (double[] start : starts) {
                states.add(new double[] {start[0] - ObstacleWorld.TARGET_X, start[1] - ObstacleWorld.TARGET_Y, 0,
                    0, 0, 0});
            }
        }
        return states;
    }

    @Override
    void doValidateInitialState(int condition, double[] x0) {
        if (x0[2] != 0) {
            throw badValue(NAME, condition, 2, "END_EFFECTOR_POINTS z, must be 0 in the plane", x0[2]);
        }
        if (x0[5] != 0) {
            throw badValue(NAME, condition, 5, "END_EFFECTOR_POINT_VELOCITIES z, must be 0 in the plane", x0[5]);
        }
        double x = x0[0] + ObstacleWorld.TARGET_X;
        double y = x0[1] + ObstacleWorld.TARGET_Y;
        if (ObstacleWorld.clearance(x, y) < 0) {
            throw new IllegalArgumentException(NAME + ": initialStates[" + condition + "] puts the ball at (" + x
                    + ", " + y + "), overlapping an obstacle");
        }
    }

    @Override
    SimWorld doNewWorld(double[] x0) {
        ObstacleWorld world = new ObstacleWorld(x0[0] + ObstacleWorld.TARGET_X, x0[1] + ObstacleWorld.TARGET_Y,
                x0[3], x0[4]);
        return new SimWorld() {
            @Override
            public void readState(double[] state) {
                state[0] = world.x() - ObstacleWorld.TARGET_X;
                state[1] = world.y() - ObstacleWorld.TARGET_Y;
                state[2] = 0;
                state[3] = world.vx();
                state[4] = world.vy();
                state[5] = 0;
            }

            @Override
            public void step(double[] action) {
                world.setForce(action[0], action[1]);
                world.step();
            }
        };
    }

    @Override
    public int actionDim() {
        return 2;
    }

    @Override
    public SensorType targetSensor() {
        return SensorType.END_EFFECTOR_POINTS;
    }

    @Override
    public double[] target() {
        return TARGET.clone();
    }

    @Override
    double[] targetEndEffectorPoint(int condition) {
        return TARGET.clone();
    }
}
