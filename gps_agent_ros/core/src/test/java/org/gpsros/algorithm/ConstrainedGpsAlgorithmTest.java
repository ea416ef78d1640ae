package org.gpsros.algorithm;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.cost.Cost;
import org.gpsros.dynamics.DynamicsPriorConfig;
import org.gpsros.dynamics.ReferenceCompatibility;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.LinearPolicyNetworkFactory;
import org.gpsros.policy.PolicyTrainingConfig;
import org.gpsros.policyprior.PolicyPriorConfig;
import org.gpsros.trajopt.LqrConfig;
import org.junit.jupiter.api.Test;

class ConstrainedGpsAlgorithmTest {
    private static final int T = 30;
    private static final int SAMPLES = 5;
    private static final long SEED = 11;
    private static final double[][] STARTS = {{0, 0}, {2, 0.5}, {-0.5, -2}};

    static ConstrainedGpsSettings settings() {
        TrajOptSettings trajOpt = new TrajOptSettings(1.0, 0.5, 3.0, 1e-6, 0.0, 1, LqrConfig.defaults(), 1e-6,
                DynamicsPriorConfig.defaults().withMaxClusters(2).withParallelism(1), ReferenceCompatibility.CORRECTED,
                SEED);
        return ConstrainedGpsSettings.defaults(trajOpt)
                .withPolicyTraining(new PolicyTrainingConfig(1000, 25, 1e-2, 0.0, 0.1, 0.0))
                .withPolicyPrior(PolicyPriorConfig.gmmDefaults().withMaxClusters(2));
    }

    static ConstrainedGpsAlgorithm fresh(ConstrainedGpsSettings settings, LinearTestAgent agent) {
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
        return new ConstrainedGpsAlgorithm(settings, costs, controllers, new LinearPolicyNetworkFactory().create(
                LinearTestAgent.STATE_DIM, LinearTestAgent.ACTION_DIM, ConstrainedGpsAlgorithm.networkSeed(SEED)));
    }

    private static String learn(ConstrainedGpsSettings settings, int iterations) {
        StringBuilder log = new StringBuilder();
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        ConstrainedGpsAlgorithm algorithm = fresh(settings, agent);
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            IterationReport report = algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
            double global = agent.noiselessCost(m -> algorithm.globalPolicy().orElseThrow());
            double local = agent.noiselessCost(algorithm::controller);
            double sampled = 0;
            for (ConditionReport c : report.conditions()) {
                sampled += c.meanCost() / report.conditions().size();
            }
            double[] lam = algorithm.policyDuals(0);
            double[] kl = algorithm.lastPolicyKl(0);
            log.append(String.format("itr %d sampled %.3f local %.3f global %.3f ratio %.4f step %.3f kl %.2f "
                    + "lam[0] %.3g lam[T-1] %.3g polkl %.3g var %s  %.2fs%n", i, sampled, local, global, global / local,
                    algorithm.stepMultiplier(0), report.conditions().get(0).klDivergence(), lam[0], lam[T - 1],
                    java.util.Arrays.stream(kl).sum(), java.util.Arrays.toString(report.policy().variance()),
                    (System.nanoTime() - start) / 1e9));
        }
        return log.toString();
    }

    @Test
    void explore() {
        System.out.println("MC a=10 f=0.3\n" + learn(settings().withEntropyPenalty(0.3), 10));
        System.out.println("MC a=1 f=0.3\n" + learn(settings().withDualStep(1).withEntropyPenalty(0.3), 10));
        System.out.println("MC a=0.1 f=0.3\n" + learn(settings().withDualStep(0.1).withEntropyPenalty(0.3), 10));
        System.out.println("MC a=1 f=0.1\n" + learn(settings().withDualStep(1).withEntropyPenalty(0.1), 10));
    }
}
