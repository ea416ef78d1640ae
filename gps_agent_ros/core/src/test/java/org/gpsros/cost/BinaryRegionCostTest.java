package org.gpsros.cost;

import static org.gpsros.cost.CostTestSupport.layout;
import static org.gpsros.cost.CostTestSupport.sample;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

class BinaryRegionCostTest {

    @Test
    void insideOrOutsideByL1DistancePerStep() {
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 2);
        // L1 distances to (1, −1): 0.09 (inside), 0.11 (outside), 0.1 (inside: the test is strictly greater).
        double[][] angles = {{1.05, -0.96}, {1.05, -1.06}, {0.9, -1.0}};
        // The end-effector data is not part of the state: regions may test any recorded sensor.
        double[][] points = {{0, 0, 0}, {5, 0, 0}, {0, 0, 0.5}};
        Sample s = sample(layout, Map.of(SensorType.JOINT_ANGLES, angles, SensorType.END_EFFECTOR_POINTS, points),
                new double[][] {{1}, {1}, {1}});
        BinaryRegionCostConfig config = new BinaryRegionCostConfig(List.of(
                BinaryRegionCostConfig.Region.of(SensorType.JOINT_ANGLES, new double[] {1, -1}),
                new BinaryRegionCostConfig.Region(SensorType.END_EFFECTOR_POINTS, new double[3], 1.0, 10.0, -2.0)));
        CostDerivatives d = new BinaryRegionCost(config).evaluate(s);
        assertArrayEquals(new double[] {0 - 2, 1 + 10, 0 - 2}, d.value(), 1e-15);
        for (int t = 0; t < 3; t++) {
            assertArrayEquals(new double[2], d.stateGradient()[t], 0.0);
            assertArrayEquals(new double[4], d.stateHessian()[t], 0.0);
            assertArrayEquals(new double[1], d.actionGradient()[t], 0.0);
        }
    }

    @Test
    void defaultsAndValidation() {
        BinaryRegionCostConfig.Region region = BinaryRegionCostConfig.Region.of(SensorType.JOINT_ANGLES, new double[] {0});
        assertEquals(0.1, region.maxDistance());
        assertEquals(1.0, region.outsideCost());
        assertEquals(0.0, region.insideCost());
        assertThrows(IllegalArgumentException.class, () -> new BinaryRegionCostConfig(List.of(region, region)));
        assertThrows(IllegalArgumentException.class,
                () -> new BinaryRegionCostConfig.Region(SensorType.JOINT_ANGLES, new double[] {0}, -1, 1, 0));
        SensorLayout layout = layout(SensorType.JOINT_ANGLES, 2);
        Sample s = sample(layout, Map.of(SensorType.JOINT_ANGLES, new double[][] {{0, 0}}), new double[][] {{1}});
        assertThrows(IllegalArgumentException.class,
                () -> new BinaryRegionCost(new BinaryRegionCostConfig(List.of(region))).evaluate(s));
    }
}
