package org.gpsros.app.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gpsros.app.config.ConfigException;
import org.gpsros.nn.ConvolutionWeights;

/**
 * The pretrained convolution weights of {@code gps pretrain-pose} (Levine et al. 2016, §5.2): one JSON document
 * ({@link ConvolutionWeights}: channels, layers, kernels, biases, temperature; doubles in shortest round-trip form),
 * by default {@code RUN/pose_pretraining/conv_weights.json}.
 */
public final class ConvolutionWeightsFile {
    /** Folder of a run that holds pose pretraining's outputs. */
    public static final String FOLDER = "pose_pretraining";
    /** The weights' file name inside {@link #FOLDER}. */
    public static final String FILE = "conv_weights.json";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private ConvolutionWeightsFile() {
    }

    /** The weights file of a run folder. */
    public static Path inRun(Path runDirectory) {
        return runDirectory.resolve(FOLDER).resolve(FILE);
    }

    /** A weights file, or a run folder's ({@link #inRun}). */
    public static Path resolve(Path fileOrRun) {
        return Files.isDirectory(fileOrRun) ? inRun(fileOrRun) : fileOrRun;
    }

    public static void write(ConvolutionWeights weights, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), weights);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * @throws ConfigException if the file is missing or not convolution weights
     */
    public static ConvolutionWeights read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("policy.pretraining.pose_weights: no file " + file + " (run `gps pretrain-pose` "
                    + "first)");
        }
        try {
            return JSON.readValue(file.toFile(), ConvolutionWeights.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("policy.pretraining.pose_weights: " + file + " is not convolution weights: "
                    + e.getMessage(), e);
        }
    }
}
