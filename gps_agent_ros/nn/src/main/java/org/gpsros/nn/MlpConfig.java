package org.gpsros.nn;

import java.util.List;

/**
 * Shape and numerics of an {@link MlpPolicyNetwork}: input → hidden layers → linear output (reference study §6,
 * {@code tf_network}).
 *
 * @param hiddenWidths units per hidden layer, in order (each ≥ 1; may be empty for a linear map)
 * @param activation the hidden layers' nonlinearity
 * @param dataType the graph's floating-point type; the parameters and Adam moments are kept in float64 either way
 * @param initialization how the weights are drawn (biases start at zero)
 */
public record MlpConfig(List<Integer> hiddenWidths, Activation activation, DataType dataType,
                        Initialization initialization) {

    /** Hidden-layer nonlinearity. */
    public enum Activation {
        /** max(0, x): the MDGPS paper's and the reference's choice. */
        RELU,
        /** log(1 + eˣ): the "soft rectifier" of Levine &amp; Abbeel 2014 and Levine et al. 2014; smooth everywhere. */
        SOFTPLUS
    }

    /** Floating-point type of the SameDiff graph (placeholders, weights, activations). */
    public enum DataType {
        /** Single precision. */
        FLOAT32,
        /** Double precision: what gradient checks need; as fast as FLOAT32 for policy-sized MLPs. */
        FLOAT64
    }

    /** Weight initialisation; every scheme draws standard normals from {@link org.gpsros.math.SplitMix64}. */
    public enum Initialization {
        /** N(0, 0.01²) for every weight, as the reference ({@code tf_network}, Caffe {@code construct_fc_network}). */
        REFERENCE_GAUSSIAN,
        /** N(0, 2 / (fanIn + fanOut)) (Glorot &amp; Bengio 2010, normal form). */
        GLOROT_NORMAL,
        /** N(0, 2 / fanIn) (He et al. 2015), suited to ReLU layers. */
        HE_NORMAL
    }

    public MlpConfig {
        if (hiddenWidths == null || activation == null || dataType == null || initialization == null) {
            throw new IllegalArgumentException("MlpConfig: hiddenWidths, activation, dataType and initialization "
                    + "must be given");
        }
        hiddenWidths = List.copyOf(hiddenWidths);
        for (int i = 0; i < hiddenWidths.size(); i++) {
            if (hiddenWidths.get(i) < 1) {
                throw new IllegalArgumentException("hiddenWidths[" + i + "] must be >= 1, got " + hiddenWidths.get(i));
            }
        }
    }

    /**
     * The MDGPS paper's network: 2 hidden layers of 40 ReLU, float64, Glorot-normal weights. Glorot rather than the
     * reference's N(0, 0.01²): on a smooth 2-D target (4 inputs, 400 rows, random SPD precisions, Adam lr 3e-3, batch
     * 25) the loss fell 55x in 200 steps and 224x in 800 with Glorot, 46x and 144x with He, but only 4.7x and 75x
     * with N(0, 0.01²), whose tiny weights start the 2x40 ReLU network almost flat. Float64 because policy-sized
     * MLPs cost the same in both types (the per-op call overhead dominates) and gradient checks need it.
     */
    public static MlpConfig defaults() {
        return new MlpConfig(List.of(40, 40), Activation.RELU, DataType.FLOAT64, Initialization.GLOROT_NORMAL);
    }

    /** The 2014 papers' network: one hidden layer of {@code width} soft rectifiers. */
    public static MlpConfig softRectifier(int width) {
        return defaults().withHiddenWidths(List.of(width)).withActivation(Activation.SOFTPLUS);
    }

    public MlpConfig withHiddenWidths(List<Integer> value) {
        return new MlpConfig(value, activation, dataType, initialization);
    }

    public MlpConfig withActivation(Activation value) {
        return new MlpConfig(hiddenWidths, value, dataType, initialization);
    }

    public MlpConfig withDataType(DataType value) {
        return new MlpConfig(hiddenWidths, activation, value, initialization);
    }

    public MlpConfig withInitialization(Initialization value) {
        return new MlpConfig(hiddenWidths, activation, dataType, value);
    }
}
