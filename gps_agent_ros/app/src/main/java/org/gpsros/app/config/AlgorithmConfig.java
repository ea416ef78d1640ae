package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.atLeast;
import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.oneOf;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;

import java.util.List;

/**
 * The GPS variant and its step-size settings (reference {@code ALG}, study §2.1).
 *
 * @param type {@code traj_opt} (trajectory optimisation only; more variants come with the policy issue)
 * @param innerIterations trajectory updates per iteration
 * @param klStep base KL bound per time step ε; the total bound is klStep·stepMult·horizon
 * @param minStepMult lower clip of the step multiplier
 * @param maxStepMult upper clip of the step multiplier
 * @param initialStateVar floor on the fitted initial-state variance
 * @param maxEntTraj weight of the maximum-entropy term in the trajectory cost
 * @param referenceCompatible reproduce the reference implementation's documented quirks (GMM initial covariance
 *     scaling, prior buffer off-by-one, un-normalised initial-state prior) for side-by-side comparisons
 */
public record AlgorithmConfig(String type, Integer innerIterations, Double klStep, Double minStepMult,
                              Double maxStepMult, Double initialStateVar, Double maxEntTraj,
                              Boolean referenceCompatible) {

    public static final List<String> TYPES = List.of("traj_opt");

    public AlgorithmConfig {
        type = oneOf(orDefault(type, "traj_opt"), "algorithm.type", TYPES);
        innerIterations = atLeast(orDefault(innerIterations, 1), 1, "algorithm.inner_iterations");
        klStep = positive(orDefault(klStep, 0.2), "algorithm.kl_step");
        minStepMult = positive(orDefault(minStepMult, 0.01), "algorithm.min_step_mult");
        maxStepMult = positive(orDefault(maxStepMult, 10.0), "algorithm.max_step_mult");
        if (minStepMult > maxStepMult) {
            throw new IllegalArgumentException("algorithm.min_step_mult: must be <= max_step_mult (" + maxStepMult + "), got " + minStepMult);
        }
        initialStateVar = positive(orDefault(initialStateVar, 1e-6), "algorithm.initial_state_var");
        maxEntTraj = nonNegative(orDefault(maxEntTraj, 0.0), "algorithm.max_ent_traj");
        referenceCompatible = orDefault(referenceCompatible, false);
    }

    public static AlgorithmConfig defaults() {
        return new AlgorithmConfig(null, null, null, null, null, null, null, null);
    }
}
