package org.gpsros.dynamics;

import java.util.Optional;

/**
 * Fits time-varying linear-Gaussian dynamics x_t+1 ~ N(F_t [x_t; u_t] + f_t, Σ_t) to sampled trajectories by
 * per-time-step Gaussian regression, optionally with a {@link DynamicsPrior} (reference {@code DynamicsLRPrior}
 * with a prior, {@code DynamicsLR} without; Levine &amp; Abbeel 2014 §3.1; Levine et al. 2016 Appendix A.3;
 * reference study §3.2), and the initial-state distribution (reference {@code Algorithm._update_dynamics}).
 *
 * <p>Usage per iteration: {@link #updatePrior} with the new samples, then {@link #fit} and {@link #fitInitialState}
 * on the same samples. Regression details and the regularisation difference from the reference are in
 * {@link GaussianRegression}; the initial-state difference is in {@link #fitInitialState}. Not thread-safe.
 */
public final class DynamicsFitter {
    private final DynamicsFitConfig config;
    private final DynamicsPrior prior;
    private GaussianRegression[] regressions = new GaussianRegression[0];

    private DynamicsFitter(DynamicsFitConfig config, DynamicsPrior prior) {
        if (config == null) {
            throw new IllegalArgumentException("dynamics fit config must not be null");
        }
        this.config = config;
        this.prior = prior;
    }

    /** Plain regression, no prior (reference {@code DynamicsLR}). */
    public static DynamicsFitter withoutPrior(DynamicsFitConfig config) {
        return new DynamicsFitter(config, null);
    }

    /** Regression with a normal-inverse-Wishart prior from {@code prior} (reference {@code DynamicsLRPrior}). */
    public static DynamicsFitter withPrior(DynamicsFitConfig config, DynamicsPrior prior) {
        if (prior == null) {
            throw new IllegalArgumentException("dynamics prior must not be null (use withoutPrior)");
        }
        return new DynamicsFitter(config, prior);
    }

    public DynamicsFitConfig config() {
        return config;
    }

    public Optional<DynamicsPrior> prior() {
        return Optional.ofNullable(prior);
    }

    /** Updates the prior with the trajectories (nothing to do without a prior). */
    public void updatePrior(double[][][] states, double[][][] actions) {
        if (prior != null) {
            prior.update(states, actions);
        }
    }

    /**
     * Fits F_t, f_t, Σ_t for t = 0..T−2 on the N trajectories; step T−1 is never fitted and holds zeros.
     *
     * @param states  N × T × stateDim, N ≥ 2
     * @param actions N × T × actionDim
     * @throws IllegalArgumentException if N &lt; 2, shapes disagree or a value is NaN or infinite
     * @throws DynamicsFitException     if a regularised [x, u] covariance is not positive definite
     */
    public LinearGaussianDynamics fit(double[][][] states, double[][][] actions) {
        int[] dims = DynamicsPriorGmm.checkTrajectories(states, actions);
        int n = states.length;
        if (n < 2) {
            throw new IllegalArgumentException("cannot fit dynamics on " + n + " trajectory: at least 2 are needed");
        }
        int horizon = dims[0];
        int stateDim = dims[1];
        int actionDim = dims[2];
        int inputDim = stateDim + actionDim;
        double[][][] pointSets = DynamicsPriorGmm.transitionPoints(states, actions);
        NormalInverseWishart[] priors = prior == null ? null : prior.evalTrajectories(states, actions);
        int tasks = Math.min(config.parallelism(), horizon - 1);
        if (regressions.length < tasks || regressions[0].inputDim() != inputDim
                || regressions[0].outputDim() != stateDim) {
            regressions = new GaussianRegression[tasks];
            for (int task = 0; task < tasks; task++) {
                regressions[task] = new GaussianRegression(inputDim, stateDim);
            }
        }
        double[][] jacobian = new double[horizon][stateDim * inputDim];
        double[][] offset = new double[horizon][stateDim];
        double[][] covariance = new double[horizon][stateDim * stateDim];
        ParallelTasks.run(tasks, task -> {
            GaussianRegression regression = regressions[task];
            for (int t = task; t < horizon - 1; t += tasks) {
                try {
                    regression.fit(pointSets[t], priors == null ? null : priors[t], config.regularization(),
                            config.compatibility(), jacobian[t], offset[t], covariance[t]);
                } catch (DynamicsFitException e) {
                    throw new DynamicsFitException("dynamics fit at t=" + t + ": " + e.getMessage());
                }
            }
        });
        return new LinearGaussianDynamics(horizon, stateDim, actionDim, jacobian, offset, covariance);
    }

    /**
     * The initial-state distribution: mean x̄₀ of the samples' x_0 and covariance S = diag(max(var x_0, floor))
     * (population variance, floor = {@link DynamicsFitConfig#initialStateVariance()}); with a prior (μ₀, Φ₀, m, n₀)
     * = {@link DynamicsPrior#initialState()} and N samples:
     * <ul>
     *   <li>CORRECTED (default): the normal-inverse-Wishart MAP estimate
     *       (N·S + Φ₀ + N·m/(N+m)·(x̄₀−μ₀)(x̄₀−μ₀)ᵀ)/(N + n₀), with its diagonal then floored again;</li>
     *   <li>REFERENCE: S + Φ₀ + N·m/(N+m)·(x̄₀−μ₀)(x̄₀−μ₀)ᵀ/(N + n₀), where operator precedence in the reference
     *       leaves Φ₀ un-normalised (so the prior's scatter, worth stateDim pseudo-samples, is added in full).</li>
     * </ul>
     *
     * @param states N × T × stateDim, N ≥ 1
     */
    public InitialStateDistribution fitInitialState(double[][][] states) {
        if (states == null || states.length == 0 || states[0].length == 0) {
            throw new IllegalArgumentException("the initial-state fit needs at least one trajectory");
        }
        int n = states.length;
        int d = states[0][0].length;
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) {
            double[] x0 = states[i][0];
            if (x0.length != d) {
                throw new IllegalArgumentException("states[" + i + "][0] has " + x0.length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x0[j])) {
                    throw new IllegalArgumentException("states[" + i + "][0][" + j + "] is " + x0[j]);
                }
                mean[j] += x0[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double floor = config.initialStateVariance();
        double[] covariance = new double[d * d];
        for (int j = 0; j < d; j++) {
            double sum = 0.0;
            for (int i = 0; i < n; i++) {
                double diff = states[i][0][j] - mean[j];
                sum += diff * diff;
            }
            covariance[j * d + j] = Math.max(sum / n, floor);
        }
        if (prior == null) {
            return new InitialStateDistribution(mean, covariance);
        }
        NormalInverseWishart p = prior.initialState();
        if (p.dimension() != d) {
            throw new IllegalArgumentException("initial-state prior has dimension " + p.dimension() + ", states " + d);
        }
        if (config.compatibility() == ReferenceCompatibility.REFERENCE) {
            double m = p.meanPseudoCount();
            double meanWeight = (n * m) / (n + m);
            double denominator = n + p.degreesOfFreedom();
            for (int i = 0; i < d; i++) {
                double di = mean[i] - p.mean()[i];
                for (int j = 0; j < d; j++) {
                    double dj = mean[j] - p.mean()[j];
                    covariance[i * d + j] += p.scatter()[i * d + j] + meanWeight * (di * dj) / denominator;
                }
            }
            return new InitialStateDistribution(mean, covariance);
        }
        double[] map = GaussianRegression.mapCovariance(mean, covariance, n, p);
        for (int j = 0; j < d; j++) {
            map[j * d + j] = Math.max(map[j * d + j], floor);
        }
        return new InitialStateDistribution(mean, map);
    }
}
