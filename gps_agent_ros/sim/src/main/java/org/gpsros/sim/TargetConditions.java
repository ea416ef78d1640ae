package org.gpsros.sim;

import org.gpsros.sample.SensorType;

/**
 * A task whose conditions share the arm's start and differ only in where the target is (the peg tasks: the hole;
 * {@code visual_reacher}: the target square). A robot therefore cannot tell the conditions apart by their reset
 * positions; gps_agent_pkg's trials name them by the end-effector points' targets ({@code ee_points_tgt} of a
 * TrialCommand), which {@link #targetPoints} gives.
 */
public interface TargetConditions extends SimTask {

    /** The arm's joint angles at rest at the start of every condition. A fresh array. */
    double[] startJointAngles();

    /** The end-effector points in the tool frame, 3 per point (gps_agent_pkg's {@code ee_points}). A fresh array. */
    double[] endEffectorPointsInToolFrame();

    /** The world positions those points must reach in {@code condition}, 3 per point. A fresh array. */
    double[] targetPoints(int condition);

    /**
     * A fresh world with {@code condition}'s target and the arm at rest at {@code jointAngles} instead of the common
     * start (what a robot's reset to other joint angles gives). Close it when done.
     *
     * @throws IllegalArgumentException if the angles do not fit the arm (count, finiteness, limits)
     */
    SimWorld newWorld(int condition, double[] jointAngles);

    /** A fresh world with {@code condition}'s target and the arm at {@link #startJointAngles()}. */
    @Override
    default SimWorld newWorld(int condition) {
        return newWorld(condition, startJointAngles());
    }

    /** The state the physics holds at the start of {@code condition} (read from a fresh world). */
    @Override
    default double[] initialState(int condition) {
        double[] state = new double[stateLayout().dimension()];
        try (SimWorld world = newWorld(condition)) {
            world.readState(state);
        }
        return state;
    }

    /** The end-effector points, which the task already measures relative to the condition's targets. */
    @Override
    default SensorType targetSensor() {
        return SensorType.END_EFFECTOR_POINTS;
    }

    /** Zeros: the end-effector points are already relative to the condition's targets. */
    @Override
    default double[] target() {
        return new double[endEffectorPointsInToolFrame().length];
    }
}
