package org.gpsros.cost;

import java.util.List;

/**
 * Configuration of {@link SumCost} (reference {@code COST_SUM}, study §2.6): the component costs, built first
 * by the config loader, and one weight each. The record keeps its own copy of the weights; the accessor returns
 * it (do not modify).
 *
 * @param costs at least one cost
 * @param weights one finite weight per cost, same order
 */
public record SumCostConfig(List<Cost> costs, double[] weights) {

    public SumCostConfig {
        if (costs == null || costs.isEmpty()) {
            throw new IllegalArgumentException("costs must hold at least one cost");
        }
        costs = List.copyOf(costs);
        weights = CostChecks.finiteCopy("weights", weights);
        if (weights.length != costs.size()) {
            throw new IllegalArgumentException("weights has " + weights.length + " values but there are "
                    + costs.size() + " costs");
        }
    }
}
