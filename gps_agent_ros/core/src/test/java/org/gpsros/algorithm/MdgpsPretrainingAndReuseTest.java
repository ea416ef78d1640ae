package org.gpsros.algorithm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.cost.Cost;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.policy.LinearPolicyNetworkFactory;
import org.gpsros.policy.PolicyNetwork;
import org.junit.jupiter.api.Test;

/** Issue 5's additions to MDGPS: S-step sample reuse (Levine et al. 2016, §4.3) and trajectory pretraining (§5.2). */
class MdgpsPretrainingAndReuseTest {
    private static final int T = 30;
    private static final int SAMPLES = 5;
    private static final long SEED = 11;
    private static final double[][] STARTS = {{0, 0}, {2, 0.5}, {-0.5, -2}};

    private static MdgpsAlgorithm fresh(MdgpsSettings settings, LinearTestAgent agent) {
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
        LinearPolicyNetworkFactory factory = new LinearPolicyNetworkFactory();
        PolicyNetwork network = factory.create(LinearTestAgent.STATE_DIM, LinearTestAgent.ACTION_DIM,
                MdgpsAlgorithm.networkSeed(SEED));
        PolicyNetwork pretraining = settings.trajectoryPretrainingIterations() == 0 ? null : factory.create(
                LinearTestAgent.STATE_DIM, LinearTestAgent.ACTION_DIM, MdgpsAlgorithm.pretrainingNetworkSeed(SEED));
        return new MdgpsAlgorithm(settings, costs, controllers, network, LinearTestAgent.STATE_DIM, pretraining);
    }

    private static List<Cost> costs(LinearTestAgent agent) {
        List<Cost> costs = new ArrayList<>();
        for (int m = 0; m < agent.conditionCount(); m++) {
            costs.add(LinearTestAgent.cost());
        }
        return costs;
    }

    @Test
    void reusedSamplesAreKeptForTheConfiguredIterationsAndThePolicyLearns() {
        MdgpsSettings settings = MdgpsAlgorithmTest.settings().withSampleReuse(new SampleReuse(2, 10));
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        MdgpsAlgorithm algorithm = fresh(settings, agent);
        for (int i = 0; i < 5; i++) {
            algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
            List<MdgpsState.ReusedSamples> kept = algorithm.state().conditions().get(1).reusedSamples();
            assertEquals(Math.min(i + 1, 2), kept.size());
            assertEquals(i, kept.get(kept.size() - 1).iteration());
            assertEquals(SAMPLES, kept.get(0).states().length);
        }
        double global = agent.noiselessCost(m -> algorithm.globalPolicy().orElseThrow());
        double local = agent.noiselessCost(algorithm::controller);
        assertTrue(global < 1.05 * local, "global " + global + ", local " + local);
        // Without reuse (the reference) nothing is kept.
        MdgpsAlgorithm plain = fresh(MdgpsAlgorithmTest.settings(), agent);
        plain.iterate(agent.sampleAll(plain, SAMPLES, SEED));
        assertTrue(plain.state().conditions().get(0).reusedSamples().isEmpty());
    }

    @Test
    void trajectoryPretrainingTrainsTheStateNetworkThenHandsOver() {
        MdgpsSettings settings = MdgpsAlgorithmTest.settings().withTrajectoryPretrainingIterations(2)
                .withSampleOnPolicy(true);
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        MdgpsAlgorithm algorithm = fresh(settings, agent);
        for (int i = 0; i < 2; i++) {
            assertTrue(algorithm.pretraining());
            assertTrue(algorithm.globalPolicy().isEmpty());
            assertEquals(algorithm.controller(0), algorithm.samplingPolicy(0), "pretraining samples off-policy");
            IterationReport report = algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
            assertEquals(i == 0, report.policy().catchUpTraining() != null);
            assertEquals(0, algorithm.policyOptimizer().updates(), "the global policy waits");
            assertEquals(i == 0 ? 2 : 3, algorithm.pretrainingOptimizer().orElseThrow().updates());
        }
        assertTrue(!algorithm.pretraining());
        assertEquals(algorithm.controller(0), algorithm.samplingPolicy(0), "the hand-over samples the controllers");
        IterationReport handOver = algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
        assertNotNull(handOver.policy().catchUpTraining(), "the global policy's first S-step: the current samples");
        assertEquals(2, algorithm.policyOptimizer().updates());
        assertTrue(algorithm.pretrainingOptimizer().isEmpty());
        assertNull(algorithm.state().pretrainingPolicy());
        assertEquals(algorithm.globalPolicy().orElseThrow(), algorithm.samplingPolicy(0), "on-policy from N+1");
        for (int i = 0; i < 2; i++) {
            algorithm.iterate(agent.sampleAll(algorithm, SAMPLES, SEED));
        }
        double global = agent.noiselessCost(m -> algorithm.globalPolicy().orElseThrow());
        double local = agent.noiselessCost(algorithm::controller);
        assertTrue(global < 1.05 * local, "global " + global + ", local " + local);
    }

    @Test
    void pretrainingNeedsItsNetwork() {
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        assertThrows(IllegalArgumentException.class, () -> new MdgpsAlgorithm(
                MdgpsAlgorithmTest.settings().withTrajectoryPretrainingIterations(1), costs(agent),
                List.of(fresh(MdgpsAlgorithmTest.settings(), agent).controller(0)),
                new LinearPolicyNetworkFactory().create(4, 2, 1), 4, null));
    }

    @Test
    void restoredMidPretrainingWithReuseContinuesBitIdentically() {
        MdgpsSettings settings = MdgpsAlgorithmTest.settings().withTrajectoryPretrainingIterations(2)
                .withSampleReuse(new SampleReuse(2, 10)).withSampleOnPolicy(true);
        LinearTestAgent agent = new LinearTestAgent(T, STARTS);
        MdgpsAlgorithm whole = fresh(settings, agent);
        for (int i = 0; i < 4; i++) {
            whole.iterate(agent.sampleAll(whole, SAMPLES, SEED));
        }
        for (int stop : new int[] {1, 3}) {
            MdgpsAlgorithm first = fresh(settings, agent);
            for (int i = 0; i < stop; i++) {
                first.iterate(agent.sampleAll(first, SAMPLES, SEED));
            }
            MdgpsState saved = first.state();
            assertEquals(stop < 2, saved.pretrainingPolicy() != null);
            LinearPolicyNetworkFactory factory = new LinearPolicyNetworkFactory();
            MdgpsAlgorithm resumed = MdgpsAlgorithm.restore(settings, costs(agent), saved, factory, factory);
            for (int i = stop; i < 4; i++) {
                resumed.iterate(agent.sampleAll(resumed, SAMPLES, SEED));
            }
            StateComparison.assertBitIdentical(whole.state(), resumed.state(), "state (stopped after " + stop + ")");
        }
    }
}
