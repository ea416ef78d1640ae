package org.gpsros.algorithm;

import java.util.List;
import org.gpsros.dynamics.DynamicsPriorState;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.trajopt.LocalModel;

/**
 * Everything {@link TrajOptAlgorithm} needs to continue exactly where it stopped: a record of plain arrays, written
 * to checkpoints as JSON.
 *
 * @param iteration the next iteration to run (iterations done so far)
 * @param conditions per training condition
 */
public record TrajOptState(int iteration, List<Condition> conditions) {

    public TrajOptState {
        conditions = List.copyOf(conditions);
    }

    /**
     * @param controller the controller the next samples are drawn with
     * @param stepMult the current step multiplier
     * @param eta the KL dual variable to start the next search from (one value, or one per step)
     * @param dynamicsPrior the dynamics prior's buffer and mixture, or null without a prior
     * @param previous the last iteration's controller and local model (for the step-size rule), or null at the start
     */
    public record Condition(LinearGaussianPolicy controller, double stepMult, double[] eta,
                            DynamicsPriorState dynamicsPrior, Previous previous) {
    }

    /**
     * @param controller the controller the last samples were drawn with
     * @param model the cost expansion, dynamics and initial-state fit of the last samples
     */
    public record Previous(LinearGaussianPolicy controller, LocalModel model) {
    }
}
