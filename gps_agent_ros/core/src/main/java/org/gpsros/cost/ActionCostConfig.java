package org.gpsros.cost;

/**
 * Configuration of {@link ActionCost} (reference {@code COST_ACTION}, study §2.6). The record keeps its own
 * copy of the array; the accessor returns that copy, which callers must not modify.
 *
 * @param actionWeights wu, one non-negative weight per action dimension
 */
public record ActionCostConfig(double[] actionWeights) {

    public ActionCostConfig {
        actionWeights = CostChecks.nonNegativeCopy("actionWeights", actionWeights);
    }
}
