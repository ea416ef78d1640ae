package org.gpsros.algorithm;

import java.util.List;
import java.util.Optional;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.Policy;
import org.gpsros.sample.SampleList;

/**
 * One GPS variant as the training loop sees it (reference {@code Algorithm}, study §1.2): it names the policy that
 * draws each condition's next samples, learns from them in {@link #iterate}, and exports its whole state for
 * checkpoints. Implementations: {@link TrajOptAlgorithm} (local controllers only) and the guided policy search
 * variants that also train a global policy.
 */
public interface GpsAlgorithm {

    /** Iterations done so far (the index of the next iteration). */
    int iteration();

    /** Number of training conditions. */
    int conditionCount();

    /** The local linear-Gaussian controller of a training condition. */
    LinearGaussianPolicy controller(int condition);

    /**
     * The policy that draws condition {@code condition}'s next training samples: the local controller, or the global
     * policy when sampling on-policy.
     */
    Policy samplingPolicy(int condition);

    /**
     * One GPS iteration on the samples {@link #samplingPolicy} produced.
     *
     * @param samples one list per training condition, in order
     */
    IterationReport iterate(List<SampleList> samples);

    /** The whole state as a record of plain values (checkpoints write it as JSON); restoring it continues exactly. */
    Record state();

    /** The global policy π_θ, for the variants that train one; empty for trajectory optimisation only. */
    default Optional<GaussianGlobalPolicy> globalPolicy() {
        return Optional.empty();
    }
}
