package org.gpsros.algorithm;

/**
 * What one iteration did for one condition.
 *
 * @param sampleCosts total cost Σ_t l_t of each sample the iteration learned from
 * @param stepMult the step multiplier the update used
 * @param eta the KL dual variable η the update settled on (the mean over steps under per-step constraints)
 * @param klStep the KL bound per step the update used, ε·stepMult
 * @param klDivergence the new controller's KL divergence from the old one (summed over steps)
 * @param backwardPasses backward passes the dual search took
 * @param converged whether the dual search met the KL bound within its tolerance
 */
public record ConditionReport(double[] sampleCosts, double stepMult, double eta, double klStep, double klDivergence,
                              int backwardPasses, boolean converged) {

    /** Mean sample cost. */
    public double meanCost() {
        double sum = 0;
        for (double c : sampleCosts) {
            sum += c;
        }
        return sum / sampleCosts.length;
    }
}
