package org.gpsros.nn;

import org.gpsros.policy.PolicyTrainingConfig;

/**
 * Adam on a flat float64 parameter vector, in the form of TensorFlow's {@code AdamOptimizer} that the reference uses
 * (Kingma &amp; Ba 2015, Algorithm 1 with the bias corrections folded into the step size, §2):
 * t ← t + 1, m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g², θ ← θ − lr·√(1 − β2ᵗ)/(1 − β1ᵗ) · m/(√v + ε).
 * The moments and t persist across S-steps, as the reference's optimiser slots do.
 */
final class AdamOptimizer {
    private final double[] firstMoment;
    private final double[] secondMoment;
    private long step;

    AdamOptimizer(int parameterCount) {
        this(new double[parameterCount], new double[parameterCount], 0);
    }

    AdamOptimizer(double[] firstMoment, double[] secondMoment, long step) {
        if (firstMoment.length != secondMoment.length || step < 0) {
            throw new IllegalArgumentException("Adam state: " + firstMoment.length + " first and "
                    + secondMoment.length + " second moments, step " + step);
        }
        this.firstMoment = firstMoment;
        this.secondMoment = secondMoment;
        this.step = step;
    }

    /**
     * One update of {@code parameters} (modified) with {@code gradient} (not modified). {@link StrictMath#pow} keeps
     * the bias corrections bit-identical across JVMs.
     */
    void update(double[] parameters, double[] gradient, double learningRate) {
        step++;
        double beta1 = PolicyTrainingConfig.ADAM_BETA1;
        double beta2 = PolicyTrainingConfig.ADAM_BETA2;
        double epsilon = PolicyTrainingConfig.ADAM_EPSILON;
        double stepSize = learningRate * Math.sqrt(1.0 - StrictMath.pow(beta2, step))
                / (1.0 - StrictMath.pow(beta1, step));
        double[] m = firstMoment;
        double[] v = secondMoment;
        for (int i = 0; i < parameters.length; i++) {
            double g = gradient[i];
            m[i] = beta1 * m[i] + (1.0 - beta1) * g;
            v[i] = beta2 * v[i] + (1.0 - beta2) * g * g;
            parameters[i] -= stepSize * m[i] / (Math.sqrt(v[i]) + epsilon);
        }
    }

    long step() {
        return step;
    }

    double[] firstMoment() {
        return firstMoment;
    }

    double[] secondMoment() {
        return secondMoment;
    }
}
