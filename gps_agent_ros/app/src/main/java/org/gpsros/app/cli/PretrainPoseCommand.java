package org.gpsros.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gpsros.app.config.ConfigException;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.run.ConvolutionWeightsFile;
import org.gpsros.app.run.Experiment;
import org.gpsros.app.run.PosePretraining;
import org.gpsros.app.run.RunDirectory;
import org.gpsros.nn.CnnConfig;
import org.gpsros.nn.PoseRegressor;
import org.gpsros.sim.PoseImageSource;
import org.gpsros.sim.SimTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gps pretrain-pose CONFIG [--examples N] [--test-examples M] [--iterations K] [--batch-size B]
 * [--learning-rate R] [--image-size S] [--seed N] [--output DIR] [--compare-heads]}: pose pretraining of the CNN's
 * convolutions (Levine et al. 2016, §5.2) on the config's task, and with {@code --compare-heads} the paper's Table 3.
 */
@Command(name = "pretrain-pose", mixinStandardHelpOptions = true,
        description = {"Pretrain the CNN policy's convolutions to regress the target object's position from camera "
                + "images of the config's task (visual_reacher, visual_peg); report train/test error in cm and write "
                + "DIR/pose_pretraining/conv_weights.json, which `gps train CONFIG --output DIR` (or "
                + "policy.pretraining.pose_weights: DIR) starts the CNN from.",
                "--compare-heads also trains the fully connected and max-pooling heads of the paper's Table 3 and "
                        + "prints the three beside the paper's numbers."})
final class PretrainPoseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment YAML of a task with a camera, e.g. "
            + "config/visual_reacher_mdgps.yaml (its policy.network.cnn gives the convolutions)")
    Path config;

    @Option(names = "--examples", paramLabel = "N", defaultValue = "1000",
            description = "training images (default: ${DEFAULT-VALUE}, the paper's ~1000)")
    int examples;

    @Option(names = "--test-examples", paramLabel = "M", defaultValue = "200",
            description = "held-out images for the test error (default: ${DEFAULT-VALUE})")
    int testExamples;

    @Option(names = "--iterations", paramLabel = "K", defaultValue = "2000",
            description = "Adam steps per network (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--batch-size", paramLabel = "B", defaultValue = "25",
            description = "images per minibatch (default: ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "1e-3",
            description = "Adam step size (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--image-size", paramLabel = "S", description = "square image size (default: the task's "
            + "image_size; the convolution weights fit any size)")
    Integer imageSize;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the examples and weights (default: the "
            + "config's seed)")
    Long seed;

    @Option(names = "--output", paramLabel = "DIR", description = "run folder to write pose_pretraining/ into "
            + "(default: runs/<task>-<timestamp>)")
    Path output;

    @Option(names = "--compare-heads", description = "train all three heads of the paper's Table 3 (spatial softmax, "
            + "fully connected, max pooling + fully connected) and print them beside the paper's errors")
    boolean compareHeads;

    @Override
    public Integer call() {
        ExperimentConfig experimentConfig = ConfigLoader.load(config);
        SimTask task = Experiment.simTask(experimentConfig, config.toString());
        if (!(task instanceof PoseImageSource source)) {
            throw new ConfigException(config + ": task " + task.name() + " has no camera view of a target object "
                    + "(no PoseImageSource); pose pretraining needs a visual task such as visual_reacher or "
                    + "visual_peg");
        }
        int size = imageSize != null ? imageSize : Experiment.imageSize(task.observationLayout());
        if (size < 1) {
            throw new ConfigException(config + ": task " + task.name() + " has no RGB_IMAGE in its observation; give "
                    + "--image-size");
        }
        PosePretraining.Settings settings;
        CnnConfig cnn;
        try {
            settings = new PosePretraining.Settings(examples, testExamples, iterations, batchSize, learningRate,
                    seed != null ? seed : experimentConfig.seed());
            cnn = Experiment.cnnConfig(experimentConfig, size);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        List<PoseRegressor.Head> heads = compareHeads ? List.of(PoseRegressor.Head.values())
                : List.of(PoseRegressor.Head.SPATIAL_SOFTMAX);
        RunDirectory run = output != null ? new RunDirectory(output)
                : RunDirectory.fresh(Path.of("runs"), experimentConfig.task());
        Path folder = run.root().resolve(ConvolutionWeightsFile.FOLDER);
        System.err.println("gps: pose pretraining on " + task.name() + " (" + examples + " + " + testExamples
                + " images at " + size + "×" + size + ", " + iterations + " iterations per network) into " + folder);
        PosePretraining.Result result = PosePretraining.run(source, cnn, heads, settings, System.err, folder);
        PosePretraining.write(result, folder);
        System.out.print(PosePretraining.table(result));
        System.err.println("gps: wrote " + ConvolutionWeightsFile.inRun(run.root()) + " and "
                + folder.resolve(PosePretraining.ERRORS_FILE) + "; start the CNN from them with `gps train " + config
                + " --output " + run.root() + "` or policy.pretraining.pose_weights: " + run.root());
        return 0;
    }
}
