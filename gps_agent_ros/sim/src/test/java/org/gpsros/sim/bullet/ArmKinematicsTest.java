package org.gpsros.sim.bullet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gpsros.math.SplitMix64;
import org.junit.jupiter.api.Test;

class ArmKinematicsTest {

    private static final int N = ArmModel.JOINTS;

    /** Joint angles drawn within the limits (the roll joints in ±π). */
    private static double[] randomAngles(SplitMix64 random) {
        double[] q = new double[N];
        for (int j = 0; j < N; j++) {
            double lo = ArmModel.isLimited(j) ? ArmModel.lowerLimit(j) : -Math.PI;
            double hi = ArmModel.isLimited(j) ? ArmModel.upperLimit(j) : Math.PI;
            q[j] = lo + (hi - lo) * random.nextUniform();
        }
        return q;
    }

    @Test
    void pegEndsAtTheInitialPoseMatchAnIndependentComputation() {
        // Independent numpy forward kinematics of the TASKS.md §4 frame offsets and axes at x0.
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        kinematics.update(PegTestSupport.INITIAL_ANGLES);
        double[] ends = new double[6];
        kinematics.pegEnds(ends);
        assertArrayEquals(new double[] {0.36962966708959055, 0.37816498581825164, -0.1280483204000388,
            0.40425588855951744, 0.31200037594474506, 0.1625085056891141}, ends, 1e-14);
    }

    @Test
    void pegEndsAreThePegLengthApartAlongTheToolZ() {
        SplitMix64 random = new SplitMix64(3);
        ArmKinematics kinematics = new ArmKinematics(new double[] {0.1, -0.2, 0.3});
        double[] ends = new double[6];
        double[] tool = new double[3];
        double[] rotation = new double[9];
        for (int trial = 0; trial < 20; trial++) {
            kinematics.update(randomAngles(random));
            kinematics.pegEnds(ends);
            kinematics.toolPosition(tool);
            kinematics.rotation(N - 1, rotation);
            for (int i = 0; i < 3; i++) {
                assertEquals(tool[i] - 0.15 * rotation[3 * i + 2], ends[i], 1e-15);
                assertEquals(tool[i] + 0.15 * rotation[3 * i + 2], ends[3 + i], 1e-15);
            }
        }
    }

    @Test
    void jacobianMatchesFiniteDifferences() {
        SplitMix64 random = new SplitMix64(7);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        double[] jacobian = new double[6 * N];
        double[] plus = new double[6];
        double[] minus = new double[6];
        double h = 1e-6;
        for (int trial = 0; trial < 20; trial++) {
            double[] q = randomAngles(random);
            kinematics.update(q);
            kinematics.pegEndJacobians(jacobian);
            for (int j = 0; j < N; j++) {
                double[] shifted = q.clone();
                shifted[j] = q[j] + h;
                kinematics.update(shifted);
                kinematics.pegEnds(plus);
                shifted[j] = q[j] - h;
                kinematics.update(shifted);
                kinematics.pegEnds(minus);
                for (int i = 0; i < 6; i++) {
                    double numeric = (plus[i] - minus[i]) / (2 * h);
                    assertEquals(numeric, jacobian[i * N + j], 1e-8, "d end[" + i + "] / d q[" + j + "]");
                }
            }
        }
    }

    @Test
    void jointSpaceInertiaGivesTheLinksKineticEnergy() {
        // ½ q̇ᵀ M q̇ = Σ_l ½ m_l |ċ_l|² + ½ ω_lᵀ I_l ω_l, with ċ_l and ω_l (from Ṙ Rᵀ) by central differences.
        SplitMix64 random = new SplitMix64(11);
        ArmKinematics kinematics = new ArmKinematics(new double[3]);
        double[] inertia = new double[N * N];
        double h = 1e-6;
        for (int trial = 0; trial < 10; trial++) {
            double[] q = randomAngles(random);
            double[] qd = new double[N];
            for (int j = 0; j < N; j++) {
                qd[j] = 2 * random.nextUniform() - 1;
            }
            kinematics.update(q);
            kinematics.jointSpaceInertia(inertia);
            double matrixEnergy = 0;
            for (int j = 0; j < N; j++) {
                for (int k = 0; k < N; k++) {
                    assertEquals(inertia[j * N + k], inertia[k * N + j], 1e-12);
                    matrixEnergy += 0.5 * qd[j] * inertia[j * N + k] * qd[k];
                }
            }
            double[] ahead = new double[N];
            double[] behind = new double[N];
            for (int j = 0; j < N; j++) {
                ahead[j] = q[j] + h * qd[j];
                behind[j] = q[j] - h * qd[j];
            }
            double linkEnergy = 0;
            for (int l = 0; l < N; l++) {
                double[] c1 = new double[3];
                double[] c0 = new double[3];
                double[] r1 = new double[9];
                double[] r0 = new double[9];
                double[] r = new double[9];
                kinematics.update(ahead);
                kinematics.centerOfMass(l, c1);
                kinematics.rotation(l, r1);
                kinematics.update(behind);
                kinematics.centerOfMass(l, c0);
                kinematics.rotation(l, r0);
                kinematics.update(q);
                kinematics.rotation(l, r);
                double[] velocity = new double[3];
                for (int i = 0; i < 3; i++) {
                    velocity[i] = (c1[i] - c0[i]) / (2 * h);
                }
                // Ω = Ṙ Rᵀ (skew), ω = (Ω21, Ω02, Ω10).
                double[] omega = new double[9];
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < 3; k++) {
                        double sum = 0;
                        for (int m = 0; m < 3; m++) {
                            sum += (r1[3 * i + m] - r0[3 * i + m]) / (2 * h) * r[3 * k + m];
                        }
                        omega[3 * i + k] = sum;
                    }
                }
                double[] w = {omega[7], omega[2], omega[3]};
                double[] local = new double[3];
                for (int m = 0; m < 3; m++) {
                    local[m] = r[m] * w[0] + r[3 + m] * w[1] + r[6 + m] * w[2];
                }
                ArmModel.LinkInertia link = ArmModel.link(l);
                double[] principal = link.inertia();
                linkEnergy += 0.5 * link.mass() * (velocity[0] * velocity[0] + velocity[1] * velocity[1]
                        + velocity[2] * velocity[2]);
                for (int m = 0; m < 3; m++) {
                    linkEnergy += 0.5 * principal[m] * local[m] * local[m];
                }
            }
            assertEquals(linkEnergy, matrixEnergy, 1e-7 * Math.max(1, matrixEnergy));
        }
    }

    @Test
    void massPropertiesFollowTheGeometry() {
        double pegMass = 1000 * Math.PI * 0.028 * 0.028 * 0.3;
        assertEquals(pegMass, ArmModel.pegMass(), 1e-12);
        // Link 6: the hand capsule (r 0.02, 0.18 long) plus the peg at the tool frame.
        double hand = 1000 * (Math.PI * 0.02 * 0.02 * 0.18 + 4.0 / 3.0 * Math.PI * 0.02 * 0.02 * 0.02);
        ArmModel.LinkInertia link6 = ArmModel.link(6);
        assertEquals(hand + pegMass, link6.mass(), 1e-12);
        assertEquals((hand * 0.09 + pegMass * 0.18) / (hand + pegMass), link6.centerOfMass()[0], 1e-12);
        // Link 0 turns about its own symmetry axis z: ½ m_cyl r² + (2/5) m_spheres r² + armature.
        double cylinder = 1000 * Math.PI * 0.01 * 0.4;
        double spheres = 1000 * 4.0 / 3.0 * Math.PI * 0.001;
        assertEquals(0.5 * cylinder * 0.01 + 0.4 * spheres * 0.01 + ArmModel.ARMATURE, ArmModel.link(0).inertia()[2],
                1e-12);
        for (int j = 0; j < N; j++) {
            assertTrue(ArmModel.link(j).mass() > 0);
        }
    }
}
