package org.gpsros.nn;

import java.util.List;

/**
 * The trainable parameters of the vision layers of a spatial-softmax CNN: what pose pretraining hands to the policy
 * (Levine et al. 2016, §5.2: "the weights in the convolutional layers are transferred to the policy CNN").
 *
 * @param imageChannels channels of the input image
 * @param layers the convolutions the weights belong to
 * @param kernels per layer, {@code [kernel, kernel, inputChannels, filters]} row-major (ND4J's YXIO layout)
 * @param biases per layer, {@code [filters]}
 * @param temperature the spatial softmax's temperature α (softmax(a/α)); 1 for a head without spatial softmax
 */
public record ConvolutionWeights(int imageChannels, List<ConvLayer> layers, double[][] kernels, double[][] biases,
                                 double temperature) {

    public ConvolutionWeights {
        layers = List.copyOf(layers);
        if (kernels.length != layers.size() || biases.length != layers.size()) {
            throw new IllegalArgumentException("ConvolutionWeights: " + layers.size() + " layers but " + kernels.length
                    + " kernels and " + biases.length + " biases");
        }
        int channels = imageChannels;
        kernels = kernels.clone();
        biases = biases.clone();
        for (int l = 0; l < layers.size(); l++) {
            ConvLayer layer = layers.get(l);
            int expected = layer.kernel() * layer.kernel() * channels * layer.filters();
            if (kernels[l].length != expected || biases[l].length != layer.filters()) {
                throw new IllegalArgumentException("ConvolutionWeights: layer " + (l + 1) + " " + layer + " on "
                        + channels + " channels needs " + expected + " kernel values and " + layer.filters()
                        + " biases, got " + kernels[l].length + " and " + biases[l].length);
            }
            kernels[l] = kernels[l].clone();
            biases[l] = biases[l].clone();
            channels = layer.filters();
        }
        if (!Double.isFinite(temperature) || temperature == 0) {
            throw new IllegalArgumentException("ConvolutionWeights: temperature must be finite and non-zero, got "
                    + temperature);
        }
    }

    /** Whether these weights fit the convolutions of {@code config} (same channels and layers). */
    public boolean fits(CnnConfig config) {
        return imageChannels == config.imageChannels() && layers.equals(config.convolutions());
    }

    /** Kernel of layer l (0-based), a copy. */
    public double[] kernel(int layer) {
        return kernels[layer].clone();
    }

    /** Biases of layer l (0-based), a copy. */
    public double[] bias(int layer) {
        return biases[layer].clone();
    }
}
