package org.gpsros.policyprior;

/**
 * How a {@link PolicyPriorGmm} takes each iteration's samples into its buffer (reference
 * {@code policy_sample_mode}, study §2.1, §3.5).
 */
public enum PolicySampleMode {
    /** Append the new trajectories and keep the newest maxSamples (reference 'add', the default). */
    ADD,
    /** Replace the buffer by the new trajectories (reference 'replace', used by the MDGPS peg example). */
    REPLACE
}
