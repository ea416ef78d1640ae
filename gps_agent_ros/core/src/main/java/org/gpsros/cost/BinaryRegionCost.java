package org.gpsros.cost;

import org.gpsros.sample.Sample;

/**
 * A step cost of outside_cost or inside_cost depending on whether the sensor data lies within an L1 distance
 * of a target, summed over regions (reference {@code CostBinaryRegion}, study §3.14). It has no useful
 * derivatives: all are zero, so it only makes sense for sample-based updates (PI2, PILQR). Immutable.
 */
public final class BinaryRegionCost implements Cost {
    private final BinaryRegionCostConfig config;

    public BinaryRegionCost(BinaryRegionCostConfig config) {
        this.config = config;
    }

    public BinaryRegionCostConfig config() {
        return config;
    }

    /** @throws IllegalArgumentException if the sample lacks a region's sensor or its size differs from the target's */
    @Override
    public CostDerivatives evaluate(Sample sample) {
        CostDerivatives out = CostDerivatives.zeros(sample.horizon(), sample.stateDim(), sample.actionDim());
        for (BinaryRegionCostConfig.Region region : config.regions()) {
            double[][] x = sample.sensor(region.sensor());
            double[] target = region.targetState();
            CostChecks.sameLength(region.sensor() + " targetState", target, x[0].length, "the sensor");
            for (int t = 0; t < x.length; t++) {
                double distance = 0;
                for (int i = 0; i < target.length; i++) {
                    distance += Math.abs(x[t][i] - target[i]);
                }
                out.value()[t] += distance > region.maxDistance() ? region.outsideCost() : region.insideCost();
            }
        }
        return out;
    }
}
