package org.gpsros.cost;

import org.gpsros.sample.Sample;

/**
 * A trajectory cost with its first and second derivatives along one sample (reference {@code Cost.eval}).
 * Implementations are immutable and thread-safe.
 */
public interface Cost {

    /** Cost per step and its derivatives with respect to the packed state and the action. */
    CostDerivatives evaluate(Sample sample);
}
