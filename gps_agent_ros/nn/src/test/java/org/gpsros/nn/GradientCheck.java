package org.gpsros.nn;

import org.gpsros.policy.PolicyTrainingSet;

/**
 * Central finite differences of {@link MlpPolicyNetwork#objective} (data loss from a forward pass, with the plain
 * (u* − μ)ᵀP(u* − μ) form, plus weight decay) against SameDiff's gradient of the whitened graph plus weightDecay·θ.
 * A parameter whose one-sided differences disagree sits at a ReLU kink: it is counted and skipped.
 */
record GradientCheck(double maxRelativeError, int checked, int kinks) {
    private static final double STEP = 1e-6;

    static GradientCheck run(MlpPolicyNetwork network, PolicyTrainingSet set, double weightDecay) {
        int[] rows = MlpPolicyNetworkTest.allRows(set.rows());
        double[] theta = network.parameters();
        double[] analytic = new double[theta.length];
        network.objectiveGradient(set, rows, weightDecay, analytic);
        double center = network.objective(set, rows, weightDecay);
        double maxRelative = 0;
        int kinks = 0;
        for (int i = 0; i < theta.length; i++) {
            double[] perturbed = theta.clone();
            perturbed[i] = theta[i] + STEP;
            network.setParameters(perturbed);
            double plus = network.objective(set, rows, weightDecay);
            perturbed[i] = theta[i] - STEP;
            network.setParameters(perturbed);
            double minus = network.objective(set, rows, weightDecay);
            double forward = (plus - center) / STEP;
            double backward = (center - minus) / STEP;
            if (Math.abs(forward - backward) > 1e-3 * (Math.abs(forward) + Math.abs(backward)) + 1e-6) {
                kinks++;
                continue;
            }
            double numeric = (plus - minus) / (2 * STEP);
            double error = Math.abs(numeric - analytic[i]) / Math.max(1e-6, Math.abs(numeric) + Math.abs(analytic[i]));
            maxRelative = Math.max(maxRelative, error);
        }
        network.setParameters(theta);
        return new GradientCheck(maxRelative, theta.length, kinks);
    }
}
