package org.gpsros.algorithm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gpsros.cost.Cost;
import org.gpsros.dynamics.DynamicsPriorGmm;
import org.gpsros.dynamics.DynamicsPriorState;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.Policy;
import org.gpsros.sample.SampleList;
import org.gpsros.trajopt.CostAugmentation;
import org.gpsros.trajopt.LocalModel;
import org.gpsros.trajopt.LqrTrajectoryOptimizer;
import org.gpsros.trajopt.StepSizeRule;
import org.gpsros.trajopt.TrajectoryUpdate;

/**
 * GPS with trajectory optimisation only: per condition, fit local dynamics to the samples and improve the
 * linear-Gaussian controller under a KL bound (LQR-FLM; Levine &amp; Abbeel 2014 §3, reference
 * {@code AlgorithmTrajOpt}). One {@link #iterate} follows the reference's order exactly (study §1.3): dynamics
 * (prior update, fit, initial state) → cost expansion → step-size adjustment (from iteration 1) → inner
 * iterations of the trajectory update → advance. Mutable, but only inside; {@link #state()} exports all of it.
 */
public final class TrajOptAlgorithm implements GpsAlgorithm {
    /** Stream purpose of the dynamics priors' random numbers for {@link SplitMix64#derive}. */
    public static final long DYNAMICS_PRIOR_STREAM = 3;

    private final TrajOptSettings settings;
    private final List<Cost> costs;
    private final List<ConditionLearner> conditions;
    private int iteration;

    /**
     * @param settings algorithm settings
     * @param costs the cost of each training condition
     * @param initialControllers the initial controller of each training condition
     */
    public TrajOptAlgorithm(TrajOptSettings settings, List<Cost> costs, List<LinearGaussianPolicy> initialControllers) {
        this(settings, costs, initialControllers.size(), 0);
        if (costs.size() != initialControllers.size()) {
            throw new IllegalArgumentException(costs.size() + " costs for " + initialControllers.size() + " conditions");
        }
        for (int m = 0; m < initialControllers.size(); m++) {
            ConditionLearner learner = conditions.get(m);
            learner.controller = initialControllers.get(m);
            learner.eta = new double[] {1.0};
            DynamicsPriorGmm prior = settings.dynamicsPrior() == null ? null : new DynamicsPriorGmm(
                    settings.dynamicsPrior(), SplitMix64.derive(settings.seed(), DYNAMICS_PRIOR_STREAM, m));
            learner.estimator = new LocalModelEstimator(settings, prior);
        }
    }

    private TrajOptAlgorithm(TrajOptSettings settings, List<Cost> costs, int conditionCount, int iteration) {
        this.settings = settings;
        this.costs = List.copyOf(costs);
        this.iteration = iteration;
        this.conditions = new ArrayList<>();
        for (int m = 0; m < conditionCount; m++) {
            conditions.add(new ConditionLearner());
        }
    }

    /** Rebuilds an algorithm from {@link #state()}; it continues bit-identically. */
    public static TrajOptAlgorithm restore(TrajOptSettings settings, List<Cost> costs, TrajOptState state) {
        if (costs.size() != state.conditions().size()) {
            throw new IllegalArgumentException("the checkpoint has " + state.conditions().size()
                    + " conditions, the experiment " + costs.size());
        }
        TrajOptAlgorithm algorithm = new TrajOptAlgorithm(settings, costs, costs.size(), state.iteration());
        for (int m = 0; m < costs.size(); m++) {
            TrajOptState.Condition saved = state.conditions().get(m);
            ConditionLearner learner = algorithm.conditions.get(m);
            learner.controller = saved.controller();
            learner.stepMult = saved.stepMult();
            learner.eta = saved.eta().clone();
            learner.previous = saved.previous();
            learner.estimator = new LocalModelEstimator(settings, restorePrior(settings, saved.dynamicsPrior(), m));
        }
        return algorithm;
    }

    /** The dynamics prior of condition {@code m} from a checkpoint, or null when the settings ask for none. */
    static DynamicsPriorGmm restorePrior(TrajOptSettings settings, DynamicsPriorState saved, int m) {
        if (settings.dynamicsPrior() == null) {
            return null;
        }
        if (saved == null) {
            throw new IllegalArgumentException("the checkpoint has no dynamics prior for condition " + m
                    + " but the config asks for one");
        }
        return DynamicsPriorGmm.restore(settings.dynamicsPrior(), saved);
    }

    @Override
    public int iteration() {
        return iteration;
    }

    @Override
    public int conditionCount() {
        return conditions.size();
    }

    @Override
    public LinearGaussianPolicy controller(int index) {
        return conditions.get(index).controller;
    }

    /** Trajectory optimisation samples with the local controller. */
    @Override
    public Policy samplingPolicy(int index) {
        return controller(index);
    }

    /** The current KL step multiplier of a condition. */
    public double stepMultiplier(int index) {
        return conditions.get(index).stepMult;
    }

    /**
     * One GPS iteration on the samples each condition's current controller produced.
     *
     * @param samples one list per training condition, in order
     */
    @Override
    public IterationReport iterate(List<SampleList> samples) {
        if (samples.size() != conditions.size()) {
            throw new IllegalArgumentException("got samples for " + samples.size() + " conditions, expected "
                    + conditions.size());
        }
        List<ConditionReport> reports = new ArrayList<>();
        for (int m = 0; m < conditions.size(); m++) {
            reports.add(iterateCondition(m, samples.get(m)));
        }
        IterationReport report = new IterationReport(iteration, reports);
        iteration++;
        return report;
    }

    private ConditionReport iterateCondition(int m, SampleList samples) {
        ConditionLearner learner = conditions.get(m);
        double[][][] states = samples.states();
        double[][][] actions = samples.actions();
        int horizon = samples.horizon();
        int stateDim = states[0][0].length;
        int actionDim = actions[0][0].length;
        LinearGaussianPolicy controller = learner.controller;
        if (controller.stateDim() != stateDim || controller.actionDim() != actionDim || controller.horizon() != horizon) {
            throw new IllegalArgumentException("condition " + m + ": samples have horizon " + horizon + ", state "
                    + stateDim + ", action " + actionDim + "; the controller " + controller.horizon() + ", "
                    + controller.stateDim() + ", " + controller.actionDim());
        }

        // 1–2. Dynamics (prior update, fit, initial state) and cost expansion (study §3.1–3.4).
        LocalModelEstimator.Estimate fitted = learner.estimator.estimate(states, actions, samples, costs.get(m));
        LocalModel model = fitted.model();
        double[] sampleCosts = fitted.sampleCosts();

        // 3. Step size from predicted versus actual improvement (study §3.8), from the second iteration on.
        LqrTrajectoryOptimizer optimizer = optimizer(learner, horizon, stateDim, actionDim);
        if (learner.previous != null) {
            StepSizeRule.ImprovementEstimate estimate = StepSizeRule.trajOptImprovement(optimizer,
                    learner.previous.controller(), learner.previous.model(), controller, model);
            learner.stepMult = estimate.newStepMultiplier(learner.stepMult, settings.minStepMult(), settings.maxStepMult());
        }

        // 4. KL-constrained update against the controller that produced the samples (study §3.6).
        double klStep = settings.klStep() * learner.stepMult;
        double[] klSteps = new double[horizon];
        Arrays.fill(klSteps, klStep);
        CostAugmentation augmentation = CostAugmentation.trajOpt(controller, settings.maxEntropyWeight());
        TrajectoryUpdate update = null;
        for (int inner = 0; inner < settings.innerIterations(); inner++) {
            update = optimizer.update(model, augmentation, klSteps, startingEta(learner, horizon));
            learner.eta = update.eta().clone();
        }

        // 5. Advance: what was sampled becomes the previous iteration; the new controller is sampled next.
        learner.previous = new TrajOptState.Previous(controller, model);
        learner.controller = update.policy();
        return new ConditionReport(sampleCosts, learner.stepMult, mean(update.eta()), klStep, update.klDivergence(),
                update.backwardPasses(), update.converged());
    }

    /** η to start the dual search from: the last one found, as one value or one per step as the settings ask. */
    private double[] startingEta(ConditionLearner learner, int horizon) {
        return startingEta(settings.lqr().perTimeStepConstraint(), learner.eta, horizon);
    }

    /** The last η as one value (the mean of a per-step η) or one per step (a global η repeated). */
    static double[] startingEta(boolean perStep, double[] eta, int horizon) {
        if (perStep && eta.length == 1) {
            double[] filled = new double[horizon];
            Arrays.fill(filled, eta[0]);
            return filled;
        }
        if (!perStep && eta.length != 1) {
            return new double[] {mean(eta)};
        }
        return eta.clone();
    }

    private LqrTrajectoryOptimizer optimizer(ConditionLearner learner, int horizon, int stateDim, int actionDim) {
        if (learner.optimizer == null || learner.optimizer.horizon() != horizon || learner.optimizer.stateDim() != stateDim
                || learner.optimizer.actionDim() != actionDim) {
            learner.optimizer = new LqrTrajectoryOptimizer(settings.lqr(), horizon, stateDim, actionDim);
        }
        return learner.optimizer;
    }

    /** The whole state, for checkpoints. */
    @Override
    public TrajOptState state() {
        List<TrajOptState.Condition> saved = new ArrayList<>();
        for (ConditionLearner learner : conditions) {
            DynamicsPriorState prior = learner.estimator.prior() == null ? null : learner.estimator.prior().state();
            saved.add(new TrajOptState.Condition(learner.controller, learner.stepMult, learner.eta.clone(), prior,
                    learner.previous));
        }
        return new TrajOptState(iteration, saved);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Per-condition learner state and reusable workspaces. */
    private static final class ConditionLearner {
        LinearGaussianPolicy controller;
        double stepMult = 1.0;
        double[] eta;
        LocalModelEstimator estimator;
        TrajOptState.Previous previous;
        LqrTrajectoryOptimizer optimizer;
    }
}
