package org.gpsros.trajopt;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.policy.LinearGaussianPolicy;
import org.gpsros.testing.ParityData;

/**
 * Timing harness (not a test) for the reference benchmark problem: median wall time of a backward pass, the
 * state forward pass + KL, and the full dual-search update (warm JIT). Also prints the parity errors.
 * Run: {@code java -cp target/classes:target/test-classes:<deps> org.gpsros.trajopt.LqrBenchmark [rounds]}.
 */
public final class LqrBenchmark {
    private LqrBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        LocalModel model = ReferenceProblem.model();
        LinearGaussianPolicy previous = ReferenceProblem.previousController();
        CostAugmentation augmentation = CostAugmentation.trajOpt(previous, 0.0);
        LqrTrajectoryOptimizer optimizer = new LqrTrajectoryOptimizer(LqrConfig.defaults(), 100, 26, 7);

        TrajectoryUpdate update = optimizer.update(model, augmentation, 0.2, 1.0);
        System.out.printf("update: eta %.15g passes %d kl %.15g converged %b%n", update.globalEta(),
                update.backwardPasses(), update.klDivergence(), update.converged());
        System.out.printf("  rel err eta %.2e kl %.2e%n", Math.abs(update.globalEta() - 5.623413251903491) / 5.623413251903491,
                Math.abs(update.klDivergence() - 21.238534921558756) / 21.238534921558756);
        System.out.printf("  rel err K %.2e k %.2e Sigma %.2e%n",
                LqrParityTest.maxRelativeError(update.policy().feedbackGains(), ParityData.blocks("ref_a_new_K_100x7x26.csv", 100, 182)),
                LqrParityTest.maxRelativeError(update.policy().feedforward(), ParityData.blocks("ref_a_new_k_100x7.csv", 100, 7)),
                LqrParityTest.maxRelativeError(update.policy().covariance(), ParityData.blocks("ref_a_new_pol_covar_100x7x7.csv", 100, 49)));
        double prevCost = optimizer.estimateTotalCost(previous, model);
        double newCost = optimizer.estimateTotalCost(update.policy(), model);
        System.out.printf("  laplace prev %.15g (rel %.2e) new %.15g (rel %.2e)%n", prevCost,
                Math.abs(prevCost - 1698.0187558646026) / 1698.0187558646026, newCost,
                Math.abs(newCost - 1156.9598648526028) / 1156.9598648526028);
        BackwardPassResult b = optimizer.backward(model, augmentation, 1.0);
        System.out.printf("  backward eta=1 rel err K %.2e k %.2e%n",
                LqrParityTest.maxRelativeError(b.policy().feedbackGains(), ParityData.blocks("ref_b_eta1_K_100x7x26.csv", 100, 182)),
                LqrParityTest.maxRelativeError(b.policy().feedforward(), ParityData.blocks("ref_b_eta1_k_100x7.csv", 100, 7)));

        LqrWorkspace ws = new LqrWorkspace(100, 26, 7);
        ws.loadDynamics(model.dynamics());
        ws.loadCost(model.cost());
        ws.loadReference(previous);

        double[] backwardTimes = new double[rounds];
        double[] forwardTimes = new double[rounds];
        double[] klTimes = new double[rounds];
        double[] updateTimes = new double[rounds];
        double[] freshUpdateTimes = new double[rounds];
        double[] updateCpu = new double[rounds];
        double[] backwardCpu = new double[rounds];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double sink = 0;
        LinearGaussianDynamics dyn = model.dynamics();
        for (int warm = 0; warm < 2; warm++) {
            for (int i = 0; i < rounds; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                ws.backwardGlobal(augmentation, 1.0);
                long t1 = System.nanoTime();
                long c1 = threads.getCurrentThreadCpuTime();
                ws.forwardWorking(model.initialState());
                long t2 = System.nanoTime();
                sink += ws.klToReference(ws.stateMean, ws.stateCovariance);
                long c2 = threads.getCurrentThreadCpuTime();
                long t3 = System.nanoTime();
                TrajectoryUpdate u = optimizer.update(model, augmentation, 0.2, 1.0);
                long t4 = System.nanoTime();
                long c3 = threads.getCurrentThreadCpuTime();
                // Fresh objects: every conversion and the augmentation's KL terms are recomputed.
                LocalModel fresh = new LocalModel(model.cost(), new LinearGaussianDynamics(dyn.horizon(), dyn.stateDim(),
                        dyn.actionDim(), dyn.jacobian(), dyn.offset(), dyn.covariance()), model.initialState());
                LinearGaussianPolicy freshPrev = new LinearGaussianPolicy(100, 26, 7, previous.feedbackGains(),
                        previous.feedforward(), previous.covariance(), previous.covarianceCholesky(), previous.precision());
                long t5 = System.nanoTime();
                TrajectoryUpdate u2 = optimizer.update(new LocalModel(new QuadraticCost(26, 7, model.cost().constant(),
                        model.cost().linear(), model.cost().hessian()), fresh.dynamics(), fresh.initialState()),
                        CostAugmentation.trajOpt(freshPrev, 0.0), 0.2, 1.0);
                long t6 = System.nanoTime();
                sink += u.globalEta() + u2.globalEta();
                backwardTimes[i] = (t1 - t0) * 1e-6;
                forwardTimes[i] = (t2 - t1) * 1e-6;
                klTimes[i] = (t3 - t2) * 1e-6;
                updateTimes[i] = (t4 - t3) * 1e-6;
                freshUpdateTimes[i] = (t6 - t5) * 1e-6;
                backwardCpu[i] = (c1 - c0) * 1e-6;
                updateCpu[i] = (c3 - c2) * 1e-6;
            }
        }
        System.out.printf("median ms: backward %.4f  forward(states) %.4f  kl %.4f  update(cached inputs) %.4f  "
                        + "update(fresh inputs) %.4f   [sink %.3g]%n", median(backwardTimes), median(forwardTimes),
                median(klTimes), median(updateTimes), median(freshUpdateTimes), sink);
        System.out.printf("p10 ms:    backward %.4f  forward(states) %.4f  kl %.4f  update(cached inputs) %.4f  "
                        + "update(fresh inputs) %.4f%n", quantile(backwardTimes, 0.1), quantile(forwardTimes, 0.1),
                quantile(klTimes, 0.1), quantile(updateTimes, 0.1), quantile(freshUpdateTimes, 0.1));
        System.out.printf("thread-CPU ms: backward median %.4f p10 %.4f  update median %.4f p10 %.4f%n",
                median(backwardCpu), quantile(backwardCpu, 0.1), median(updateCpu), quantile(updateCpu, 0.1));
        System.out.printf("min ms:    backward %.4f  forward(states) %.4f  kl %.4f  update(cached inputs) %.4f  "
                        + "update(fresh inputs) %.4f%n", min(backwardTimes), min(forwardTimes), min(klTimes),
                min(updateTimes), min(freshUpdateTimes));
    }

    static double quantile(double[] a, double q) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[(int) (q * (c.length - 1))];
    }

    static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    static double min(double[] a) {
        return Arrays.stream(a).min().orElse(Double.NaN);
    }
}
