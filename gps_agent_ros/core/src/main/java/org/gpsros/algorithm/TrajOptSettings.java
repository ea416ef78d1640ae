package org.gpsros.algorithm;

import org.gpsros.dynamics.DynamicsPriorConfig;
import org.gpsros.dynamics.ReferenceCompatibility;
import org.gpsros.trajopt.LqrConfig;

/**
 * Settings of {@link TrajOptAlgorithm} (reference {@code ALG} and {@code AlgorithmTrajOpt}, study §2.1).
 *
 * @param klStep base KL bound per time step ε (the step's bound is klStep · stepMult)
 * @param minStepMult lower clip of the step multiplier
 * @param maxStepMult upper clip of the step multiplier
 * @param initialStateVariance floor of the fitted initial-state variances
 * @param maxEntropyWeight weight ν of the maximum-entropy term
 * @param innerIterations trajectory updates per iteration
 * @param lqr LQR-FLM settings
 * @param regularization ridge term of the dynamics regression
 * @param dynamicsPrior the GMM dynamics prior, or null for plain linear regression
 * @param compatibility whether the dynamics fits reproduce the reference's quirks
 * @param seed the run seed (the dynamics priors' random streams derive from it)
 */
public record TrajOptSettings(double klStep, double minStepMult, double maxStepMult, double initialStateVariance,
                              double maxEntropyWeight, int innerIterations, LqrConfig lqr, double regularization,
                              DynamicsPriorConfig dynamicsPrior, ReferenceCompatibility compatibility, long seed) {

    public TrajOptSettings {
        if (!(klStep > 0)) {
            throw new IllegalArgumentException("klStep must be > 0, got " + klStep);
        }
        if (!(minStepMult > 0) || !(maxStepMult >= minStepMult)) {
            throw new IllegalArgumentException("need 0 < minStepMult <= maxStepMult, got " + minStepMult + ", " + maxStepMult);
        }
        if (innerIterations < 1) {
            throw new IllegalArgumentException("innerIterations must be >= 1, got " + innerIterations);
        }
        if (lqr == null || compatibility == null) {
            throw new IllegalArgumentException("lqr and compatibility settings are required");
        }
    }
}
