package org.gpsros.nn;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.policy.PolicyTrainingSet;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The libnd4j ops of {@link MlpGraph}'s SameDiff graph and of its gradient function, executed directly on
 * preallocated ND4J arrays: each op is bound once to its input and output arrays in a reusable {@link OpContext},
 * and a pass is a fixed list of native calls. This skips SameDiff's per-step session (dependency tracking, array
 * allocation, shape inference: ~100 µs per op, ~2.6 ms per batch-25 train step at policy sizes) and leaves ~10 µs
 * per op.
 *
 * <p>Forward, per layer l: {@code xw_plus_b(h, W_l, b_l) → z_l}, then {@code relu} (cutoff 0) or {@code softplus}
 * {@code z_l → h}. Backward, from the output down: {@code reduce_sum(dz_l, 0) → ∂b_l},
 * {@code matmul(h_{l−1}, dz_l, transposeX) → ∂W_l}, {@code matmul(dz_l, W_l, transposeY) → ∂h_{l−1}} and
 * {@code thresholdedrelu_bp} / {@code softplus_bp}{@code (z_{l−1}, ∂h_{l−1}) → dz_{l−1}}: the ops SameDiff's
 * {@code createGradFunction} builds for the graph. The whitened loss head
 * L = Σ_i ‖μ_iᵀF_i − t_i‖² (F_i = s·L_i, t_i = s·L_iᵀu*_i, {@link MlpGraph}) and its gradient
 * ∂L/∂μ_i = 2·F_i(F_iᵀμ_i − t_i) take B·dU² multiply-adds and run in Java on the arrays' host views, as weight
 * decay does. Gradients agree with the SameDiff graph's to rounding (tested to 1e-10 relative in float64).
 *
 * <p>The weight and bias arrays are the graph's own variables, so {@link MlpGraph#setParameters} updates both paths.
 * Not thread-safe; the arrays of a pass are reused by the next one.
 */
final class MlpDirectExecution {
    /**
     * A libnd4j custom op bound once to its arrays and arguments. The context's native memory is freed by ND4J's
     * deallocator once the context is unreachable (CpuOpContext is Deallocatable), so replaced workspaces are just
     * dropped.
     */
    private static final class BoundOp {
        private final DynamicCustomOp op;
        private final OpContext context;

        BoundOp(String name, INDArray[] inputs, INDArray[] outputs, long[] integerArguments,
                double[] floatingPointArguments) {
            DynamicCustomOp.DynamicCustomOpsBuilder builder = DynamicCustomOp.builder(name).addInputs(inputs)
                    .addOutputs(outputs);
            for (long argument : integerArguments) {
                builder.addIntegerArguments(argument);
            }
            for (double argument : floatingPointArguments) {
                builder.addFloatingPointArguments(argument);
            }
            op = builder.build();
            context = Nd4j.getExecutioner().buildContext();
            context.setInputArrays(inputs);
            context.setOutputArrays(outputs);
            context.setIArguments(integerArguments);
            context.setTArguments(floatingPointArguments);
        }

        void run() {
            Nd4j.getExecutioner().exec(op, context);
        }
    }

    /** The arrays and bound ops of passes over a fixed number of rows. */
    private final class Workspace {
        final int rows;
        final INDArray input;
        final HostView inputView;
        final INDArray[] linear;
        final INDArray[] activated;
        final HostView outputView;
        final List<BoundOp> forward = new ArrayList<>();
        final List<BoundOp> backward = new ArrayList<>();
        HostView outputGradientView;

        Workspace(int rows, boolean withBackward) {
            this.rows = rows;
            int layers = weights.length;
            input = Nd4j.zeros(dataType, rows, sizes[0]);
            inputView = HostView.of(input);
            linear = new INDArray[layers];
            activated = new INDArray[layers - 1];
            INDArray h = input;
            for (int l = 0; l < layers; l++) {
                linear[l] = Nd4j.zeros(dataType, rows, sizes[l + 1]);
                forward.add(new BoundOp("xw_plus_b", new INDArray[] {h, weights[l], biases[l]},
                        new INDArray[] {linear[l]}, new long[0], new double[0]));
                if (l < layers - 1) {
                    activated[l] = Nd4j.zeros(dataType, rows, sizes[l + 1]);
                    forward.add(softplus
                            ? new BoundOp("softplus", new INDArray[] {linear[l]}, new INDArray[] {activated[l]},
                                    new long[0], new double[0])
                            : new BoundOp("relu", new INDArray[] {linear[l]}, new INDArray[] {activated[l]},
                                    new long[0], new double[] {0.0}));
                    h = activated[l];
                }
            }
            outputView = HostView.of(linear[layers - 1]);
            if (withBackward) {
                INDArray dz = Nd4j.zeros(dataType, rows, sizes[layers]);
                outputGradientView = HostView.of(dz);
                for (int l = layers - 1; l >= 0; l--) {
                    INDArray below = l == 0 ? input : activated[l - 1];
                    backward.add(new BoundOp("reduce_sum", new INDArray[] {dz}, new INDArray[] {biasGradients[l]},
                            new long[] {0}, new double[0]));
                    backward.add(new BoundOp("matmul", new INDArray[] {below, dz},
                            new INDArray[] {weightGradients[l]}, new long[] {1, 0, 0}, new double[] {1.0, 0.0}));
                    if (l > 0) {
                        INDArray belowGradient = Nd4j.zeros(dataType, rows, sizes[l]);
                        backward.add(new BoundOp("matmul", new INDArray[] {dz, weights[l]},
                                new INDArray[] {belowGradient}, new long[] {0, 1, 0}, new double[] {1.0, 0.0}));
                        INDArray linearGradient = Nd4j.zeros(dataType, rows, sizes[l]);
                        backward.add(softplus
                                ? new BoundOp("softplus_bp", new INDArray[] {linear[l - 1], belowGradient},
                                        new INDArray[] {linearGradient}, new long[0], new double[0])
                                : new BoundOp("thresholdedrelu_bp", new INDArray[] {linear[l - 1], belowGradient},
                                        new INDArray[] {linearGradient}, new long[0], new double[] {0.0}));
                        dz = linearGradient;
                    }
                }
            }
        }

        void runForward() {
            for (BoundOp op : forward) {
                op.run();
            }
        }

        void runBackward() {
            for (BoundOp op : backward) {
                op.run();
            }
        }
    }

    private final DataType dataType;
    private final boolean softplus;
    /** Layer sizes: input, hidden widths, output. */
    private final int[] sizes;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;
    /** Host views of ∂W_0, ∂b_0, ∂W_1, ... in the flat parameter order. */
    private final HostView[] gradientViews;
    private final int[] gradientOffsets;

    private Workspace single;
    private Workspace training;
    private Workspace evaluation;
    /** μ, ∂L/∂μ and a whitened row of the training workspace, {@code [rows·dU]} and {@code [dU]}. */
    private double[] means = new double[0];
    private double[] meanGradient = new double[0];
    private final double[] residual;

    /**
     * @param weights the graph's weight variables W_l {@code [in, out]}, dense and C-ordered
     * @param biases the graph's bias variables b_l {@code [out]}
     */
    MlpDirectExecution(MlpConfig.Activation activation, DataType dataType, int[] sizes, INDArray[] weights,
                       INDArray[] biases) {
        this.dataType = dataType;
        this.softplus = activation == MlpConfig.Activation.SOFTPLUS;
        this.sizes = sizes.clone();
        this.weights = weights.clone();
        this.biases = biases.clone();
        int layers = weights.length;
        weightGradients = new INDArray[layers];
        biasGradients = new INDArray[layers];
        gradientViews = new HostView[2 * layers];
        gradientOffsets = new int[2 * layers];
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            weightGradients[l] = Nd4j.zeros(dataType, sizes[l], sizes[l + 1]);
            biasGradients[l] = Nd4j.zeros(dataType, sizes[l + 1]);
            gradientViews[2 * l] = HostView.of(weightGradients[l]);
            gradientOffsets[2 * l] = offset;
            offset += sizes[l] * sizes[l + 1];
            gradientViews[2 * l + 1] = HostView.of(biasGradients[l]);
            gradientOffsets[2 * l + 1] = offset;
            offset += sizes[l + 1];
        }
        residual = new double[sizes[layers]];
    }

    /** μ_θ(o) for one observation: the forward ops on a one-row workspace, no allocation. */
    void predict(double[] observation, double[] mean) {
        Nd4jRuntime.useThreads(1);
        if (single == null) {
            single = new Workspace(1, false);
        }
        single.inputView.put(0, observation, 0, sizes[0]);
        single.runForward();
        single.outputView.get(0, mean, 0, mean.length);
    }

    /** μ_θ for {@code observations[from .. from+count)} in one forward pass (the workspace is kept per count). */
    double[][] predict(double[][] observations, int from, int count) {
        Nd4jRuntime.useThreads(1);
        if (evaluation == null || evaluation.rows != count) {
            evaluation = new Workspace(count, false);
        }
        int inputDim = sizes[0];
        int outputDim = sizes[sizes.length - 1];
        for (int i = 0; i < count; i++) {
            evaluation.inputView.put(i * inputDim, observations[from + i], 0, inputDim);
        }
        evaluation.runForward();
        double[][] result = new double[count][outputDim];
        for (int i = 0; i < count; i++) {
            evaluation.outputView.get(i * outputDim, result[i], 0, outputDim);
        }
        return result;
    }

    /**
     * ∂L/∂θ of the data loss (1/(2B)) Σ_i (u*_i − μ_i)ᵀP_i(u*_i − μ_i) on {@code rows[from .. from+count)} of
     * {@code set} (B = count) into {@code gradient} (flat layout of {@link MlpGraph}; overwritten): forward ops, the
     * whitened loss head in Java (∂L/∂μ_i = 2·F_i(F_iᵀμ_i − t_i), F_i = s·L_i, t_i = s·L_iᵀu*_i, s = √(1/(2B))), backward
     * ops. The workspace is kept while the batch size stays the same.
     */
    void dataLossGradient(PolicyTrainingSet set, PrecisionFactors factors, int[] rows, int from, int count,
                          double[] gradient) {
        Nd4jRuntime.useThreads(1);
        if (training == null || training.rows != count) {
            training = new Workspace(count, true);
            int outputDim = sizes[sizes.length - 1];
            means = new double[count * outputDim];
            meanGradient = new double[count * outputDim];
        }
        int inputDim = sizes[0];
        int dU = sizes[sizes.length - 1];
        for (int i = 0; i < count; i++) {
            training.inputView.put(i * inputDim, set.observations()[rows[from + i]], 0, inputDim);
        }
        training.runForward();
        training.outputView.get(0, means, 0, count * dU);
        double scale = Math.sqrt(0.5 / count);
        for (int i = 0; i < count; i++) {
            int row = rows[from + i];
            double[] f = factors.factor(row);
            double[] target = factors.whitenedTarget(row);
            int base = i * dU;
            for (int j = 0; j < dU; j++) {
                double whitened = 0;
                for (int k = 0; k < dU; k++) {
                    whitened += means[base + k] * (scale * f[k * dU + j]);
                }
                residual[j] = whitened - scale * target[j];
            }
            for (int k = 0; k < dU; k++) {
                double sum = 0;
                for (int j = 0; j < dU; j++) {
                    sum += (scale * f[k * dU + j]) * residual[j];
                }
                meanGradient[base + k] = 2.0 * sum;
            }
        }
        training.outputGradientView.put(0, meanGradient, 0, count * dU);
        training.runBackward();
        for (int p = 0; p < gradientViews.length; p++) {
            gradientViews[p].get(0, gradient, gradientOffsets[p], gradientViews[p].length());
        }
    }
}
