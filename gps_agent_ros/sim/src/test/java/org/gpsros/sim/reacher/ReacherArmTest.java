package org.gpsros.sim.reacher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReacherArmTest {

    @Test
    void undampedUnforcedArmConservesEnergy() {
        ReacherArm arm = new ReacherArm(0.3, 0.5, 0.0);
        arm.setVelocities(1.0, -0.5);
        double start = arm.kineticEnergy();
        double[] none = {0, 0};
        for (int t = 0; t < 20; t++) {
            arm.step(none);
            assertTrue(Math.abs(arm.elbowAngle()) < ReacherArm.ELBOW_LIMIT, "the test motion stays off the limit");
        }
        assertEquals(start, arm.kineticEnergy(), 1e-6 * start);
    }

    @Test
    void dampingDissipatesEnergy() {
        ReacherArm arm = new ReacherArm(0.3, 0.5);
        arm.setVelocities(2.0, -1.0);
        double start = arm.kineticEnergy();
        arm.step(new double[] {0, 0});
        assertTrue(arm.kineticEnergy() < start);
    }

    /** With armature 1 dominating the inertia, full torque from rest gives about gear/(armature + link inertia). */
    @Test
    void fullTorqueAcceleratesTheShoulderAtAboutGearOverInertia() {
        ReacherArm arm = new ReacherArm(0, 1.0);
        arm.step(new double[] {1, 0});
        double accel = arm.shoulderSpeed() / ReacherArm.CONTROL_PERIOD;
        assertTrue(accel > 150 && accel < ReacherArm.GEAR, "shoulder acceleration " + accel);
        // Commands beyond ±1 are clamped.
        ReacherArm clamped = new ReacherArm(0, 1.0);
        clamped.step(new double[] {5, 0});
        assertEquals(arm.shoulderSpeed(), clamped.shoulderSpeed(), 0);
    }

    @Test
    void elbowLimitHoldsUnderFullTorque() {
        ReacherArm arm = new ReacherArm(0, 2.5);
        for (int t = 0; t < 40; t++) {
            arm.step(new double[] {0, 1});
        }
        assertTrue(arm.elbowAngle() > ReacherArm.ELBOW_LIMIT - 0.01 && arm.elbowAngle() < ReacherArm.ELBOW_LIMIT + 0.1,
                "elbow " + arm.elbowAngle());
        assertThrows(IllegalArgumentException.class, () -> new ReacherArm(0, 3.5));
    }

    @Test
    void fingertipJacobianMatchesFiniteDifferences() {
        double q1 = 0.7;
        double q2 = -1.2;
        double[] jacobian = new double[6];
        ReacherArm.fingertipJacobian(q1, q2, jacobian);
        double h = 1e-6;
        for (int j = 0; j < 2; j++) {
            double[] plus = ReacherArm.fingertip(q1 + (j == 0 ? h : 0), q2 + (j == 1 ? h : 0));
            double[] minus = ReacherArm.fingertip(q1 - (j == 0 ? h : 0), q2 - (j == 1 ? h : 0));
            for (int i = 0; i < 2; i++) {
                assertEquals((plus[i] - minus[i]) / (2 * h), jacobian[i * 2 + j], 1e-8, "J[" + i + "][" + j + "]");
            }
        }
        assertEquals(0, jacobian[4]);
        assertEquals(0, jacobian[5]);
    }
}
