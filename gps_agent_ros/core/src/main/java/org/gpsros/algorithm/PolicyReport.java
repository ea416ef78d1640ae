package org.gpsros.algorithm;

import org.gpsros.policy.PolicyTrainingSummary;

/**
 * What one iteration did to the global policy.
 *
 * @param catchUpTraining the S-step on the initial controllers at iteration 0 (reference: "catch the policy up"),
 *                        null afterwards
 * @param training the iteration's last S-step (MDGPS: on the new controllers at the end of the iteration; BADMM: that
 *                 of the last inner iteration), or null if the iteration ran none (BADMM's iteration 0 with one inner
 *                 iteration)
 * @param linearizedPolicyCost per training condition, the Laplace estimate Σ_t Ĵ_t of the linearised global policy
 *                             (before this iteration's S-step) under this iteration's local model
 * @param variance the global policy's diagonal variance after the iteration
 */
public record PolicyReport(PolicyTrainingSummary catchUpTraining, PolicyTrainingSummary training,
                           double[] linearizedPolicyCost, double[] variance) {

    public PolicyReport {
        if (linearizedPolicyCost == null || variance == null) {
            throw new IllegalArgumentException("a policy report needs linearizedPolicyCost and variance");
        }
    }
}
