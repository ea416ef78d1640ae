package org.gpsros.algorithm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.cost.Cost;
import org.gpsros.dynamics.DynamicsPriorConfig;
import org.gpsros.dynamics.ReferenceCompatibility;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.LinearPolicyNetwork;
import org.gpsros.policy.LinearPolicyNetworkFactory;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policyprior.PolicyPriorConfig;
import org.gpsros.policyprior.PolicySampleMode;
import org.gpsros.sample.SampleList;
import org.gpsros.trajopt.LqrConfig;
import org.junit.jupiter.api.Test;

class MdgpsAlgorithmTest {
    private static final int T = 30;
    private static final int SAMPLES = 5;
    private static final long SEED = 11;
    private static final double[][] STARTS = {{0, 0}, {2, 0.5}, {-0.5, -2}};

    static MdgpsSettings settings() {
        TrajOptSettings trajOpt = new TrajOptSettings(1.0, 0.5, 3.0, 1e-6, 0.0, 1, LqrConfig.defaults(), 1e-6,
                DynamicsPriorConfig.defaults().withMaxClusters(2).withParallelism(1), ReferenceCompatibility.CORRECTED,
                SEED);
        return MdgpsSettings.defaults(trajOpt)
                .withPolicyTraining(new PolicyTrainingConfig(1000, 25, 1e-2, 0.0, 0.1, 0.0))
                .withPolicyPrior(PolicyPriorConfig.gmmDefaults().withMaxClusters(2));
    }

    static MdgpsAlgorithm fresh(MdgpsSettings settings, LinearTestAgent agent) {
        List<Cost> costs = new ArrayList<>();
        List<LinearGaussianPolicy> controllers = new ArrayList<>();
        for (int m = 0; m < agent.conditionCount(); m++) {
            costs.add(LinearTestAgent.cost());
            double[][] gains = new double[T][LinearTestAgent.ACTION_DIM * LinearTestAgent.STATE_DIM];
            double[][] offsets = new double[T][LinearTestAgent.ACTION_DIM];
            double[][] covariance = new double[T][];
            for (int t = 0; t < T; t++) {
                covariance[t] = new double[] {1, 0, 0, 1};
            }
            controllers.add(LinearGaussianPolicy.of(gains, offsets, covariance));
        }
        return new MdgpsAlgorithm(settings, costs, controllers, new LinearPolicyNetworkFactory().create(
                LinearTestAgent.STATE_DIM, LinearTestAgent.ACTION_DIM, MdgpsAlgorithm.networkSeed(SEED)));
    }

    private static double[] learn(MdgpsSettings settings, int iterations, StringBuilder log) {
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        MdgpsAlgorithm algorithm = fresh(settings, agent);
        double[] gap = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            IterationReport report = algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
            assertNotNull(report.policy());
            assertEquals(i == 0, report.policy().catchUpTraining() != null);
            double global = agent.noiselessCost(m -> algorithm.globalPolicy().orElseThrow());
            double local = agent.noiselessCost(algorithm::controller);
            double sampled = 0;
            for (ConditionReport c : report.conditions()) {
                sampled += c.meanCost() / report.conditions().size();
            }
            gap[i] = global / local;
            log.append(String.format("itr %d sampled %.3f local %.3f global %.3f step %.3f kl %.2f loss %.3g%n", i,
                    sampled, local, global, algorithm.stepMultiplier(0), report.conditions().get(0).klDivergence(),
                    report.policy().training().finalLoss()));
        }
        return gap;
    }

    /** Noiseless cost of the zero action, the untrained policy's cost scale. */
    private static double zeroActionCost() {
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        org.gpsros.policy.Policy zero = new org.gpsros.policy.Policy() {
            @Override
            public int actionDim() {
                return LinearTestAgent.ACTION_DIM;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                java.util.Arrays.fill(action, 0.0);
            }
        };
        return agent.noiselessCost(m -> zero);
    }

    @Test
    void offPolicyGlobalPolicyCatchesUpWithTheLocalControllers() {
        StringBuilder log = new StringBuilder();
        double[] ratio = learn(settings(), 6, log);
        // Iteration 0 trains on the initial (zero-gain) controllers and one C-step: the policy is still 35 % worse;
        // from iteration 3 on, it is within 1 % of the local controllers.
        assertTrue(ratio[0] > 1.2, log.toString());
        for (int i = 3; i < ratio.length; i++) {
            assertTrue(ratio[i] < 1.01, "iteration " + i + ": global/local cost " + ratio[i] + "\n" + log);
        }
    }

    @Test
    void onPolicyGlobalPolicyCatchesUpWithTheLocalControllers() {
        StringBuilder log = new StringBuilder();
        double[] ratio = learn(settings().withSampleOnPolicy(true), 6, log);
        for (int i = 3; i < ratio.length; i++) {
            assertTrue(ratio[i] < 1.01, "iteration " + i + ": global/local cost " + ratio[i] + "\n" + log);
        }
    }

    @Test
    void globalPolicyCostFallsFarBelowTheUntrainedPolicy() {
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        MdgpsAlgorithm algorithm = fresh(settings(), agent);
        double untrained = agent.noiselessCost(m -> algorithm.globalPolicy().orElseThrow());
        assertEquals(zeroActionCost(), untrained, 0.05 * untrained, "the fresh network acts almost nothing");
        for (int i = 0; i < 4; i++) {
            algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
        }
        double trained = agent.noiselessCost(m -> algorithm.globalPolicy().orElseThrow());
        assertTrue(trained < 0.25 * untrained, "global policy cost " + trained + ", untrained " + untrained);
    }

    @Test
    void samplingPolicyIsTheGlobalPolicyOnPolicyFromIterationOne() {
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        MdgpsAlgorithm on = fresh(settings().withSampleOnPolicy(true), agent);
        MdgpsAlgorithm off = fresh(settings(), agent);
        assertSame(on.controller(1), on.samplingPolicy(1));
        on.iterate(agent.sampleAll(on, SAMPLES, SEED));
        off.iterate(agent.sampleAll(off, SAMPLES, SEED));
        assertSame(on.globalPolicy().orElseThrow(), on.samplingPolicy(1));
        assertSame(off.controller(1), off.samplingPolicy(1));
    }

    @Test
    void everyStepRuleAndPriorKindLearns() {
        double untrained = zeroActionCost();
        MdgpsSettings base = settings();
        List<MdgpsSettings> variants = List.of(
                base.withStepRule(MdgpsStepRule.MC),
                base.withStepRule(MdgpsStepRule.CLASSIC),
                base.withStepRule(MdgpsStepRule.GLOBAL).withPolicySampleMode(PolicySampleMode.REPLACE),
                base.withPolicyPrior(PolicyPriorConfig.constantDefaults()));
        for (MdgpsSettings variant : variants) {
            LinearTestAgent agent = new LinearTestAgent(T, STARTS);
            MdgpsAlgorithm algorithm = fresh(variant, agent);
            for (int i = 0; i < 3; i++) {
                algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
            }
            double global = agent.noiselessCost(m -> algorithm.globalPolicy().orElseThrow());
            double local = agent.noiselessCost(algorithm::controller);
            assertTrue(global < 0.3 * untrained && global < 1.1 * local, variant.stepRule() + " "
                    + variant.policyPrior() + ": global " + global + ", local " + local + ", untrained " + untrained);
        }
    }

    @Test
    void restoredStateContinuesBitIdentically() {
        MdgpsSettings settings = settings().withSampleOnPolicy(true);
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        MdgpsAlgorithm whole = fresh(settings, agent);
        for (int i = 0; i < 4; i++) {
            whole.iterate(agent.sampleAll(whole, SAMPLES, SEED));
        }

        MdgpsAlgorithm first = fresh(settings, agent);
        for (int i = 0; i < 2; i++) {
            first.iterate(agent.sampleAll(first, SAMPLES, SEED));
        }
        MdgpsState saved = first.state();
        assertEquals(2, saved.iteration());
        assertNotNull(saved.conditions().get(0).previous());
        assertNotNull(saved.conditions().get(0).policyPrior());
        MdgpsAlgorithm resumed = MdgpsAlgorithm.restore(settings, costs(agent), saved, new LinearPolicyNetworkFactory());
        for (int i = 0; i < 2; i++) {
            resumed.iterate(agent.sampleAll(resumed, SAMPLES, SEED));
        }
        StateComparison.assertBitIdentical(whole.state(), resumed.state(), "state");
        // The constant prior has no state to save.
        MdgpsSettings constant = settings.withPolicyPrior(PolicyPriorConfig.constantDefaults());
        assertNull(fresh(constant, agent).state().conditions().get(0).policyPrior());
    }

    private static List<Cost> costs(LinearTestAgent agent) {
        List<Cost> costs = new ArrayList<>();
        for (int m = 0; m < agent.conditionCount(); m++) {
            costs.add(LinearTestAgent.cost());
        }
        return costs;
    }
}
