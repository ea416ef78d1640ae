package org.gpsros.sim.bullet;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.Policy;
import org.gpsros.sim.SimAgent;
import org.gpsros.sim.SimTaskOptions;
import org.gpsros.sim.SimTasks;

/**
 * Timing harness (not a test) for the peg world: thread CPU time per Bullet step and per 100-step rollout, in free
 * space (random torques) and in contact (the peg pressed into the hole), for several physics steps, plus a whole
 * {@link SimAgent} sample of {@code peg_insertion} (kinematics, Jacobians and the Sample included). Medians of
 * {@code rounds} rollouts after a warm-up.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> org.gpsros.sim.bullet.PegBenchmark [rounds]}.
 */
public final class PegBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int STEPS = 99;

    private PegBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        BulletNatives.load();
        System.out.printf("world construction: %.3f ms%n", median(rounds, () -> {
            new PegWorld(new double[3], PegTestSupport.INITIAL_ANGLES, 25).close();
        }) * 1e3);
        for (int substeps : new int[] {5, 10, 25}) {
            double free = median(rounds, () -> freeRollout(substeps));
            double contact = median(rounds, () -> contactRollout(substeps));
            System.out.printf("substeps %2d (h = %.4f s): free %.2f ms/rollout (%.1f us/step), "
                            + "in contact %.2f ms/rollout (%.1f us/step)%n", substeps, 0.05 / substeps, free * 1e3,
                    free * 1e6 / (STEPS * substeps), contact * 1e3, contact * 1e6 / (STEPS * substeps));
        }
        SimAgent agent = new SimAgent(SimTasks.create(SimTasks.PEG_INSERTION, SimTaskOptions.defaults()));
        Policy policy = new Policy() {
            @Override
            public int actionDim() {
                return 7;
            }

            @Override
            public void act(int t, double[] state, double[] observation, double[] noise, double[] action) {
                for (int j = 0; j < 7; j++) {
                    action[j] = PegTestSupport.PR2_GAINS[j] * noise[j];
                }
            }
        };
        SplitMix64 random = new SplitMix64(1);
        double[][] noise = new double[100][7];
        for (double[] row : noise) {
            random.fillNormal(row);
        }
        System.out.printf("SimAgent sample of peg_insertion (T = 100, default substeps): %.2f ms%n",
                median(rounds, () -> agent.sample(policy, 0, noise)) * 1e3);
    }

    private static void freeRollout(int substeps) {
        SplitMix64 random = new SplitMix64(3);
        double[] u = new double[7];
        try (PegWorld world = new PegWorld(new double[3], PegTestSupport.INITIAL_ANGLES, substeps)) {
            for (int t = 0; t < STEPS; t++) {
                for (int j = 0; j < 7; j++) {
                    u[j] = 3 * PegTestSupport.PR2_GAINS[j] * random.nextNormal();
                }
                world.step(u);
            }
        }
    }

    private static final double[] INSERTED = PegTestSupport.inverseKinematics(
            new double[] {0, 0.3, -0.48, 0, 0.3, -0.18}, PegTestSupport.INITIAL_ANGLES);

    private static void contactRollout(int substeps) {
        double[] target = {0.1, 0.3, -0.52, 0.1, 0.3, -0.22};
        try (PegWorld world = new PegWorld(new double[3], INSERTED, substeps)) {
            for (int t = 0; t < STEPS; t++) {
                world.step(PegTestSupport.springTorques(world, target, 50, 5));
            }
        }
    }

    /** Median thread CPU seconds of {@code rounds} runs after {@code rounds} warm-up runs. */
    private static double median(int rounds, Runnable run) {
        for (int i = 0; i < rounds; i++) {
            run.run();
        }
        double[] seconds = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            run.run();
            seconds[i] = (THREADS.getCurrentThreadCpuTime() - start) * 1e-9;
        }
        Arrays.sort(seconds);
        return seconds[rounds / 2];
    }
}
