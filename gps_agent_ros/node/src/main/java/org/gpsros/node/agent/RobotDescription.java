package org.gpsros.node.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gpsros.agent.Agent;
import org.gpsros.app.config.RobotConfig;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;

/**
 * A real robot as a config's {@code robot:} section describes it (reference {@code AGENT_ROS}, study §2.7 and §4.7):
 * the {@link RosAgentConfig} a {@link RosAgent} needs, and the final distance. As an {@link Agent} it answers every
 * question but {@link #sample}, so an experiment can be built and checked before any ROS connection.
 */
public final class RobotDescription implements Agent {
    private final RobotConfig robot;
    private final RosAgentConfig agentConfig;

    /**
     * @param robot the config's robot section
     * @param topics the protocol's topics
     * @param trialTimeout how long a reset or a trial may take, or null for the section's trial_timeout
     */
    public RobotDescription(RobotConfig robot, RobotTopics topics, Duration trialTimeout) {
        this.robot = robot;
        Duration timeout = trialTimeout != null ? trialTimeout
                : Duration.ofMillis(Math.round(robot.trialTimeout() * 1000));
        List<double[]> x0 = new ArrayList<>();
        List<double[]> resets = new ArrayList<>();
        List<double[]> targets = new ArrayList<>();
        for (int c = 0; c < robot.conditions().size(); c++) {
            x0.add(robot.conditions().get(c).x0());
            resets.add(robot.resetJointAngles(c));
            if (robot.endEffectorPoints().length > 0) {
                targets.add(robot.conditions().get(c).endEffectorTargets());
            }
        }
        this.agentConfig = new RosAgentConfig(robot.horizon(), 1.0 / robot.frequency(), robot.actionDim(),
                robot.stateLayout(), robot.observationLayout(), x0, resets, robot.endEffectorPoints(), targets, topics,
                timeout, timeout, Duration.ofSeconds(10));
    }

    /** What a RosAgent for this robot is configured with. */
    public RosAgentConfig agentConfig() {
        return agentConfig;
    }

    /** A RosAgent sampling this robot through {@code node}. */
    public RosAgent connect(org.gpsros.ros.api.ConnectedNode node) {
        return new RosAgent(node, agentConfig, this::finalDistance);
    }

    /** A RosAgent sampling this robot through {@code node}, its camera (if any) configured by {@code camera}. */
    public RosAgent connect(org.gpsros.ros.api.ConnectedNode node, CameraConfig camera) {
        return new RosAgent(node, agentConfig, this::finalDistance, camera);
    }

    /**
     * ‖distance_sensor at the last step − the condition's distance_target‖ (gps_agent_pkg reports end-effector
     * points relative to their targets, so the default target is 0).
     */
    @Override
    public double finalDistance(Sample sample, int condition) {
        double[] last = sample.sensor(robot.distanceSensor())[sample.horizon() - 1];
        double[] target = robot.distanceTarget(condition);
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            double d = last[i] - target[i];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }

    /** @throws UnsupportedOperationException always: a description does not move the robot; use {@link #connect} */
    @Override
    public Sample sample(Policy policy, int condition, double[][] noise) {
        throw new UnsupportedOperationException("a robot description cannot sample: connect a RosAgent");
    }

    @Override
    public int horizon() {
        return agentConfig.horizon();
    }

    @Override
    public double timeStep() {
        return agentConfig.timeStep();
    }

    @Override
    public int actionDim() {
        return agentConfig.actionDim();
    }

    @Override
    public SensorLayout stateLayout() {
        return agentConfig.stateLayout();
    }

    @Override
    public SensorLayout observationLayout() {
        return agentConfig.observationLayout();
    }

    @Override
    public int conditionCount() {
        return agentConfig.initialStates().size();
    }

    @Override
    public double[] initialState(int condition) {
        return agentConfig.initialStates().get(condition).clone();
    }
}
