package org.gpsros.policyprior;

import org.gpsros.dynamics.NormalInverseWishart;
import org.gpsros.policy.GaussianGlobalPolicy;

/**
 * The constant policy prior (reference {@code PolicyPrior}, study §3.5): μ₀ = 0,
 * Φ = strength·blockdiag(I_stateDim, 1e-5·I_actionDim), m = 0, n₀ = strength. With the default strength 1e-4 it is
 * a weak ridge regulariser that keeps the regression defined when all samples share a state (t = 0). Immutable.
 */
public final class ConstantPolicyPrior implements PolicyPrior {
    /** Scale of the action block of Φ relative to the state block (reference {@code prior_cond = 1e-5·I}). */
    public static final double ACTION_BLOCK_SCALE = 1e-5;

    private final PolicyPriorConfig.Constant config;

    public ConstantPolicyPrior(PolicyPriorConfig.Constant config) {
        if (config == null) {
            throw new IllegalArgumentException("policy prior config must not be null");
        }
        this.config = config;
    }

    public PolicyPriorConfig.Constant config() {
        return config;
    }

    /** Nothing to learn. */
    @Override
    public void update(double[][][] states, double[][][] observations, GaussianGlobalPolicy policy,
                       PolicySampleMode mode) {
    }

    @Override
    public NormalInverseWishart[] eval(int stateDim, int actionDim, double[][][] pointSets) {
        int d = stateDim + actionDim;
        double strength = config.strength();
        NormalInverseWishart[] out = new NormalInverseWishart[pointSets.length];
        for (int s = 0; s < out.length; s++) {
            double[] scatter = new double[d * d];
            for (int i = 0; i < d; i++) {
                scatter[i * d + i] = strength * (i < stateDim ? 1.0 : ACTION_BLOCK_SCALE);
            }
            out[s] = new NormalInverseWishart(new double[d], scatter, 0.0, strength);
        }
        return out;
    }

    @Override
    public PolicyPriorState state() {
        return null;
    }
}
