package org.gpsros.algorithm;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.cost.Cost;
import org.gpsros.cost.CostDerivatives;
import org.gpsros.dynamics.DynamicsFitConfig;
import org.gpsros.dynamics.DynamicsFitter;
import org.gpsros.dynamics.DynamicsPriorGmm;
import org.gpsros.dynamics.InitialStateDistribution;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SampleList;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.QuadraticCost;

/**
 * One condition's "fit dynamics + expand cost" step on an iteration's samples, shared by every algorithm (reference
 * {@code Algorithm._update_dynamics} and {@code _eval_cost}, study §1.3 steps 2–3): update the dynamics prior with
 * the samples, fit F_t, f_t, Σ_t and the initial state (study §3.2–3.4); evaluate the cost along every sample and
 * expand it around ξ = 0 (study §3.1). The two parts are independent, so the reference's differing orders
 * (TrajOpt: dynamics first; MDGPS: cost first) give the same result. Holds the condition's dynamics prior and the
 * fitter's workspace; not thread-safe.
 */
public final class LocalModelEstimator {
    private final TrajOptSettings settings;
    private final DynamicsPriorGmm prior;
    private DynamicsFitter fitter;

    /**
     * @param settings regularisation, initial-state floor and compatibility of the fits
     * @param prior the condition's dynamics prior, or null for plain regression
     */
    public LocalModelEstimator(TrajOptSettings settings, DynamicsPriorGmm prior) {
        if (settings == null) {
            throw new IllegalArgumentException("settings must not be null");
        }
        this.settings = settings;
        this.prior = prior;
    }

    /** The condition's dynamics prior, or null. */
    public DynamicsPriorGmm prior() {
        return prior;
    }

    /**
     * Fits the local model of one condition.
     *
     * @param states the samples' states, {@code samples.states()} (not modified)
     * @param actions the samples' actions, {@code samples.actions()} (not modified)
     * @param samples the samples, for the cost
     * @param cost the condition's cost
     */
    public Estimate estimate(double[][][] states, double[][][] actions, SampleList samples, Cost cost) {
        // Dynamics: update the prior with the new samples, fit F_t, f_t, Σ_t and the initial state (study §3.2–3.4).
        DynamicsFitter dynamicsFitter = fitter();
        dynamicsFitter.updatePrior(states, actions);
        LinearGaussianDynamics dynamics = dynamicsFitter.fit(states, actions);
        InitialStateDistribution initialState = dynamicsFitter.fitInitialState(states);

        // Cost: derivatives along every sample, expanded around ξ = 0 and averaged (study §3.1).
        List<CostDerivatives> derivatives = new ArrayList<>();
        for (Sample sample : samples.samples()) {
            derivatives.add(cost.evaluate(sample));
        }
        QuadraticCost quadratic = QuadraticCost.expand(derivatives, states, actions);
        double[] sampleCosts = new double[derivatives.size()];
        for (int i = 0; i < sampleCosts.length; i++) {
            sampleCosts[i] = derivatives.get(i).total();
        }
        return new Estimate(new LocalModel(quadratic, dynamics, initialState), sampleCosts);
    }

    private DynamicsFitter fitter() {
        if (fitter == null) {
            DynamicsFitConfig config = DynamicsFitConfig.defaults().withRegularization(settings.regularization())
                    .withInitialStateVariance(settings.initialStateVariance()).withCompatibility(settings.compatibility());
            fitter = prior == null ? DynamicsFitter.withoutPrior(config) : DynamicsFitter.withPrior(config, prior);
        }
        return fitter;
    }

    /**
     * @param model the cost expansion, dynamics and initial state of the samples
     * @param sampleCosts each sample's total cost Σ_t l_t (reference {@code cs} summed over t)
     */
    public record Estimate(LocalModel model, double[] sampleCosts) {

        /** The mean over samples of Σ_t l_t (reference {@code cs.mean(axis=0).sum()}). */
        public double meanSampleCost() {
            double sum = 0;
            for (double c : sampleCosts) {
                sum += c;
            }
            return sum / sampleCosts.length;
        }
    }
}
