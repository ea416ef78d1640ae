package org.gpsros.sim.box2d;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArmWorldTest {

    private static final double SHOULDER0 = 0.75 * Math.PI;
    private static final double ELBOW0 = 0.5 * Math.PI;
    /** Float rounding of an angle near 2π. */
    private static final double ANGLE_TOL = 1e-6;
    /** Float rounding of positions up to 30 m. */
    private static final double POSITION_TOL = 1e-5;
    private static final double LINK_MASS = 0.5 * 1.0 * 10.0;
    private static final double LINK_INERTIA = LINK_MASS * (1.0 * 1.0 + 10.0 * 10.0) / 12.0;

    @Test
    void readsBackTheJointAnglesItWasBuiltWith() {
        for (double[] q : new double[][] {{SHOULDER0, ELBOW0}, {0, 0}, {-1.3, 2.9}, {4.0, -0.2}}) {
            ArmWorld arm = new ArmWorld(q[0], q[1]);
            assertEquals(q[0], arm.shoulderAngle(), ANGLE_TOL);
            assertEquals(q[1], arm.elbowAngle(), ANGLE_TOL);
            assertEquals(0.0, arm.shoulderSpeed());
            assertEquals(0.0, arm.elbowSpeed());
        }
    }

    @Test
    void forwardKinematicsAtTheTargetAnglesIsStraightUp() {
        double[] point = ArmWorld.endEffectorPoint(0, 0);
        assertEquals(0.0, point[0], 1e-12);
        assertEquals(29.0, point[1], 1e-12);
        double[] x0 = ArmWorld.endEffectorPoint(SHOULDER0, ELBOW0);
        // Link-1 end at 9.5 m along 0.75π + π from the base, link-2 centre 4.5 m further along 1.25π + π.
        double expectedX = -9.5 * Math.sin(SHOULDER0) - 4.5 * Math.sin(SHOULDER0 + ELBOW0);
        double expectedY = 15 + 9.5 * Math.cos(SHOULDER0) + 4.5 * Math.cos(SHOULDER0 + ELBOW0);
        assertEquals(expectedX, x0[0], 1e-12);
        assertEquals(expectedY, x0[1], 1e-12);
    }

    @Test
    void endEffectorEqualsForwardKinematicsAtResetAndWhileMoving() {
        ArmWorld arm = new ArmWorld(SHOULDER0, ELBOW0);
        assertEndEffectorMatchesKinematics(arm, POSITION_TOL);
        for (int t = 0; t < 40; t++) {
            arm.setMotorSpeeds(0.4 * Math.sin(0.2 * t), -0.6);
            arm.step();
            // Box2D's joints are soft: while the arm moves the anchors drift apart by a few millimetres
            // (much more when link 2 is pressed against the base), so the match is close, not exact.
            assertEndEffectorMatchesKinematics(arm, 5e-3);
        }
    }

    private static void assertEndEffectorMatchesKinematics(ArmWorld arm, double tol) {
        double[] fk = ArmWorld.endEffectorPoint(arm.shoulderAngle(), arm.elbowAngle());
        assertEquals(fk[0], arm.endEffectorX(), tol);
        assertEquals(fk[1], arm.endEffectorY(), tol);
    }

    @Test
    void zeroMotorSpeedHoldsStill() {
        ArmWorld arm = new ArmWorld(SHOULDER0, ELBOW0);
        double shoulder = arm.shoulderAngle();
        double elbow = arm.elbowAngle();
        double x = arm.endEffectorX();
        double y = arm.endEffectorY();
        for (int t = 0; t < 30; t++) {
            arm.setMotorSpeeds(0, 0);
            arm.step();
            assertEquals(shoulder, arm.shoulderAngle());
            assertEquals(elbow, arm.elbowAngle());
            assertEquals(0.0, arm.shoulderSpeed());
            assertEquals(0.0, arm.elbowSpeed());
            assertEquals(x, arm.endEffectorX());
            assertEquals(y, arm.endEffectorY());
        }
    }

    @Test
    void aConstantMotorSpeedTurnsTheJointBySpeedTimesDtOnceTheMotorHasCaughtUp() {
        double speed = 0.1;
        ArmWorld arm = new ArmWorld(SHOULDER0, ELBOW0);
        for (int t = 0; t < 30; t++) {
            arm.setMotorSpeeds(speed, 0);
            arm.step();
        }
        double start = arm.shoulderAngle();
        double elbowStart = arm.elbowAngle();
        for (int t = 0; t < 20; t++) {
            double before = arm.shoulderAngle();
            arm.setMotorSpeeds(speed, 0);
            arm.step();
            // Within 0.2 %: float rounding of a 5.5 rad body angle plus the joints' position correction
            // (measured: 0.09 % more than speed·dt per step).
            assertEquals(speed * ArmWorld.TIME_STEP, arm.shoulderAngle() - before, 1e-5);
            assertEquals(speed, arm.shoulderSpeed(), 1e-5);
        }
        assertEquals(20 * speed * ArmWorld.TIME_STEP, arm.shoulderAngle() - start, 2e-4);
        // A velocity motor holds speed, not angle: the elbow creeps by the solver's error (measured 4.6e-4 rad).
        assertEquals(elbowStart, arm.elbowAngle(), 1e-3);

        ArmWorld elbowOnly = new ArmWorld(SHOULDER0, ELBOW0);
        for (int t = 0; t < 30; t++) {
            elbowOnly.setMotorSpeeds(0, -0.5);
            elbowOnly.step();
        }
        double before = elbowOnly.elbowAngle();
        for (int t = 0; t < 10; t++) {
            elbowOnly.setMotorSpeeds(0, -0.5);
            elbowOnly.step();
            assertEquals(-0.5, elbowOnly.elbowSpeed(), 1e-3);
        }
        // Within 1 %: the position correction of the spinning elbow adds about 0.7 % per step.
        assertEquals(10 * -0.5 * ArmWorld.TIME_STEP, elbowOnly.elbowAngle() - before, 0.01 * 0.25);
    }

    /**
     * The shoulder motor is the only torque about the shoulder pivot (the elbow's are internal), so each
     * step can add at most maxMotorTorque·dt = 20 N·m·s of angular momentum about it; a fast command saturates.
     */
    @Test
    void theShoulderMotorIsLimitedToTorque400() {
        ArmWorld arm = new ArmWorld(SHOULDER0, ELBOW0);
        double previous = 0;
        for (int t = 1; t <= 4; t++) {
            arm.setMotorSpeeds(10, 0);
            arm.step();
            double momentum = angularMomentumAboutShoulder(arm);
            assertEquals(ArmWorld.MAX_MOTOR_TORQUE * ArmWorld.TIME_STEP, momentum - previous,
                    0.02 * ArmWorld.MAX_MOTOR_TORQUE * ArmWorld.TIME_STEP, "step " + t);
            previous = momentum;
            assertTrue(arm.shoulderSpeed() < 0.2, "far below the commanded 10 rad/s: " + arm.shoulderSpeed());
        }
    }

    /** Σ I ω + m r × v of both links about the shoulder pivot, from the joint state and rigid kinematics. */
    private static double angularMomentumAboutShoulder(ArmWorld arm) {
        double theta1 = arm.shoulderAngle() + Math.PI;
        double theta2 = theta1 + arm.elbowAngle();
        double omega1 = arm.shoulderSpeed();
        double omega2 = omega1 + arm.elbowSpeed();
        double elbowX = 9.5 * Math.sin(theta1);
        double elbowY = -9.5 * Math.cos(theta1);
        double offsetX = 4.5 * Math.sin(theta2);
        double offsetY = -4.5 * Math.cos(theta2);
        double centreX = elbowX + offsetX;
        double centreY = elbowY + offsetY;
        double velocityX = -omega1 * elbowY - omega2 * offsetY;
        double velocityY = omega1 * elbowX + omega2 * offsetX;
        double link1 = (LINK_INERTIA + LINK_MASS * 25.0) * omega1;
        double link2 = LINK_INERTIA * omega2 + LINK_MASS * (centreX * velocityY - centreY * velocityX);
        return link1 + link2;
    }

    /** Link 2 is not jointed to the base, so (as in the reference) it collides with it and cannot fold back. */
    @Test
    void linkTwoIsStoppedByTheBase() {
        ArmWorld arm = new ArmWorld(SHOULDER0, ELBOW0);
        for (int t = 0; t < 60; t++) {
            arm.setMotorSpeeds(0, 1);
            arm.step();
        }
        // Unobstructed, the elbow would be at 0.5π + 3 rad; the base stops it short of folding (π).
        assertTrue(arm.elbowAngle() > 2.8 && arm.elbowAngle() < Math.PI - 0.1, "elbow " + arm.elbowAngle());
        assertEquals(0.0, arm.elbowSpeed(), 1e-2);
    }

    @Test
    void rebuildingGivesTheSameTrajectoryBitForBit() {
        double[] first = run();
        double[] second = run();
        for (int i = 0; i < first.length; i++) {
            assertEquals(first[i], second[i]);
        }
    }

    private static double[] run() {
        ArmWorld arm = new ArmWorld(SHOULDER0, ELBOW0);
        double[] trace = new double[60 * 4];
        for (int t = 0; t < 60; t++) {
            arm.setMotorSpeeds(Math.cos(0.1 * t), 0.7);
            arm.step();
            trace[4 * t] = arm.shoulderAngle();
            trace[4 * t + 1] = arm.elbowAngle();
            trace[4 * t + 2] = arm.endEffectorX();
            trace[4 * t + 3] = arm.endEffectorY();
        }
        return trace;
    }
}
