package org.gpsros.algorithm;

import java.util.List;

/**
 * What one GPS iteration did.
 *
 * @param iteration the iteration index, from 0
 * @param conditions one report per training condition, in order
 * @param policy what happened to the global policy, or null for algorithms without one
 */
public record IterationReport(int iteration, List<ConditionReport> conditions, PolicyReport policy) {
    public IterationReport {
        conditions = List.copyOf(conditions);
    }

    /** A report without a global policy. */
    public IterationReport(int iteration, List<ConditionReport> conditions) {
        this(iteration, conditions, null);
    }
}
