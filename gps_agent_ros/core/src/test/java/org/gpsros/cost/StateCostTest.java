package org.gpsros.cost;

import static org.gpsros.cost.CostTestSupport.layout;
import static org.gpsros.cost.CostTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gpsros.math.SplitMix64;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

class StateCostTest {

    private static final double EPS = 1e-14;

    /** JOINT_VELOCITIES (2) then JOINT_ANGLES (1): the angle sits at packed index 2. */
    private static Sample oneStep(double angle) {
        SensorLayout layout = layout(SensorType.JOINT_VELOCITIES, 2, SensorType.JOINT_ANGLES, 1);
        return sample(layout, Map.of(SensorType.JOINT_VELOCITIES, new double[][] {{9, 9}},
                SensorType.JOINT_ANGLES, new double[][] {{angle}}), new double[][] {{0}});
    }

    @Test
    void smoothL1L2ByHandInTheSensorSlice() {
        // d = 4 − 1 = 3, w = 1, α = 16: a = √(16 + 9) = 5, l = ½·9 + 5 = 9.5, d1 = 3 + 3/5, d2 = 1 + 1/5 − 9/125.
        StateCostConfig config = StateCostConfig.of(SensorType.JOINT_ANGLES, new double[] {1}, new double[] {1})
                .withL1(1).withL2(1).withAlpha(16);
        CostDerivatives d = new StateCost(config).evaluate(oneStep(4));
        assertEquals(9.5, d.value()[0], EPS);
        assertArrayEquals(new double[] {0, 0, 3.6}, d.stateGradient()[0], EPS);
        double[] expected = new double[9];
        expected[8] = 1.128;
        assertArrayEquals(expected, d.stateHessian()[0], EPS);
        assertArrayEquals(new double[1], d.actionGradient()[0], 0.0);
    }

    @Test
    void rankOneCurvatureByHand() {
        // w = (1, 2), d = (1, 1), l1 = 1, l2 = 0, α = 4: s = 5, a = 3, l = 3, v = w²d = (1, 4),
        // d1 = v/3, d2 = diag(1, 4)/3 − v vᵀ/27 = [[8, −4], [−4, 20]]/27.
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 2);
        Sample s = sample(layout, Map.of(SensorType.JOINT_ANGLES, new double[][] {{1.5, -0.5}}), new double[][] {{0}});
        StateCostConfig config = StateCostConfig.of(SensorType.JOINT_ANGLES, new double[] {0.5, -1.5}, new double[] {1, 2})
                .withL1(1).withL2(0).withAlpha(4);
        CostDerivatives d = new StateCost(config).evaluate(s);
        assertEquals(3.0, d.value()[0], EPS);
        assertArrayEquals(new double[] {1.0 / 3, 4.0 / 3}, d.stateGradient()[0], EPS);
        assertArrayEquals(new double[] {8.0 / 27, -4.0 / 27, -4.0 / 27, 20.0 / 27}, d.stateHessian()[0], EPS);
    }

    @Test
    void rampAndFinalMultiplierScaleTheWeights() {
        // LINEAR over T = 2 with final multiplier 3: weights 0.5 then 1·3; pure l2, d = 2.
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 1);
        Sample s = sample(layout, Map.of(SensorType.JOINT_ANGLES, new double[][] {{2}, {2}}), new double[][] {{0}, {0}});
        StateCostConfig config = StateCostConfig.of(SensorType.JOINT_ANGLES, new double[] {0}, new double[] {1})
                .withRamp(Ramp.LINEAR).withFinalWeightMultiplier(3);
        CostDerivatives d = new StateCost(config).evaluate(s);
        assertArrayEquals(new double[] {1, 6}, d.value(), EPS);
        assertEquals(1.0, d.stateGradient()[0][0], EPS);
        assertEquals(6.0, d.stateGradient()[1][0], EPS);
        assertEquals(0.5, d.stateHessian()[0][0], EPS);
        assertEquals(3.0, d.stateHessian()[1][0], EPS);
    }

    @Test
    void defaultsAreTheReferences() {
        StateCostConfig config = StateCostConfig.of(SensorType.JOINT_ANGLES, new double[] {0}, new double[] {1});
        assertEquals(Ramp.CONSTANT, config.ramp());
        assertEquals(1.0, config.finalWeightMultiplier());
        assertEquals(0.0, config.l1());
        assertEquals(1.0, config.l2());
        assertEquals(1e-2, config.alpha());
    }

    @Test
    void rejectsBadConfigurationsAndSamples() {
        assertThrows(IllegalArgumentException.class,
                () -> new StateCostConfig.Term(SensorType.JOINT_ANGLES, new double[] {0, 0}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> new StateCostConfig.Term(SensorType.JOINT_ANGLES, new double[] {0}, new double[] {-1}));
        StateCostConfig.Term term = new StateCostConfig.Term(SensorType.JOINT_ANGLES, new double[] {0}, new double[] {1});
        assertThrows(IllegalArgumentException.class, () -> StateCostConfig.of(List.of(term, term)));
        assertThrows(IllegalArgumentException.class, () -> StateCostConfig.of(List.of()));
        StateCostConfig good = StateCostConfig.of(List.of(term));
        assertThrows(IllegalArgumentException.class, () -> good.withL1(1).withAlpha(0));
        // Sensor missing from the state layout.
        StateCost velocityCost = new StateCost(StateCostConfig.of(SensorType.END_EFFECTOR_POINTS, new double[] {0},
                new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> velocityCost.evaluate(oneStep(1)));
        // Target size differs from the sensor's.
        StateCost wrongSize = new StateCost(StateCostConfig.of(SensorType.JOINT_VELOCITIES, new double[] {0},
                new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> wrongSize.evaluate(oneStep(1)));
    }

    @Property(tries = 60)
    void derivativesMatchFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int horizon,
                                           @ForAll @IntRange(min = 1, max = 3) int actionDim) {
        SplitMix64 rng = new SplitMix64(seed);
        SensorType[] sensors = {SensorType.JOINT_ANGLES, SensorType.JOINT_VELOCITIES, SensorType.END_EFFECTOR_POINTS};
        Object[] spec = new Object[2 * sensors.length];
        Map<SensorType, double[][]> data = new EnumMap<>(SensorType.class);
        int[] dims = new int[sensors.length];
        for (int i = 0; i < sensors.length; i++) {
            dims[i] = 1 + rng.nextInt(3);
            spec[2 * i] = sensors[i];
            spec[2 * i + 1] = dims[i];
            data.put(sensors[i], CostTestSupport.normals(rng, horizon, dims[i], 1.0));
        }
        SensorLayout layout = layout(spec);
        Sample base = sample(layout, data, CostTestSupport.normals(rng, horizon, actionDim, 1.0));
        List<StateCostConfig.Term> terms = new ArrayList<>();
        boolean[] penalised = new boolean[layout.dimension()];
        for (int i = 0; i < sensors.length; i++) {
            if (terms.isEmpty() && i == sensors.length - 1 || rng.nextUniform() < 0.6) {
                terms.add(new StateCostConfig.Term(sensors[i], CostTestSupport.normals(rng, 1, dims[i], 1.0)[0],
                        CostTestSupport.uniforms(rng, dims[i], 0, 2)));
                int offset = layout.offsetOf(sensors[i]);
                for (int j = 0; j < dims[i]; j++) {
                    penalised[offset + j] = true;
                }
            }
        }
        StateCostConfig config = new StateCostConfig(terms, Ramp.values()[rng.nextInt(4)], 0.5 + 2.5 * rng.nextUniform(),
                2 * rng.nextUniform(), 2 * rng.nextUniform(), 0.05 + rng.nextUniform());
        StateCost cost = new StateCost(config);
        CostTestSupport.checkAgainstFiniteDifferences(cost.evaluate(base),
                (k, delta) -> cost.evaluate(CostTestSupport.shiftState(base, k, delta)),
                (k, delta) -> cost.evaluate(CostTestSupport.shiftAction(base, k, delta)),
                penalised);
    }
}
