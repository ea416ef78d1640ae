package org.gpsros.sim.bullet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

class PegWorldTest {

    private static final int N = ArmModel.JOINTS;
    private static final double[] NO_OFFSET = new double[3];

    /** 40 control steps of random torques (seeded), recording the joint angles after each. */
    private static double[][] randomRollout(long seed, int substeps) {
        SplitMix64 random = new SplitMix64(seed);
        double[][] angles = new double[40][N];
        try (PegWorld world = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, substeps)) {
            double[] u = new double[N];
            for (int t = 0; t < angles.length; t++) {
                for (int j = 0; j < N; j++) {
                    u[j] = 5 * PegTestSupport.PR2_GAINS[j] * random.nextNormal();
                }
                world.step(u);
                world.jointAngles(angles[t]);
            }
        }
        return angles;
    }

    @Test
    void bulletLinksSitWhereTheKinematicsPutThem() {
        SplitMix64 random = new SplitMix64(5);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        double[] q = new double[N];
        double[] fromModel = new double[3];
        double[] fromBullet = new double[3];
        double[] rotation = new double[9];
        double[] bulletRotation = new double[9];
        try (PegWorld world = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, PegWorld.DEFAULT_SUBSTEPS)) {
            double[] u = new double[N];
            for (int t = 0; t < 30; t++) {
                for (int j = 0; j < N; j++) {
                    u[j] = 2 * PegTestSupport.PR2_GAINS[j] * random.nextNormal();
                }
                world.step(u);
                world.jointAngles(q);
                kinematics.update(q);
                for (int l = 0; l < N; l++) {
                    kinematics.centerOfMass(l, fromModel);
                    world.linkCenterOfMass(l, fromBullet);
                    assertArrayEquals(fromModel, fromBullet, 2e-5, "link " + l + " at step " + t);
                }
                world.pegColliderTransform(fromBullet, bulletRotation);
                kinematics.centerOfMass(N - 1, fromModel);
                kinematics.rotation(N - 1, rotation);
                assertArrayEquals(fromModel, fromBullet, 2e-5, "peg collider at step " + t);
                assertArrayEquals(rotation, bulletRotation, 2e-5, "peg collider rotation at step " + t);
            }
        }
    }

    @Test
    void bulletAcceleratesTheArmByTheModelsInverseInertia() {
        // One 0.05 s step from rest: q̇' = h M⁻¹ τ (no velocity yet, so no damping, Coriolis or drag), i.e.
        // M q̇' / h = τ; this checks masses, centres, inertias and the armature as Bullet uses them.
        double[] torque = {2.0, -1.0, 0.3, 0.5, -0.05, 0.08, 0.04};
        double[] qd = new double[N];
        try (PegWorld world = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, 1)) {
            world.step(torque);
            world.jointVelocities(qd);
        }
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        kinematics.update(PegTestSupport.INITIAL_ANGLES);
        double[] inertia = new double[N * N];
        kinematics.jointSpaceInertia(inertia);
        for (int j = 0; j < N; j++) {
            double implied = 0;
            for (int k = 0; k < N; k++) {
                implied += inertia[j * N + k] * qd[k] / PegWorld.CONTROL_PERIOD;
            }
            assertEquals(torque[j], implied, 2e-4 * 2.0, "joint " + j);
        }
    }

    @Test
    void anArmAtRestWithoutTorqueStaysPut() {
        double[] q = new double[N];
        double[] qd = new double[N];
        try (PegWorld world = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, PegWorld.DEFAULT_SUBSTEPS)) {
            for (int t = 0; t < 20; t++) {
                world.step(new double[N]);
            }
            world.jointAngles(q);
            world.jointVelocities(qd);
        }
        for (int j = 0; j < N; j++) {
            assertEquals((float) PegTestSupport.INITIAL_ANGLES[j], q[j], 0.0);
            assertEquals(0.0, qd[j], 0.0);
        }
    }

    @Test
    void rolloutsAreBitIdentical() {
        double[][] first = randomRollout(17, PegWorld.DEFAULT_SUBSTEPS);
        double[][] second = randomRollout(17, PegWorld.DEFAULT_SUBSTEPS);
        for (int t = 0; t < first.length; t++) {
            assertArrayEquals(first[t], second[t], 0.0, "step " + t);
        }
        double[][] other = randomRollout(18, PegWorld.DEFAULT_SUBSTEPS);
        assertTrue(other[39][0] != first[39][0]);
    }

    @Test
    void torquesAreClampedTo100() {
        for (int j = 0; j < N; j++) {
            for (double sign : new double[] {-1, 1}) {
                double[] clamped = new double[N];
                double[] huge = new double[N];
                double[] atLimit = new double[N];
                atLimit[j] = sign * 100;
                double[] beyond = new double[N];
                beyond[j] = sign * 1e4;
                try (PegWorld a = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, 5);
                     PegWorld b = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, 5)) {
                    for (int t = 0; t < 3; t++) {
                        a.step(atLimit);
                        b.step(beyond);
                    }
                    a.jointAngles(clamped);
                    b.jointAngles(huge);
                }
                assertArrayEquals(clamped, huge, 0.0, "joint " + j + " sign " + sign);
            }
        }
    }

    @Test
    void jointLimitsHoldAgainstFullTorque() {
        for (int j = 0; j < N; j++) {
            if (!ArmModel.isLimited(j)) {
                continue;
            }
            for (double sign : new double[] {-1, 1}) {
                double limit = sign > 0 ? ArmModel.upperLimit(j) : ArmModel.lowerLimit(j);
                double worst = Double.NEGATIVE_INFINITY;
                double[] q = new double[N];
                double[] u = new double[N];
                u[j] = sign * 100;
                try (PegWorld world = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES,
                        PegWorld.DEFAULT_SUBSTEPS)) {
                    for (int t = 0; t < 40; t++) {
                        world.step(u);
                        world.jointAngles(q);
                        worst = Math.max(worst, sign * (q[j] - limit));
                    }
                    for (int t = 0; t < 20; t++) {
                        world.step(new double[N]);
                    }
                    world.jointAngles(q);
                }
                String what = ArmModel.jointName(j) + " pushed " + (sign > 0 ? "up" : "down");
                assertTrue(worst > -0.01, what + " never reached its limit (" + worst + ")");
                // A soft limit (spring-damper, ω = 0.4/h): at most a few tenths of a radian for an impact at
                // tens of rad/s on the lightest joints, and back within 5 mrad once the torque stops.
                assertTrue(worst < 0.25, what + ": " + worst + " rad past the limit");
                assertTrue(sign * (q[j] - limit) < 0.005, what + ": still " + sign * (q[j] - limit)
                        + " rad past the limit after release");
            }
        }
    }

    @Test
    void thePegCannotPassThroughTheTable() {
        // Pull the peg, upright, toward a point 0.2 below the table top and 0.15 beside the hole.
        double[] hole = {0.05, 0.02, 0};
        double[] target = {0.15 + hole[0], 0.3 + hole[1], -0.6, 0.15 + hole[0], 0.3 + hole[1], -0.3};
        double lowest = Double.POSITIVE_INFINITY;
        try (PegWorld world = new PegWorld(hole, PegTestSupport.INITIAL_ANGLES, PegWorld.DEFAULT_SUBSTEPS)) {
            for (int t = 0; t < 100; t++) {
                world.step(PegTestSupport.springTorques(world, target, 50, 5));
                lowest = Math.min(lowest, PegTestSupport.pegEnds(world)[2]);
            }
            assertTrue(PegTestSupport.pegEnds(world)[2] < -0.38, "the peg did not reach the table");
        }
        assertTrue(lowest > PegWorld.TABLE_TOP - 0.01, "the peg's bottom went down to " + lowest);
    }

    @Test
    void thePegCannotPassThroughTheHoleWalls() {
        // Start with the peg upright in the hole, 2 cm above the floor, then pull it down and 10 cm sideways.
        double[] hole = {-0.03, 0.04, 0};
        double[] bottom = {hole[0], 0.3 + hole[1], -0.48};
        double[] start = PegTestSupport.inverseKinematics(new double[] {bottom[0], bottom[1], bottom[2], bottom[0],
            bottom[1], bottom[2] + 0.3}, PegTestSupport.INITIAL_ANGLES);
        try (PegWorld world = new PegWorld(hole, start, PegWorld.DEFAULT_SUBSTEPS)) {
            double[] ends = PegTestSupport.pegEnds(world);
            assertEquals(0.0, Math.hypot(ends[0] - bottom[0], ends[1] - bottom[1]), 1e-4, "inverse kinematics");
            double[] target = {bottom[0] + 0.1, bottom[1], bottom[2] - 0.04, bottom[0] + 0.1, bottom[1],
                bottom[2] + 0.26};
            double widest = 0;
            for (int t = 0; t < 40; t++) {
                world.step(PegTestSupport.springTorques(world, target, 50, 5));
                ends = PegTestSupport.pegEnds(world);
                assertTrue(ends[2] < PegWorld.TABLE_TOP - 0.05, "the peg left the hole: bottom at " + ends[2]);
                widest = Math.max(widest, Math.hypot(ends[0] - bottom[0], ends[1] - bottom[1]));
            }
            // The inner faces are 0.0295-0.0345 from the axis over the depth, the peg's radius 0.028: the bottom
            // can move a few millimetres (more when the peg tilts), never the 10 cm it is pulled.
            assertTrue(widest < 0.008, "the peg's bottom moved " + widest + " sideways");
            assertTrue(widest > 0.001, "the pull did not move the peg at all (" + widest + ")");
        }
    }

    @Test
    void badArgumentsAreRefused() {
        double[] outside = PegTestSupport.INITIAL_ANGLES.clone();
        outside[5] = 0.3;
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PegWorld(NO_OFFSET, outside, 5));
        assertTrue(error.getMessage().contains("wrist_flex"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PegWorld(NO_OFFSET, new double[6], 5));
        assertThrows(IllegalArgumentException.class, () -> new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, 0));
    }

    @Test
    void worldsThatAreNeverClosedAreReleasedSafely() throws InterruptedException {
        // The cleaner empties an unreachable world's space on its own thread before the natives are freed; a
        // use-after-free here would crash the test JVM.
        for (int i = 0; i < 40; i++) {
            new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, 2).step(new double[N]);
        }
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        try (PegWorld world = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, 2)) {
            world.step(new double[N]);
        }
    }

    @Test
    void aClosedWorldCannotBeUsed() {
        PegWorld world = new PegWorld(NO_OFFSET, PegTestSupport.INITIAL_ANGLES, 5);
        world.close();
        world.close();
        assertThrows(IllegalStateException.class, () -> world.step(new double[N]));
        assertThrows(IllegalStateException.class, () -> world.jointAngles(new double[N]));
    }
}
