package org.gpsros.node.robot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.app.run.Experiment;
import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.msg.gps_msgs.TrialCommand;
import org.gpsros.node.NodeFixtures;
import org.gpsros.node.protocol.RobotProtocolException;
import org.gpsros.node.protocol.SampleMessages;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.sample.Sample;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
import org.junit.jupiter.api.Test;

class SimRobotTest {
    private final Experiment experiment = NodeFixtures.armExperiment();
    private final SimAgent sim = (SimAgent) experiment.agent();
    private final SimTask task = sim.task();
    private final LinearGaussianPolicy controller = experiment.initialControllers().get(0);

    private SampleResult resetAndRun(SimRobot robot, TrialCommand command) {
        robot.reset(new PositionCommand(1, (byte) 1, (byte) 0, SimRobot.resetTarget(task, 0), new double[0]));
        return robot.trial(command, false, null);
    }

    @Test
    void trialEqualsSimAgentWithTheNoiseFoldedBitForBit() {
        double[][] noise = experiment.explorationNoise(0, 0, 0);
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        TrialCommand command = SampleMessages.trialCommand(7, controller, noise, 20.0, task.stateLayout(),
                task.observationLayout());
        SampleResult result = resetAndRun(robot, command);
        assertEquals(7, result.id());
        Sample ros = SampleMessages.toSample(result, task.stateLayout(), task.observationLayout(), task.horizon(),
                task.actionDim(), noise);

        // The same controller with k_t + L ε_t as its feedforward and no noise: the robot's exact arithmetic.
        LinearGaussianPolicy folded = new LinearGaussianPolicy(controller.horizon(), controller.stateDim(),
                controller.actionDim(), controller.feedbackGains(), controller.foldNoise(noise), controller.covariance(),
                controller.covarianceCholesky(), controller.precision());
        Sample exact = sim.sample(folded, 0, new double[task.horizon()][task.actionDim()]);
        for (int t = 0; t < task.horizon(); t++) {
            assertArrayEquals(exact.state(t), ros.state(t), 0.0, "state at t=" + t);
            assertArrayEquals(exact.actions()[t], ros.actions()[t], 0.0, "action at t=" + t);
        }
        // The in-process sample (noise added after K x) differs only by the summation order's rounding.
        Sample inProcess = sim.sample(controller, 0, noise);
        double worst = 0;
        for (int t = 0; t < task.horizon(); t++) {
            for (int i = 0; i < ros.stateDim(); i++) {
                worst = Math.max(worst, Math.abs(inProcess.state(t)[i] - ros.state(t)[i]));
            }
        }
        assertTrue(worst < 1e-6, "in-process and robot states differ by " + worst);
        assertArrayEquals(noise[5], ros.noise()[5], 0.0);
    }

    @Test
    void realTimeTrialKeepsTheCommandedPeriod() {
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        double[][] noise = new double[task.horizon()][task.actionDim()];
        TrialCommand command = SampleMessages.trialCommand(3, controller, noise, 200.0, task.stateLayout(),
                task.observationLayout());
        TrialCommand short10 = TrialCommand.builder().id(3).controller(command.controller()).T(task.horizon())
                .frequency(200.0).build();
        long start = System.nanoTime();
        robot.trial(short10, true, null);
        double seconds = (System.nanoTime() - start) * 1e-9;
        assertTrue(seconds >= (task.horizon() - 1) / 200.0, "a 200 Hz trial of 100 steps took " + seconds + " s");
        assertNotNull(robot.lastTiming());
        assertEquals(5.0, robot.lastTiming().meanPeriodMs(), 1.0);
    }

    @Test
    void actionBeyondTheLimitStopsTheTrialAndTheLearnerSeesACutShortTrial() {
        SimRobot robot = new SimRobot(task, new SimRobot.Limits(1e-3, 1e6));
        double[][] noise = experiment.explorationNoise(0, 0, 0);
        TrialCommand command = SampleMessages.trialCommand(9, controller, noise, 20.0, task.stateLayout(),
                task.observationLayout());
        SampleResult result = resetAndRun(robot, command);
        assertNotNull(robot.lastSafetyStop());
        assertTrue(result.sensor_data().get(0).shape()[0] < task.horizon());
        RobotProtocolException e = assertThrows(RobotProtocolException.class, () -> SampleMessages.toSample(result,
                task.stateLayout(), task.observationLayout(), task.horizon(), task.actionDim(), noise));
        assertTrue(e.getMessage().contains("stopped the trial early"), e.getMessage());
    }

    @Test
    void resetToAnotherTargetStartsThereAtRest() {
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        SampleResult result = robot.reset(new PositionCommand(4, (byte) 1, (byte) 0, new double[] {0.5, -0.25},
                new double[0]));
        assertEquals(4, result.id());
        double[] x = robot.state();
        assertEquals(0.5, x[0], 1e-6);
        assertEquals(-0.25, x[1], 1e-6);
        assertEquals(0.0, x[2], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> robot.reset(new PositionCommand(5, (byte) 1, (byte) 0,
                new double[] {0.5}, new double[0])));
    }
}
