package org.gpsros.sim;

/**
 * A task whose conditions share the arm's start and differ only in where the target is (the peg tasks: the hole;
 * {@code visual_reacher}: the target square). A robot therefore cannot tell the conditions apart by their reset
 * positions; gps_agent_pkg's trials name them by the end-effector points' targets ({@code ee_points_tgt} of a
 * TrialCommand), which {@link #targetPoints} gives.
 */
public interface TargetConditions extends SimTask {

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
}
