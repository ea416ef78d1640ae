package org.gpsros.cost;

import static org.gpsros.cost.CostTestSupport.layout;
import static org.gpsros.cost.CostTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

class SumCostTest {

    @Test
    void weightedSumByHand() {
        // Action cost ½·2·u² with u = 1 → 1, l_u = 2, l_uu = 2; state cost ½(x − 0)² with x = 3 → 4.5, l_x = 3.
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 1);
        Sample s = sample(layout, Map.of(SensorType.JOINT_ANGLES, new double[][] {{3}}), new double[][] {{1}});
        Cost action = new ActionCost(new ActionCostConfig(new double[] {2}));
        Cost state = new StateCost(StateCostConfig.of(SensorType.JOINT_ANGLES, new double[] {0}, new double[] {1}));
        CostDerivatives d = new SumCost(new SumCostConfig(List.of(action, state), new double[] {0.5, 2})).evaluate(s);
        assertEquals(0.5 * 1 + 2 * 4.5, d.value()[0], 1e-15);
        assertArrayEquals(new double[] {1}, d.actionGradient()[0], 1e-15);
        assertArrayEquals(new double[] {1}, d.actionHessian()[0], 1e-15);
        assertArrayEquals(new double[] {6}, d.stateGradient()[0], 1e-15);
        assertArrayEquals(new double[] {2}, d.stateHessian()[0], 1e-15);
    }

    @Test
    void rejectsMismatchedWeights() {
        Cost action = new ActionCost(new ActionCostConfig(new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> new SumCostConfig(List.of(action), new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> new SumCostConfig(List.of(), new double[0]));
    }

    @Property(tries = 30)
    void derivativesOfTheSumMatchFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int horizon) {
        SplitMix64 rng = new SplitMix64(seed);
        int angles = 1 + rng.nextInt(3);
        int actionDim = 1 + rng.nextInt(3);
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, angles, SensorType.JOINT_VELOCITIES, 2);
        Sample base = sample(layout, Map.of(SensorType.JOINT_ANGLES, CostTestSupport.normals(rng, horizon, angles, 1.0),
                        SensorType.JOINT_VELOCITIES, CostTestSupport.normals(rng, horizon, 2, 1.0)),
                CostTestSupport.normals(rng, horizon, actionDim, 1.0));
        Cost action = new ActionCost(new ActionCostConfig(CostTestSupport.uniforms(rng, actionDim, 0, 2)));
        Cost state = new StateCost(StateCostConfig.of(SensorType.JOINT_ANGLES, CostTestSupport.normals(rng, 1, angles, 1)[0],
                CostTestSupport.uniforms(rng, angles, 0, 2)).withL1(1).withRamp(Ramp.QUADRATIC));
        SumCost sum = new SumCost(new SumCostConfig(List.of(action, state), CostTestSupport.uniforms(rng, 2, -1, 3)));
        boolean[] coordinates = new boolean[layout.dimension()];
        for (int i = 0; i < angles; i++) {
            coordinates[i] = true;
        }
        CostTestSupport.checkAgainstFiniteDifferences(sum.evaluate(base),
                (k, delta) -> sum.evaluate(CostTestSupport.shiftState(base, k, delta)),
                (k, delta) -> sum.evaluate(CostTestSupport.shiftAction(base, k, delta)),
                coordinates);
    }
}
