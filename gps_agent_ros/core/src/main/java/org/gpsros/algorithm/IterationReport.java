package org.gpsros.algorithm;

import java.util.List;

/**
 * What one GPS iteration did.
 *
 * @param iteration the iteration index, from 0
 * @param conditions one report per training condition, in order
 */
public record IterationReport(int iteration, List<ConditionReport> conditions) {
    public IterationReport {
        conditions = List.copyOf(conditions);
    }
}
