package org.gpsros.node.agent;

import java.time.Duration;
import java.util.List;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.sample.SensorLayout;

/**
 * What a {@link RosAgent} needs to know about the robot and task.
 *
 * @param horizon time steps per trial
 * @param timeStep control period in seconds; TrialCommand.frequency is its inverse
 * @param actionDim action size (dU)
 * @param stateLayout the sensors forming the state, sent as state_datatypes
 * @param observationLayout the sensors forming the observation, sent as obs_datatypes
 * @param initialStates each condition's packed x0
 * @param resetTargets each condition's PositionCommand.data (joint angles)
 * @param endEffectorPoints TrialCommand.ee_points: end-effector points in the tool frame, 3 numbers per point (empty
 *     for the simulated robot)
 * @param endEffectorTargets each condition's TrialCommand.ee_points_tgt (same length as endEffectorPoints), or an
 *     empty list when there are no points
 * @param topics the protocol's topic names
 * @param resetTimeout how long a reset may take
 * @param trialTimeout how long a trial may take
 * @param connectTimeout how long to wait for the robot's subscriber and publisher before the first command
 */
public record RosAgentConfig(int horizon, double timeStep, int actionDim, SensorLayout stateLayout,
                             SensorLayout observationLayout, List<double[]> initialStates, List<double[]> resetTargets,
                             double[] endEffectorPoints, List<double[]> endEffectorTargets, RobotTopics topics, Duration resetTimeout, Duration trialTimeout, Duration connectTimeout) {

    public RosAgentConfig {
        if (horizon < 1 || actionDim < 1 || !(timeStep > 0)) {
            throw new IllegalArgumentException("horizon, actionDim and timeStep must be positive, got " + horizon + ", "
                    + actionDim + ", " + timeStep);
        }
        if (initialStates.size() != resetTargets.size() || initialStates.isEmpty()) {
            throw new IllegalArgumentException("initialStates (" + initialStates.size() + ") and resetTargets ("
                    + resetTargets.size() + ") need one entry per condition");
        }
        for (int c = 0; c < initialStates.size(); c++) {
            if (initialStates.get(c).length != stateLayout.dimension()) {
                throw new IllegalArgumentException("initialStates[" + c + "] has " + initialStates.get(c).length
                        + " values, the state has " + stateLayout.dimension());
            }
        }
        if (endEffectorPoints.length % 3 != 0) {
            throw new IllegalArgumentException("endEffectorPoints needs 3 numbers per point, got "
                    + endEffectorPoints.length);
        }
        if (endEffectorPoints.length > 0 && endEffectorTargets.size() != initialStates.size()) {
            throw new IllegalArgumentException("endEffectorTargets (" + endEffectorTargets.size() + ") needs one entry "
                    + "per condition (" + initialStates.size() + ")");
        }
        for (int c = 0; c < endEffectorTargets.size(); c++) {
            if (endEffectorTargets.get(c).length != endEffectorPoints.length) {
                throw new IllegalArgumentException("endEffectorTargets[" + c + "] has " + endEffectorTargets.get(c)
                        .length + " values, endEffectorPoints has " + endEffectorPoints.length);
            }
        }
        endEffectorPoints = endEffectorPoints.clone();
        endEffectorTargets = endEffectorTargets.stream().map(double[]::clone).toList();
        initialStates = initialStates.stream().map(double[]::clone).toList();
        resetTargets = resetTargets.stream().map(double[]::clone).toList();
    }

    /** A condition's TrialCommand.ee_points_tgt (empty without end-effector points). */
    public double[] endEffectorTarget(int condition) {
        return endEffectorTargets.isEmpty() ? new double[0] : endEffectorTargets.get(condition).clone();
    }

    /** The gps_agent_pkg defaults: reset and trial timeouts of 20 s (reference {@code trial_timeout}). */
    public static Duration defaultTimeout() {
        return Duration.ofSeconds(20);
    }

    public RosAgentConfig withTimeouts(Duration reset, Duration trial) {
        return new RosAgentConfig(horizon, timeStep, actionDim, stateLayout, observationLayout, initialStates,
                resetTargets, endEffectorPoints, endEffectorTargets, topics, reset, trial, connectTimeout);
    }

    public RosAgentConfig withTopics(RobotTopics newTopics) {
        return new RosAgentConfig(horizon, timeStep, actionDim, stateLayout, observationLayout, initialStates,
                resetTargets, endEffectorPoints, endEffectorTargets, newTopics, resetTimeout, trialTimeout,
                connectTimeout);
    }
}
