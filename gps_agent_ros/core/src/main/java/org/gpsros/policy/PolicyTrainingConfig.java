package org.gpsros.policy;

/**
 * How the S-step trains the policy (reference {@code POLICY_OPT} defaults, study §2.4; the MDGPS peg example uses
 * 4000 iterations).
 *
 * @param iterations minibatch steps per S-step
 * @param batchSize rows per minibatch
 * @param learningRate Adam step size
 * @param weightDecay L2 weight of Σ_θ ½‖θ‖² over all trainable parameters (the reference's tf.nn.l2_loss of every variable)
 * @param initialVariance diagonal policy variance before the first S-step
 * @param entropyRegularization ent_reg, inflates the policy covariance (study §3.10 step 4)
 */
public record PolicyTrainingConfig(int iterations, int batchSize, double learningRate, double weightDecay,
                                   double initialVariance, double entropyRegularization) {

    /** Adam's β1 (reference momentum 0.9). */
    public static final double ADAM_BETA1 = 0.9;
    /** Adam's β2. */
    public static final double ADAM_BETA2 = 0.999;
    /** Adam's ε. */
    public static final double ADAM_EPSILON = 1e-8;

    public PolicyTrainingConfig {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (!(learningRate > 0) || !(weightDecay >= 0) || !(initialVariance > 0) || !(entropyRegularization >= 0)) {
            throw new IllegalArgumentException("need learningRate > 0, weightDecay >= 0, initialVariance > 0, "
                    + "entropyRegularization >= 0; got " + learningRate + ", " + weightDecay + ", " + initialVariance
                    + ", " + entropyRegularization);
        }
    }

    /** The reference's defaults (study §2.4): 5000 iterations, batch 25, lr 1e-3, weight decay 0.005, variance 0.1. */
    public static PolicyTrainingConfig defaults() {
        return new PolicyTrainingConfig(5000, 25, 1e-3, 0.005, 0.1, 0.0);
    }

    public PolicyTrainingConfig withIterations(int value) {
        return new PolicyTrainingConfig(value, batchSize, learningRate, weightDecay, initialVariance,
                entropyRegularization);
    }

    public PolicyTrainingConfig withEntropyRegularization(double value) {
        return new PolicyTrainingConfig(iterations, batchSize, learningRate, weightDecay, initialVariance, value);
    }
}
