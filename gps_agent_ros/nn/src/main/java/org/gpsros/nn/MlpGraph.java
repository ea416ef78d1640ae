package org.gpsros.nn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gpsros.policy.PolicyTrainingSet;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff graph of an MLP policy mean and its S-step loss, with the host-side buffers that feed it.
 *
 * <p>Graph: placeholder {@code observation [B, dO]} → for each hidden layer {@code h = act(h·W_l + b_l)} → linear
 * {@code mean = h·W_L + b_L [B, dU]}. Loss (reference study §3.10 step 3, §6 "euclidean loss layer"):
 * L = (1/(2B)) Σ_i (u*_i − μ_i)ᵀ P_i (u*_i − μ_i) = Σ_i ‖s·L_iᵀu*_i − s·L_iᵀμ_i‖² with P_i = L_i L_iᵀ and
 * s = √(1/(2B)) ({@link PrecisionFactors}): placeholders {@code whitened_target [B, 1, dU]} (rows s·L_iᵀu*_i) and
 * {@code precision_factor [B, dU, dU]} (s·L_i), one batched product {@code reshape(mean, [B, 1, dU])·precision_factor}
 * and a summed squared error. Weight decay is not in the graph: its gradient weightDecay·θ is exact and cheap in Java,
 * while every graph op costs SameDiff's per-op session overhead (2 more ops per parameter array).
 *
 * <p>Parameters: for layer l, weights W_l {@code [in, out]} row-major then bias b_l {@code [out]}, concatenated over
 * layers into one flat θ (the layout of {@link #setParameters} and of gradients). Not thread-safe.
 *
 * <p>Execution: {@link #predict} and {@link #dataLossGradient} run the graph's ops directly
 * ({@link MlpDirectExecution}: ~0.15 ms per batch-25 train step instead of ~3 ms through a SameDiff session). The
 * SameDiff graph stays the definition of the network and loss: {@link #graphPredict} and
 * {@link #graphDataLossGradient} execute it, and the tests hold the direct execution to it.
 */
final class MlpGraph {
    static final String OBSERVATION = "observation";
    static final String WHITENED_TARGET = "whitened_target";
    static final String PRECISION_FACTOR = "precision_factor";
    static final String MEAN = "mean";
    static final String LOSS = "loss";

    private final int inputDim;
    private final int outputDim;
    private final DataType dataType;
    private final SameDiff graph;
    private final List<String> parameterNames = new ArrayList<>();
    private final int[] parameterOffsets;
    private final HostView[] parameterViews;
    private final int parameterCount;

    private final MlpDirectExecution direct;
    private final HostView singleObservation;
    private final Map<String, INDArray> singleFeed = new HashMap<>();

    private int batchRows = -1;
    private HostView batchObservations;
    private HostView batchTargets;
    private HostView batchFactors;
    private final Map<String, INDArray> batchFeed = new HashMap<>();

    MlpGraph(MlpConfig config, int inputDim, int outputDim) {
        Nd4jRuntime.initialise();
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.dataType = config.dataType() == MlpConfig.DataType.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        this.graph = SameDiff.create();

        List<Integer> widths = new ArrayList<>(config.hiddenWidths());
        widths.add(outputDim);
        parameterOffsets = new int[2 * widths.size()];
        parameterViews = new HostView[2 * widths.size()];
        INDArray[] weightArrays = new INDArray[widths.size()];
        INDArray[] biasArrays = new INDArray[widths.size()];
        int[] sizes = new int[widths.size() + 1];
        sizes[0] = inputDim;

        SDVariable h = graph.placeHolder(OBSERVATION, dataType, -1, inputDim);
        int in = inputDim;
        int offset = 0;
        for (int layer = 0; layer < widths.size(); layer++) {
            int out = widths.get(layer);
            INDArray weights = Nd4j.zeros(dataType, in, out);
            INDArray bias = Nd4j.zeros(dataType, out);
            SDVariable w = graph.var("layer" + layer + "_weights", weights);
            SDVariable b = graph.var("layer" + layer + "_bias", bias);
            weightArrays[layer] = weights;
            biasArrays[layer] = bias;
            sizes[layer + 1] = out;
            parameterNames.add(w.name());
            parameterNames.add(b.name());
            parameterOffsets[2 * layer] = offset;
            parameterViews[2 * layer] = HostView.of(weights);
            offset += in * out;
            parameterOffsets[2 * layer + 1] = offset;
            parameterViews[2 * layer + 1] = HostView.of(bias);
            offset += out;

            boolean last = layer == widths.size() - 1;
            String name = last ? MEAN : "layer" + layer + "_linear";
            h = graph.nn.linear(name, h, w, b);
            if (!last) {
                h = config.activation() == MlpConfig.Activation.RELU
                        ? graph.nn.relu("layer" + layer + "_relu", h, 0.0)
                        : graph.nn.softplus("layer" + layer + "_softplus", h);
            }
            in = out;
        }
        parameterCount = offset;

        SDVariable target = graph.placeHolder(WHITENED_TARGET, dataType, -1, 1, outputDim);
        SDVariable factor = graph.placeHolder(PRECISION_FACTOR, dataType, -1, outputDim, outputDim);
        SDVariable whitenedMean = graph.mmul(h.reshape(-1, 1, outputDim), factor);
        graph.loss.meanSquaredError(LOSS, target, whitenedMean, null, LossReduce.SUM);
        graph.setLossVariables(LOSS);
        Nd4jRuntime.createGradientFunction(graph, parameterNames.toArray(new String[0]));
        direct = new MlpDirectExecution(config.activation(), dataType, sizes, weightArrays, biasArrays);

        INDArray single = Nd4j.zeros(dataType, 1, inputDim);
        singleObservation = HostView.of(single);
        singleFeed.put(OBSERVATION, single);
    }

    int parameterCount() {
        return parameterCount;
    }

    /** Writes θ (flat layout of the class comment) into the graph's variables. */
    void setParameters(double[] parameters) {
        for (int p = 0; p < parameterViews.length; p++) {
            parameterViews[p].put(0, parameters, parameterOffsets[p], parameterViews[p].length());
        }
    }

    /** μ_θ(o) for one observation (the 20 Hz path), by {@link MlpDirectExecution}: no allocation. */
    void predict(double[] observation, double[] mean) {
        direct.predict(observation, mean);
    }

    /** μ_θ for {@code observations[from .. from+count)}, one forward pass of {@link MlpDirectExecution}. */
    double[][] predict(double[][] observations, int from, int count) {
        return direct.predict(observations, from, count);
    }

    /**
     * ∂L/∂θ of the data loss (1/(2B)) Σ_i (u*_i − μ_i)ᵀP_i(u*_i − μ_i) on the minibatch {@code rows[from .. from+count)}
     * of {@code set}, B = count, into {@code gradient} (flat layout; overwritten), by {@link MlpDirectExecution}.
     */
    void dataLossGradient(PolicyTrainingSet set, PrecisionFactors factors, int[] rows, int from, int count,
                          double[] gradient) {
        direct.dataLossGradient(set, factors, rows, from, count, gradient);
    }

    /** {@link #predict(double[], double[])} by a SameDiff execution of the graph (the definition; for tests). */
    void graphPredict(double[] observation, double[] mean) {
        singleObservation.put(0, observation, 0, inputDim);
        Nd4jRuntime.useFreshArrays(graph);
        HostView out = HostView.of(HostView.dense(graph.outputSingle(singleFeed, MEAN)));
        out.get(0, mean, 0, outputDim);
    }

    /** μ_θ for {@code observations[from .. from+count)}, one SameDiff execution of the graph (for tests). */
    double[][] graphPredict(double[][] observations, int from, int count) {
        INDArray input = Nd4j.create(dataType, count, inputDim);
        HostView view = HostView.of(input);
        for (int i = 0; i < count; i++) {
            view.put(i * inputDim, observations[from + i], 0, inputDim);
        }
        Map<String, INDArray> feed = Map.of(OBSERVATION, input);
        Nd4jRuntime.useFreshArrays(graph);
        HostView out = HostView.of(HostView.dense(graph.outputSingle(feed, MEAN)));
        double[][] means = new double[count][outputDim];
        for (int i = 0; i < count; i++) {
            out.get(i * outputDim, means[i], 0, outputDim);
        }
        return means;
    }

    /**
     * {@link #dataLossGradient} by SameDiff's gradient function of the graph (the definition the direct execution is
     * tested against).
     */
    void graphDataLossGradient(PolicyTrainingSet set, PrecisionFactors factors, int[] rows, int from, int count,
                          double[] gradient) {
        prepareBatch(count);
        int dU2 = outputDim * outputDim;
        double scale = Math.sqrt(0.5 / count);
        for (int i = 0; i < count; i++) {
            int row = rows[from + i];
            batchObservations.put(i * inputDim, set.observations()[row], 0, inputDim);
            double[] target = factors.whitenedTarget(row);
            for (int j = 0; j < outputDim; j++) {
                batchTargets.put(i * outputDim + j, scale * target[j]);
            }
            double[] factor = factors.factor(row);
            for (int j = 0; j < dU2; j++) {
                batchFactors.put(i * dU2 + j, scale * factor[j]);
            }
        }
        Nd4jRuntime.useFreshArrays(graph.getFunction("grad"));
        Map<String, INDArray> gradients = graph.calculateGradients(batchFeed, parameterNames);
        for (int p = 0; p < parameterNames.size(); p++) {
            HostView g = HostView.of(HostView.dense(gradients.get(parameterNames.get(p))));
            g.get(0, gradient, parameterOffsets[p], parameterViews[p].length());
        }
    }

    private void prepareBatch(int rows) {
        if (rows == batchRows) {
            return;
        }
        INDArray observations = Nd4j.zeros(dataType, rows, inputDim);
        INDArray targets = Nd4j.zeros(dataType, rows, 1, outputDim);
        INDArray factors = Nd4j.zeros(dataType, rows, outputDim, outputDim);
        batchObservations = HostView.of(observations);
        batchTargets = HostView.of(targets);
        batchFactors = HostView.of(factors);
        batchFeed.put(OBSERVATION, observations);
        batchFeed.put(WHITENED_TARGET, targets);
        batchFeed.put(PRECISION_FACTOR, factors);
        batchRows = rows;
    }
}
