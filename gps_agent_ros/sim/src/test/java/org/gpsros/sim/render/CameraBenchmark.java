package org.gpsros.sim.render;

import java.util.Arrays;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.ImageSpec;
import org.gpsros.image.RgbFrame;
import org.gpsros.policy.Policy;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;
import org.gpsros.sim.SimWorld;

/**
 * Timing harness (not a test) for the simulated cameras: wall time of one {@link SimWorld#renderCamera} frame of
 * {@code visual_reacher} and {@code visual_peg} at 64, 120 and 240 pixels (the renderer draws 2×2 supersampled, i.e.
 * at 128..480 internally), of {@link ImagePreprocessor#toObservation} on that frame, and of whole {@link SimAgent}
 * samples (T = 50 reacher, T = 100 peg) with their images. Medians (and p90) of {@code rounds} after a warm-up.
 * Run: {@code java -cp sim/target/classes:sim/target/test-classes:<deps> org.gpsros.sim.render.CameraBenchmark [rounds]}.
 */
public final class CameraBenchmark {

    private CameraBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (String name : new String[] {SimTasks.VISUAL_REACHER, SimTasks.VISUAL_PEG}) {
            for (int size : new int[] {64, 120, 240}) {
                SimTask task = SimTasks.create(name, SimTaskOptions.defaults().withImageSize(size));
                try (SimWorld world = task.newWorld(0);
                     ImagePreprocessor pre = new ImagePreprocessor(ImageSpec.of(size, size))) {
                    double[] observation = new double[3 * size * size];
                    double[] action = new double[task.actionDim()];
                    Arrays.fill(action, 0.05);
                    double[] render = time(rounds, () -> {
                        world.step(action);
                        world.renderCamera(size, size);
                    });
                    double[] step = time(rounds, () -> world.step(action));
                    RgbFrame frame = world.renderCamera(size, size);
                    double[] preprocess = time(rounds, () -> pre.toObservation(frame, observation, 0));
                    System.out.printf("%-15s %3d px: render %.3f ms (p90 %.3f; step alone %.3f subtracted), "
                                    + "preprocess %.3f ms (p90 %.3f)%n", name, size, render[0] - step[0], render[1],
                            step[0], preprocess[0], preprocess[1]);
                }
            }
            for (int size : new int[] {64, 240}) {
                SimTask task = SimTasks.create(name, SimTaskOptions.defaults().withImageSize(size));
                SimAgent agent = new SimAgent(task);
                Policy zero = new Policy() {
                    @Override
                    public int actionDim() {
                        return task.actionDim();
                    }

                    @Override
                    public void act(int t, double[] state, double[] observation, double[] noise, double[] u) {
                        Arrays.fill(u, 0.01);
                    }
                };
                double[][] noise = new double[task.horizon()][task.actionDim()];
                double[] sample = time(Math.max(3, rounds / 40), () -> agent.sample(zero, 0, noise));
                System.out.printf("%-15s %3d px: SimAgent sample T=%d %.1f ms (p90 %.1f)%n", name, size,
                        task.horizon(), sample[0], sample[1]);
            }
        }
    }

    /** {median, p90} wall milliseconds of {@code rounds} runs after rounds/4 + 2 warm-up runs. */
    private static double[] time(int rounds, Runnable work) {
        for (int i = 0; i < rounds / 4 + 2; i++) {
            work.run();
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[rounds / 2], ms[(int) (rounds * 0.9)]};
    }
}
