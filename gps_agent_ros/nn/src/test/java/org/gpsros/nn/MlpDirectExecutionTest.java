package org.gpsros.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.PolicyTrainingSet;
import org.junit.jupiter.api.Test;

/** The direct execution of the graph's ops against SameDiff's execution of the graph and of its gradient function. */
class MlpDirectExecutionTest {
    private static final int OBSERVATION_DIM = 9;
    private static final int ACTION_DIM = 4;

    @Test
    void gradientsEqualTheSameDiffGraphsInFloat64() {
        List<MlpConfig> configs = List.of(MlpConfig.defaults(), MlpConfig.softRectifier(12),
                MlpConfig.defaults().withHiddenWidths(List.of(7, 6, 5)),
                MlpConfig.defaults().withHiddenWidths(List.of()));
        for (MlpConfig config : configs) {
            double worst = worstRelativeGradientDifference(config);
            assertTrue(worst < 1e-10, config + ": relative difference " + worst);
        }
    }

    @Test
    void float32GradientsAgreeWithTheGraphsToSinglePrecision() {
        double worst = worstRelativeGradientDifference(
                MlpConfig.defaults().withDataType(MlpConfig.DataType.FLOAT32));
        assertTrue(worst < 1e-5, "relative difference " + worst);
    }

    @Test
    void predictionsEqualTheSameDiffGraphs() {
        for (MlpConfig config : List.of(MlpConfig.defaults(), MlpConfig.softRectifier(12))) {
            MlpGraph graph = graphWithTrainedLookingWeights(config);
            PolicyTrainingSet set = set(30);
            double[][] direct = graph.predict(set.observations(), 2, 20);
            double[][] sameDiff = graph.graphPredict(set.observations(), 2, 20);
            double[] single = new double[ACTION_DIM];
            double[] singleGraph = new double[ACTION_DIM];
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(sameDiff[i], direct[i], 1e-13, config + " row " + i);
                graph.predict(set.observations()[2 + i], single);
                graph.graphPredict(set.observations()[2 + i], singleGraph);
                assertArrayEquals(singleGraph, single, 1e-13, config + " single row " + i);
            }
            assertArrayEquals(direct[3], graph.predict(set.observations(), 5, 1)[0], 1e-13, "another row count");
        }
    }

    /**
     * max over parameters of |direct − SameDiff| / max|SameDiff gradient|, over batches of 25, 7 (the workspace is
     * rebuilt) and 25 again, after parameters changed between calls.
     */
    private static double worstRelativeGradientDifference(MlpConfig config) {
        MlpGraph graph = graphWithTrainedLookingWeights(config);
        PolicyTrainingSet set = set(60);
        PrecisionFactors factors = PrecisionFactors.of(set);
        int[] order = MlpPolicyNetworkTest.allRows(set.rows());
        double[] direct = new double[graph.parameterCount()];
        double[] sameDiff = new double[direct.length];
        double worst = 0;
        int[][] batches = {{3, 25}, {40, 7}, {30, 25}};
        for (int[] batch : batches) {
            graph.dataLossGradient(set, factors, order, batch[0], batch[1], direct);
            graph.graphDataLossGradient(set, factors, order, batch[0], batch[1], sameDiff);
            double scale = 0;
            for (double g : sameDiff) {
                scale = Math.max(scale, Math.abs(g));
            }
            assertTrue(scale > 1e-3, "a gradient to compare");
            for (int i = 0; i < direct.length; i++) {
                worst = Math.max(worst, Math.abs(direct[i] - sameDiff[i]) / scale);
            }
            graph.setParameters(perturbed(graph.parameterCount(), batch[0]));
        }
        return worst;
    }

    /** A graph with Glorot-scaled weights and nonzero biases, so that some ReLUs are active and some not. */
    private static MlpGraph graphWithTrainedLookingWeights(MlpConfig config) {
        MlpGraph graph = new MlpGraph(config, OBSERVATION_DIM, ACTION_DIM);
        assertEquals(graph.parameterCount(), MlpPolicyNetwork.create(config, OBSERVATION_DIM, ACTION_DIM, 1)
                .parameterCount());
        graph.setParameters(perturbed(graph.parameterCount(), 0));
        return graph;
    }

    private static double[] perturbed(int count, long seed) {
        SplitMix64 random = new SplitMix64(SplitMix64.derive(31, seed));
        double[] theta = new double[count];
        for (int i = 0; i < count; i++) {
            theta[i] = 0.4 * random.nextNormal();
        }
        return theta;
    }

    private static PolicyTrainingSet set(int rows) {
        return TrainingSets.of(rows, OBSERVATION_DIM, ACTION_DIM, 5,
                o -> new double[] {Math.sin(o[0]), o[1] * o[2], o[3] - o[4], Math.cos(o[5] + o[6])});
    }
}
