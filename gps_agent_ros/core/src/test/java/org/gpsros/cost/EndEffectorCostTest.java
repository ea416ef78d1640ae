package org.gpsros.cost;

import static org.gpsros.cost.CostTestSupport.layout;
import static org.gpsros.cost.CostTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gpsros.math.SplitMix64;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

class EndEffectorCostTest {

    private static final double EPS = 1e-14;

    /** One step, one joint angle at packed index 1 (after one joint velocity), one point with Jacobian column j. */
    private static Sample onePoint(double[] point, double[] jacobian) {
        SensorLayout layout = layout(SensorType.JOINT_VELOCITIES, 1, SensorType.JOINT_ANGLES, 1);
        Map<SensorType, double[][]> data = new EnumMap<>(SensorType.class);
        data.put(SensorType.JOINT_VELOCITIES, new double[][] {{0}});
        data.put(SensorType.JOINT_ANGLES, new double[][] {{0}});
        data.put(SensorType.END_EFFECTOR_POINTS, new double[][] {point});
        data.put(SensorType.END_EFFECTOR_POINT_JACOBIANS, new double[][] {jacobian});
        return sample(layout, data, new double[][] {{0}});
    }

    @Test
    void squaredDistanceThroughTheJacobianByHand() {
        // d = (1, −1, 5), w = 1, J = (1, 2, 0)ᵀ, pure l2: l = 27/2, l_q = Jᵀd = −1, l_qq = JᵀJ = 5.
        EndEffectorCostConfig config = EndEffectorCostConfig.of(new double[] {1, 1, -1}, new double[] {1, 1, 1});
        CostDerivatives d = new EndEffectorCost(config).evaluate(onePoint(new double[] {2, 0, 4}, new double[] {1, 2, 0}));
        assertEquals(13.5, d.value()[0], EPS);
        assertArrayEquals(new double[] {0, -1}, d.stateGradient()[0], EPS);
        assertArrayEquals(new double[] {0, 0, 0, 5}, d.stateHessian()[0], EPS);
    }

    @Test
    void logTermByHandWithExactAndReferenceHessians() {
        // d = (3, 0, 0), w = 1, J = (1, 0, 0)ᵀ, l1 = 2, l2 = 0, α = 16: a = 25, l = log 25, l_q = 2·3/25,
        // exact l_qq = d²/dx² log(16 + x²) at 3 = (32 − 18)/625; the reference drops the 2: 2·(1/25 − 9/625).
        EndEffectorCostConfig config = EndEffectorCostConfig.of(new double[] {0, 0, 0}, new double[] {1, 1, 1})
                .withL1(2).withL2(0).withAlpha(16);
        Sample s = onePoint(new double[] {3, 0, 0}, new double[] {1, 0, 0});
        CostDerivatives exact = new EndEffectorCost(config).evaluate(s);
        assertEquals(Math.log(25), exact.value()[0], EPS);
        assertEquals(0.24, exact.stateGradient()[0][1], EPS);
        assertEquals(14.0 / 625, exact.stateHessian()[0][3], EPS);
        CostDerivatives reference = new EndEffectorCost(config.withNorm(PenaltyNorm.LOG_L2_REFERENCE_HESSIAN)).evaluate(s);
        assertEquals(Math.log(25), reference.value()[0], EPS);
        assertEquals(0.24, reference.stateGradient()[0][1], EPS);
        assertEquals(32.0 / 625, reference.stateHessian()[0][3], EPS);
        CostDerivatives smoothL1 = new EndEffectorCost(config.withNorm(PenaltyNorm.L1_L2)).evaluate(s);
        assertEquals(10.0, smoothL1.value()[0], EPS); // 2·√25
        assertEquals(1.2, smoothL1.stateGradient()[0][1], EPS); // 2·3/5
        assertEquals(2 * (1.0 / 5 - 9.0 / 125), smoothL1.stateHessian()[0][3], EPS);
    }

    @Test
    void defaultsAreTheReferences() {
        EndEffectorCostConfig config = EndEffectorCostConfig.of(new double[3], new double[] {1, 1, 1});
        assertEquals(Ramp.CONSTANT, config.ramp());
        assertEquals(1.0, config.finalWeightMultiplier());
        assertEquals(0.0, config.l1());
        assertEquals(1.0, config.l2());
        assertEquals(1e-5, config.alpha());
        assertEquals(PenaltyNorm.LOG_L2, config.norm());
    }

    @Test
    void rejectsInconsistentSizes() {
        assertThrows(IllegalArgumentException.class, () -> EndEffectorCostConfig.of(new double[2], new double[2]));
        assertThrows(IllegalArgumentException.class, () -> EndEffectorCostConfig.of(new double[3], new double[6]));
        EndEffectorCost cost = new EndEffectorCost(EndEffectorCostConfig.of(new double[3], new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> cost.evaluate(onePoint(new double[3], new double[6])));
        EndEffectorCost twoPoints = new EndEffectorCost(EndEffectorCostConfig.of(new double[6], new double[6]));
        assertThrows(IllegalArgumentException.class, () -> twoPoints.evaluate(onePoint(new double[3], new double[3])));
    }

    /** A random sample whose end-effector points move linearly with the joint angles through the stored Jacobians. */
    private record Kinematic(Sample base, int angleOffset, int jointDim, int pointDim) {

        Sample shiftJoint(int stateIndex, double delta) {
            int joint = stateIndex - angleOffset;
            Sample shifted = CostTestSupport.shiftState(base, stateIndex, delta);
            Map<SensorType, double[][]> data = new EnumMap<>(shifted.sensorData());
            double[][] points = CostTestSupport.copy(base.sensor(SensorType.END_EFFECTOR_POINTS));
            double[][] jacobians = base.sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS);
            for (int t = 0; t < points.length; t++) {
                for (int i = 0; i < pointDim; i++) {
                    points[t][i] += jacobians[t][i * jointDim + joint] * delta;
                }
            }
            data.put(SensorType.END_EFFECTOR_POINTS, points);
            return new Sample(base.stateLayout(), base.observationLayout(), data, base.actions(), base.noise());
        }
    }

    private static Kinematic randomKinematic(SplitMix64 rng, int horizon, int actionDim) {
        int jointDim = 1 + rng.nextInt(3);
        int pointDim = 3 * (1 + rng.nextInt(2));
        SensorLayout layout = layout(SensorType.JOINT_VELOCITIES, jointDim, SensorType.JOINT_ANGLES, jointDim,
                SensorType.END_EFFECTOR_POINTS, pointDim);
        Map<SensorType, double[][]> data = new EnumMap<>(SensorType.class);
        data.put(SensorType.JOINT_VELOCITIES, CostTestSupport.normals(rng, horizon, jointDim, 1.0));
        data.put(SensorType.JOINT_ANGLES, CostTestSupport.normals(rng, horizon, jointDim, 1.0));
        data.put(SensorType.END_EFFECTOR_POINTS, CostTestSupport.normals(rng, horizon, pointDim, 1.0));
        data.put(SensorType.END_EFFECTOR_POINT_JACOBIANS, CostTestSupport.normals(rng, horizon, pointDim * jointDim, 1.0));
        Sample base = sample(layout, data, CostTestSupport.normals(rng, horizon, actionDim, 1.0));
        return new Kinematic(base, layout.offsetOf(SensorType.JOINT_ANGLES), jointDim, pointDim);
    }

    private static EndEffectorCostConfig randomConfig(SplitMix64 rng, int pointDim, PenaltyNorm norm) {
        return new EndEffectorCostConfig(CostTestSupport.normals(rng, 1, pointDim, 1.0)[0],
                CostTestSupport.uniforms(rng, pointDim, 0, 2), Ramp.values()[rng.nextInt(4)],
                0.5 + 2.5 * rng.nextUniform(), 2 * rng.nextUniform(), 2 * rng.nextUniform(), 0.05 + rng.nextUniform(), norm);
    }

    @Property(tries = 60)
    void derivativesMatchFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int horizon,
                                           @ForAll @IntRange(min = 1, max = 3) int actionDim,
                                           @ForAll boolean logNorm) {
        SplitMix64 rng = new SplitMix64(seed);
        Kinematic k = randomKinematic(rng, horizon, actionDim);
        EndEffectorCost cost = new EndEffectorCost(randomConfig(rng, k.pointDim(), logNorm ? PenaltyNorm.LOG_L2 : PenaltyNorm.L1_L2));
        boolean[] joints = new boolean[k.base().stateDim()];
        for (int j = 0; j < k.jointDim(); j++) {
            joints[k.angleOffset() + j] = true;
        }
        CostTestSupport.checkAgainstFiniteDifferences(cost.evaluate(k.base()),
                (i, delta) -> cost.evaluate(k.shiftJoint(i, delta)),
                (i, delta) -> cost.evaluate(CostTestSupport.shiftAction(k.base(), i, delta)),
                joints);
    }

    /**
     * The reference Hessian differs from the exact one by exactly l1/a² (Jᵀv)(Jᵀv)ᵀ with v = w²∘d, and is
     * positive semi-definite.
     */
    @Property(tries = 60)
    void referenceHessianIsExactPlusHalfTheRankOneTermAndPsd(@ForAll long seed,
                                                             @ForAll @IntRange(min = 1, max = 4) int horizon) {
        SplitMix64 rng = new SplitMix64(seed);
        Kinematic k = randomKinematic(rng, horizon, 1);
        EndEffectorCostConfig exactConfig = randomConfig(rng, k.pointDim(), PenaltyNorm.LOG_L2);
        CostDerivatives exact = new EndEffectorCost(exactConfig).evaluate(k.base());
        CostDerivatives reference = new EndEffectorCost(exactConfig.withNorm(PenaltyNorm.LOG_L2_REFERENCE_HESSIAN))
                .evaluate(k.base());
        int dx = k.base().stateDim();
        int nq = k.jointDim();
        double[] ramp = exactConfig.ramp().multipliers(horizon, exactConfig.finalWeightMultiplier());
        for (int t = 0; t < horizon; t++) {
            assertArrayEquals(exact.value(), reference.value(), 0.0);
            assertArrayEquals(exact.stateGradient()[t], reference.stateGradient()[t], 0.0);
            double[] point = k.base().sensor(SensorType.END_EFFECTOR_POINTS)[t];
            double[] jac = k.base().sensor(SensorType.END_EFFECTOR_POINT_JACOBIANS)[t];
            double a = exactConfig.alpha();
            double[] v = new double[k.pointDim()];
            for (int i = 0; i < v.length; i++) {
                double w = exactConfig.weights()[i] * ramp[t];
                double d = point[i] - exactConfig.targetPoints()[i];
                a += w * w * d * d;
                v[i] = w * w * d;
            }
            double[] jv = new double[nq];
            for (int i = 0; i < v.length; i++) {
                for (int j = 0; j < nq; j++) {
                    jv[j] += jac[i * nq + j] * v[i];
                }
            }
            for (int p = 0; p < nq; p++) {
                for (int q = 0; q < nq; q++) {
                    int index = (k.angleOffset() + p) * dx + k.angleOffset() + q;
                    double expected = exact.stateHessian()[t][index] + exactConfig.l1() / (a * a) * jv[p] * jv[q];
                    assertEquals(expected, reference.stateHessian()[t][index], 1e-12 * (1 + Math.abs(expected)));
                }
            }
            assertTrue(minEigenvalue(reference.stateHessian()[t], dx) >= -1e-12,
                    "the reference Hessian must be positive semi-definite");
        }
    }

    private static double minEigenvalue(double[] symmetric, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        assertTrue(eig.decompose(new DMatrixRMaj(n, n, true, symmetric)));
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, eig.getEigenvalue(i).real);
        }
        return min;
    }
}
