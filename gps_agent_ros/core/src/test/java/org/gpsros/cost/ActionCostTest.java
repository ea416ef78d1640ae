package org.gpsros.cost;

import static org.gpsros.cost.CostTestSupport.layout;
import static org.gpsros.cost.CostTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.gpsros.math.SplitMix64;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

class ActionCostTest {

    @Test
    void handComputedValues() {
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 1);
        Sample s = sample(layout, Map.of(SensorType.JOINT_ANGLES, new double[][] {{0.5}, {0.7}}),
                new double[][] {{1, -1}, {0, 2}});
        CostDerivatives d = new ActionCost(new ActionCostConfig(new double[] {2, 3})).evaluate(s);
        assertArrayEquals(new double[] {2.5, 6.0}, d.value(), 0.0);
        assertArrayEquals(new double[] {2, -3}, d.actionGradient()[0], 0.0);
        assertArrayEquals(new double[] {0, 6}, d.actionGradient()[1], 0.0);
        assertArrayEquals(new double[] {2, 0, 0, 3}, d.actionHessian()[1], 0.0);
        assertArrayEquals(new double[] {0}, d.stateGradient()[0], 0.0);
        assertEquals(8.5, d.total(), 0.0);
    }

    @Test
    void rejectsWrongSizesAndBadWeights() {
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 1);
        Sample s = sample(layout, Map.of(SensorType.JOINT_ANGLES, new double[][] {{0.5}}), new double[][] {{1, 2}});
        assertThrows(IllegalArgumentException.class, () -> new ActionCost(new ActionCostConfig(new double[] {1})).evaluate(s));
        assertThrows(IllegalArgumentException.class, () -> new ActionCostConfig(new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class, () -> new ActionCostConfig(new double[] {Double.NaN}));
    }

    @Property(tries = 40)
    void derivativesMatchFiniteDifferences(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int horizon,
                                           @ForAll @IntRange(min = 1, max = 4) int actionDim) {
        SplitMix64 rng = new SplitMix64(seed);
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 2);
        Sample base = sample(layout, Map.of(SensorType.JOINT_ANGLES, CostTestSupport.normals(rng, horizon, 2, 1.0)),
                CostTestSupport.normals(rng, horizon, actionDim, 1.0));
        ActionCost cost = new ActionCost(new ActionCostConfig(CostTestSupport.uniforms(rng, actionDim, 0, 3)));
        CostTestSupport.checkAgainstFiniteDifferences(cost.evaluate(base),
                (k, delta) -> cost.evaluate(CostTestSupport.shiftState(base, k, delta)),
                (k, delta) -> cost.evaluate(CostTestSupport.shiftAction(base, k, delta)),
                new boolean[] {true, true});
    }
}
