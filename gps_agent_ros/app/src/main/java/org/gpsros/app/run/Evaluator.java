package org.gpsros.app.run;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.app.config.ConfigException;
import org.gpsros.math.SplitMix64;
import org.gpsros.policy.Policy;
import org.gpsros.sample.Sample;

/**
 * Runs a trained run's final policy — the global policy if the algorithm trains one, else the local controllers: one
 * noiseless rollout and {@code samples} noisy rollouts per condition, printed as a table and written to
 * {@code RUN_DIR/eval.csv} (condition, mode, sample, cost, final_distance, success, policy).
 */
public final class Evaluator {
    /** Stream purpose of evaluation noise for {@link SplitMix64#derive}. */
    public static final long EVALUATION_NOISE_STREAM = 2;

    /** One evaluated rollout. */
    public record Rollout(int condition, String mode, int sample, double cost, double finalDistance, String policy) {
    }

    private Evaluator() {
    }

    /**
     * @param which {@code train}, {@code test} or {@code all}
     */
    public static List<Rollout> evaluate(RunDirectory run, Experiment experiment, String which, int samples, PrintStream out) {
        int newest = run.checkpoints().newest().orElseThrow(() -> new IllegalStateException(run.root()
                + ": no complete checkpoint; train first"));
        GpsAlgorithm algorithm = experiment.restoreAlgorithm(run.checkpoints().read(newest, experiment.stateType()));
        List<Integer> conditions = switch (which) {
            case "train" -> experiment.trainConditions();
            case "test" -> experiment.testConditions();
            case "all" -> union(experiment.trainConditions(), experiment.testConditions());
            default -> throw new ConfigException("--conditions: expected train, test or all, got '" + which + "'");
        };
        List<Rollout> rollouts = new ArrayList<>();
        Policy global = algorithm.globalPolicy().orElse(null);
        for (int condition : conditions) {
            int index = experiment.trainConditions().indexOf(condition);
            if (index < 0 && global == null) {
                throw new ConfigException("--conditions " + which + ": condition " + condition + " has no controller: "
                        + "this run trains local controllers only (no global policy), so only its training conditions "
                        + experiment.trainConditions() + " can be evaluated");
            }
            Policy controller = global != null ? global : algorithm.controller(index);
            String kind = global != null ? "global" : "local";
            int horizon = experiment.agent().horizon();
            int actionDim = experiment.agent().actionDim();
            rollouts.add(rollout(experiment, controller, kind, condition, "noiseless", 0,
                    new double[horizon][actionDim]));
            for (int i = 0; i < samples; i++) {
                long seed = SplitMix64.derive(experiment.config().seed(), EVALUATION_NOISE_STREAM, condition, i);
                double[][] noise = experiment.noise().generate(new SplitMix64(seed), horizon, actionDim);
                rollouts.add(rollout(experiment, controller, kind, condition, "noisy", i, noise));
            }
        }
        write(run, rollouts, experiment.agent().successDistance());
        print(out, rollouts, newest, experiment.agent().successDistance());
        return rollouts;
    }

    private static Rollout rollout(Experiment experiment, Policy controller, String kind, int condition, String mode,
                                   int index, double[][] noise) {
        Sample sample = experiment.agent().sample(controller, condition, noise);
        double cost = experiment.cost().evaluate(sample).total();
        return new Rollout(condition, mode, index, cost, experiment.agent().finalDistance(sample, condition), kind);
    }

    private static void write(RunDirectory run, List<Rollout> rollouts, double successDistance) {
        StringBuilder csv = new StringBuilder("condition,mode,sample,cost,final_distance,success,policy\n");
        for (Rollout r : rollouts) {
            csv.append(r.condition()).append(',').append(r.mode()).append(',').append(r.sample()).append(',')
                    .append(r.cost()).append(',').append(r.finalDistance()).append(',')
                    .append(Double.isNaN(successDistance) ? "" : r.finalDistance() < successDistance ? "1" : "0")
                    .append(',').append(r.policy()).append('\n');
        }
        try {
            Files.writeString(run.evaluationFile(), csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + run.evaluationFile(), e);
        }
    }

    private static void print(PrintStream out, List<Rollout> rollouts, int iteration, double successDistance) {
        boolean global = !rollouts.isEmpty() && rollouts.get(0).policy().equals("global");
        out.printf(Locale.ROOT, "%s after iteration %d%n", global ? "global policy" : "local controllers", iteration);
        out.printf(Locale.ROOT, "%-9s %-9s %12s %12s %14s %8s%n", "condition", "mode", "mean cost", "sd cost",
                "final distance", "success");
        for (int condition : rollouts.stream().map(Rollout::condition).distinct().toList()) {
            for (String mode : List.of("noiseless", "noisy")) {
                double[] costs = rollouts.stream().filter(r -> r.condition() == condition && r.mode().equals(mode))
                        .mapToDouble(Rollout::cost).toArray();
                double distance = rollouts.stream().filter(r -> r.condition() == condition && r.mode().equals(mode))
                        .mapToDouble(Rollout::finalDistance).average().orElse(Double.NaN);
                double success = rollouts.stream().filter(r -> r.condition() == condition && r.mode().equals(mode))
                        .mapToDouble(r -> r.finalDistance() < successDistance ? 1 : 0).average().orElse(Double.NaN);
                if (costs.length == 0) {
                    continue;
                }
                double[] stats = org.gpsros.app.monitor.MetricsRow.statistics(costs);
                out.printf(Locale.ROOT, "%-9d %-9s %12.3f %12.3f %14.4f %8s%n", condition, mode, stats[0], stats[1],
                        distance, Double.isNaN(successDistance) ? "-"
                                : String.format(Locale.ROOT, "%.0f%%", 100 * success));
            }
        }
    }

    private static List<Integer> union(List<Integer> a, List<Integer> b) {
        List<Integer> all = new ArrayList<>(a);
        for (int c : b) {
            if (!all.contains(c)) {
                all.add(c);
            }
        }
        return all;
    }
}
