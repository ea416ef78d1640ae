package org.gpsros.cost;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.gpsros.sample.SensorType;

/**
 * Configuration of {@link BinaryRegionCost} (reference {@code COST_BINARY_REGION}, study §2.6). The reference
 * reads max_distance, outside_cost and inside_cost from each data_types entry, so they live in {@link Region}.
 * Its ramp, wp and wp_final_multiplier are computed but never used, so they are left out here.
 *
 * @param regions one or more regions, each sensor at most once
 */
public record BinaryRegionCostConfig(List<Region> regions) {

    /** Reference defaults of the region parameters. */
    public static final double DEFAULT_MAX_DISTANCE = 0.1;
    public static final double DEFAULT_OUTSIDE_COST = 1.0;
    public static final double DEFAULT_INSIDE_COST = 0.0;

    public BinaryRegionCostConfig {
        if (regions == null || regions.isEmpty()) {
            throw new IllegalArgumentException("regions must hold at least one region");
        }
        regions = List.copyOf(regions);
        Set<SensorType> seen = EnumSet.noneOf(SensorType.class);
        for (Region region : regions) {
            if (!seen.add(region.sensor())) {
                throw new IllegalArgumentException("regions name " + region.sensor() + " twice");
            }
        }
    }

    /**
     * An L1 region around a target: at step t the cost is {@code outsideCost} if
     * Σ_i |x_ti − target_i| &gt; maxDistance, else {@code insideCost}. The record keeps its own copy of the
     * target; the accessor returns it (do not modify).
     *
     * @param sensor the sensor whose data is tested (need not be part of the state)
     * @param targetState target_state, one value per sensor dimension
     * @param maxDistance max_distance (default 0.1)
     * @param outsideCost outside_cost (default 1)
     * @param insideCost inside_cost (default 0)
     */
    public record Region(SensorType sensor, double[] targetState, double maxDistance, double outsideCost,
                         double insideCost) {

        public Region {
            if (sensor == null) {
                throw new IllegalArgumentException("sensor must be given");
            }
            targetState = CostChecks.finiteCopy(sensor + " targetState", targetState);
            CostChecks.nonNegative(sensor + " maxDistance", maxDistance);
            CostChecks.finite(sensor + " outsideCost", outsideCost);
            CostChecks.finite(sensor + " insideCost", insideCost);
        }

        /** A region with the reference defaults for max_distance, outside_cost and inside_cost. */
        public static Region of(SensorType sensor, double[] targetState) {
            return new Region(sensor, targetState, DEFAULT_MAX_DISTANCE, DEFAULT_OUTSIDE_COST, DEFAULT_INSIDE_COST);
        }
    }
}
