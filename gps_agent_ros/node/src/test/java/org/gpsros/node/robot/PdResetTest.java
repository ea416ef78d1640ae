package org.gpsros.node.robot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.msg.gps_msgs.PositionCommand;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTasks;
import org.junit.jupiter.api.Test;

/** PD position control for resets (issue 3) on box2d_arm: reaching the target from a displaced pose, bad gains. */
class PdResetTest {
    private final SimTask task = SimTasks.create(SimTasks.BOX2D_ARM);
    private final double[] condition = SimRobot.resetTarget(task, 0);

    /** A PD robot that has driven itself (default gains) from condition 0 to {@code pose}. */
    private SimRobot pdRobotAt(double[] pose) {
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults(), SimRobot.ResetMode.PD,
                SimRobot.PdResetSettings.defaults());
        robot.reset(new PositionCommand(1, (byte) 1, (byte) 0, pose, new double[0]));
        return robot;
    }

    @Test
    void pdResetFromADisplacedPoseReachesTheCommandedAnglesWithinTolerance() {
        double[] displaced = {condition[0] - 1.2, condition[1] + 0.8};
        SimRobot robot = pdRobotAt(displaced);
        assertTrue(robot.lastReset().settled(), robot.lastReset().describe());
        assertEquals(displaced[0], robot.state()[0], 1e-3);

        // Per-joint gains (p, i, d, i_clamp); no integral: with i > 0 the integral winds up on the long approach and
        // the last millirad takes longer than the 10 s timeout (the test below shows a timeout being reported).
        double[] gains = {4.0, 0.0, 0.1, 0.0, 3.0, 0.0, 0.05, 0.0};
        SampleResult result = robot.reset(new PositionCommand(2, (byte) 1, (byte) 0, condition.clone(), gains));
        SimRobot.ResetOutcome outcome = robot.lastReset();
        assertEquals(2, result.id());
        assertTrue(outcome.settled(), outcome.describe());
        assertTrue(outcome.steps() > 10, "a PD reset takes time: " + outcome.describe());
        double[] x = robot.state();
        assertEquals(condition[0], x[0], 1e-3);
        assertEquals(condition[1], x[1], 1e-3);
        assertEquals(0.0, x[2], 1e-2);
        assertEquals(0.0, x[3], 1e-2);
        // The reset's 1-step SampleResult reports the state reached, not the target.
        assertArrayEquals(new double[] {x[0], x[1]}, result.sensor_data().get(0).data(), 0.0);
    }

    @Test
    void aPdResetThatCannotSettleInTimeIsReportedUnsettled() {
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults(), SimRobot.ResetMode.PD,
                new SimRobot.PdResetSettings(1e-3, 1e-2, 0.5, 5.0, new double[] {4.0, 0.0, 0.1, 0.0}));
        double[] far = {condition[0] - 2.0, condition[1] + 2.0};
        robot.reset(new PositionCommand(3, (byte) 1, (byte) 0, far, new double[0]));
        SimRobot.ResetOutcome outcome = robot.lastReset();
        assertFalse(outcome.settled(), outcome.describe());
        assertEquals(10, outcome.steps());
        assertTrue(outcome.maxPositionError() > 0.5, outcome.describe());
        assertTrue(outcome.describe().contains("did NOT settle"), outcome.describe());
    }

    @Test
    void badGainsAreRejectedClearly() {
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults(), SimRobot.ResetMode.PD,
                SimRobot.PdResetSettings.defaults());
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class, () -> robot.reset(
                new PositionCommand(4, (byte) 1, (byte) 0, condition.clone(), new double[] {1, 0, 0})));
        assertTrue(wrongLength.getMessage().contains("pd_gains has 3 values")
                && wrongLength.getMessage().contains("4 per joint"), wrongLength.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> robot.reset(
                new PositionCommand(5, (byte) 1, (byte) 0, condition.clone(), new double[] {1, 0, -1, 0, 1, 0, 0, 0})));
        assertTrue(negative.getMessage().contains("d of joint 0 is -1.0"), negative.getMessage());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> robot.reset(
                new PositionCommand(6, (byte) 1, (byte) 0, condition.clone(),
                        new double[] {1, 0, 0, 0, Double.NaN, 0, 0, 0})));
        assertTrue(nan.getMessage().contains("p of joint 1 is NaN"), nan.getMessage());
        IllegalArgumentException idle = assertThrows(IllegalArgumentException.class, () -> robot.reset(
                new PositionCommand(7, (byte) 1, (byte) 0, condition.clone(), new double[] {1, 0, 0, 0, 0, 0, 1, 0})));
        assertTrue(idle.getMessage().contains("joint 1 has p = 0 and i = 0"), idle.getMessage());
        // Nothing moved.
        assertArrayEquals(task.initialState(0), robot.state(), 0.0);
    }

    @Test
    void exactModeStaysTheDefaultAndTeleports() {
        SimRobot robot = new SimRobot(task, SimRobot.Limits.defaults());
        assertEquals(SimRobot.ResetMode.EXACT, robot.resetMode());
        robot.reset(new PositionCommand(8, (byte) 1, (byte) 0, new double[] {0.5, -0.25}, new double[0]));
        assertTrue(robot.lastReset().settled());
        assertEquals(0, robot.lastReset().steps());
        assertEquals(SimRobot.ResetMode.PD, SimRobot.ResetMode.parse("PD"));
        assertThrows(IllegalArgumentException.class, () -> SimRobot.ResetMode.parse("teleport"));
    }
}
