package org.gpsros.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gps command as a user runs it: exit codes, messages, and the files of the output folder contract. */
class GpsCommandTest {
    private static final Path ARM = Path.of("../../config/box2d_arm.yaml");

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    private int gps(String... args) {
        err.reset();
        out.reset();
        return GpsCommand.commandLine().execute(args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void badConfigExitsWithStatus2AndWritesNothing(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, Files.readString(ARM).replace("samples_per_condition: 5", "samples_per_conditon: 5"));
        Path output = dir.resolve("run");
        assertEquals(2, gps("train", config.toString(), "--output", output.toString(), "--no-progress"));
        assertTrue(stderr().startsWith("gps: " + config + ": samples_per_conditon: unknown key"), stderr());
        assertEquals(1, stderr().lines().count(), "one line: " + stderr());
        assertFalse(Files.exists(output), "nothing written for a bad config");
    }

    @Test
    void unknownTaskAndWrongDimensionsAreConfigErrors(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("task.yaml");
        Files.writeString(config, Files.readString(ARM).replace("task: box2d_arm", "task: box3d_arm"));
        assertEquals(2, gps("train", config.toString(), "--output", dir.resolve("a").toString()));
        assertTrue(stderr().contains("unknown simulated task 'box3d_arm'"), stderr());
        Files.writeString(config, Files.readString(ARM).replace("wu: [1, 1]", "wu: [1, 1, 1]"));
        assertEquals(2, gps("train", config.toString(), "--output", dir.resolve("b").toString()));
        assertTrue(stderr().contains("cost[0].wu: needs 2 values, got 3"), stderr());
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")));
    }

    @Test
    void trainWritesTheContractedOutputsThenResumesAndEvaluates(@TempDir Path dir) throws IOException {
        Path run = dir.resolve("run");
        assertEquals(0, gps("train", ARM.toString(), "--iterations", "2", "--seed", "3", "--output", run.toString(),
                "--no-progress"), stderr());
        assertTrue(stderr().contains("itr  1  cond 0"), stderr());
        assertTrue(Files.readString(run.resolve("config.yaml")).contains("seed: 3"));
        List<String> metrics = Files.readAllLines(run.resolve("metrics.csv"));
        assertEquals("iteration,condition,mean_cost,std_cost,min_cost,max_cost,final_distance,step_mult,eta,kl_step,"
                + "seconds_learner,seconds_sampling", metrics.get(0));
        assertEquals(3, metrics.size());
        BufferedImage curve = ImageIO.read(run.resolve("learning_curve.png").toFile());
        assertNotNull(curve, "learning_curve.png is a readable PNG");
        assertTrue(curve.getWidth() >= 640);
        assertTrue(Files.exists(run.resolve("checkpoints/itr_001/COMPLETE")));

        // Refuses to overwrite a run; resumes one with more iterations.
        assertEquals(2, gps("train", ARM.toString(), "--iterations", "2", "--output", run.toString()));
        assertTrue(stderr().contains("already holds a run"), stderr());
        assertEquals(2, gps("train", ARM.toString(), "--seed", "4", "--resume", "--output", run.toString()));
        assertTrue(stderr().contains("--seed 4 differs from the run's seed 3"), stderr());
        assertEquals(0, gps("train", ARM.toString(), "--iterations", "3", "--seed", "3", "--resume", "--output",
                run.toString(), "--no-progress"), stderr());
        assertEquals(4, Files.readAllLines(run.resolve("metrics.csv")).size());
        assertTrue(Files.exists(run.resolve("checkpoints/itr_002/COMPLETE")));

        assertEquals(0, gps("evaluate", run.toString(), "--samples", "2"), stderr());
        List<String> eval = Files.readAllLines(run.resolve("eval.csv"));
        assertEquals("condition,mode,sample,cost,final_distance,success,policy", eval.get(0));
        assertEquals(4, eval.size(), "one noiseless and two noisy rollouts");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("noiseless"));
    }

    @Test
    void evaluateWithoutCheckpointSaysSo(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("run"));
        Files.copy(ARM, dir.resolve("run/config.yaml"));
        assertEquals(1, gps("evaluate", dir.resolve("run").toString()));
        assertTrue(stderr().contains("no complete checkpoint; train first"), stderr());
    }

    @Test
    void pretrainPoseNeedsATaskWithACameraAndWritesNothingOtherwise(@TempDir Path dir) {
        Path output = dir.resolve("run");
        assertEquals(2, gps("pretrain-pose", ARM.toString(), "--examples", "10", "--output", output.toString()));
        assertTrue(stderr().startsWith("gps: " + ARM + ": task box2d_arm has no camera view of a target object "
                + "(no PoseImageSource)"), stderr());
        assertEquals(1, stderr().lines().count(), "one line: " + stderr());
        assertFalse(Files.exists(output), "nothing written");
        assertEquals(0, gps("pretrain-pose", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("--compare-heads"));
    }
}
