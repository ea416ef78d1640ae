package org.gpsros.app.run;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.gpsros.algorithm.ConditionReport;
import org.gpsros.algorithm.IterationReport;
import org.gpsros.algorithm.GpsAlgorithm;
import org.gpsros.app.monitor.LearningCurve;
import org.gpsros.app.monitor.MetricsFile;
import org.gpsros.app.monitor.MetricsRow;
import org.gpsros.policy.GaussianGlobalPolicy;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SampleList;

/**
 * GPS's outer loop on the embedded simulator (reference {@code GPSMain.run}, study §1.2): per iteration, sample every
 * training condition with its current controller, update the learner, then write metrics, the learning curve and a
 * checkpoint. Every random number derives from the run seed and (iteration, condition, sample) (see
 * {@link Experiment#explorationNoise}), so a resumed run reproduces an uninterrupted one bit for bit.
 */
public final class Trainer {
    private final Experiment experiment;
    private final RunDirectory run;
    private final PrintStream log;
    private final boolean progressBars;
    private final TrainingListener listener;

    /**
     * @param experiment what to train
     * @param run the output folder (created, or resumed, by the caller)
     * @param log where progress lines go (stderr for the CLI)
     * @param progressBars show a sampling progress bar per iteration
     */
    public Trainer(Experiment experiment, RunDirectory run, PrintStream log, boolean progressBars) {
        this(experiment, run, log, progressBars, TrainingListener.NONE);
    }

    /**
     * @param listener hooks called from the training loop (status, pause, stop)
     */
    public Trainer(Experiment experiment, RunDirectory run, PrintStream log, boolean progressBars,
                   TrainingListener listener) {
        this.experiment = experiment;
        this.run = run;
        this.log = log;
        this.progressBars = progressBars;
        this.listener = listener;
    }

    /** Trains from scratch (the run folder exists and holds config.yaml). */
    public GpsAlgorithm train() {
        metrics().start(0);
        return loop(experiment.newAlgorithm(run.root()));
    }

    private MetricsFile metrics() {
        return run.metrics(experiment.trainsGlobalPolicy());
    }

    /** Continues from the newest complete checkpoint. */
    public GpsAlgorithm resume() {
        CheckpointStore checkpoints = run.checkpoints();
        int newest = checkpoints.newest().orElseThrow(() -> new IllegalStateException(run.root()
                + ": no complete checkpoint to resume from"));
        checkpoints.discardAfter(newest);
        Record state = checkpoints.read(newest, experiment.stateType());
        GpsAlgorithm algorithm = experiment.restoreAlgorithm(state, run.root());
        metrics().start(algorithm.iteration());
        log.printf("gps: resuming %s after iteration %d%n", run.root(), newest);
        return loop(algorithm);
    }

    private GpsAlgorithm loop(GpsAlgorithm algorithm) {
        int iterations = experiment.config().iterations();
        MetricsFile metrics = metrics();
        listener.started(algorithm);
        for (int iteration = algorithm.iteration(); iteration < iterations; iteration++) {
            long samplingStart = System.nanoTime();
            double[] samplingSeconds = new double[experiment.trainConditions().size()];
            List<SampleList> samples = sample(algorithm, iteration, iterations, samplingSeconds);
            double totalSampling = (System.nanoTime() - samplingStart) * 1e-9;
            listener.samplingDone(iteration);

            long learnerStart = System.nanoTime();
            IterationReport report = algorithm.iterate(samples);
            double learnerSeconds = (System.nanoTime() - learnerStart) * 1e-9;

            long evaluationStart = System.nanoTime();
            Map<Integer, MetricsRow.PolicyMetrics> policy = evaluatePolicy(algorithm, iteration);
            double evaluationSeconds = (System.nanoTime() - evaluationStart) * 1e-9;
            List<MetricsRow> rows = rows(iteration, samples, report, learnerSeconds, samplingSeconds, policy);
            metrics.append(rows);
            LearningCurve.write(run.learningCurve(), experiment.config().task() + " (seed " + experiment.config().seed() + ")",
                    metrics.read());
            run.checkpoints().write(iteration, algorithm.state());
            Optional<GaussianGlobalPolicy> global = algorithm.globalPolicy();
            if (global.isPresent()) {
                FeaturePointImages.write(run.root(), iteration, experiment.trainConditions().get(0), global.get(),
                        samples.get(0).observations()[0], experiment.agent().observationLayout());
            }
            listener.iterationDone(algorithm, report, rows);
            for (int index = 0; index < report.conditions().size(); index++) {
                MetricsRow row = rows.get(index);
                ConditionReport condition = report.conditions().get(index);
                log.printf(Locale.ROOT, "itr %2d  cond %d  cost %10.3f ± %-9.3f final distance %8.4f  eta %-10.4g "
                                + "step %5.3f%s%s  (learner %.0f ms, sampling %.0f ms)%n",
                        iteration, row.condition(), row.meanCost(), row.stdCost(), row.finalDistance(), row.eta(),
                        row.stepMult(), condition.converged() ? "" : "  [KL bound not met]", policyText(row.policy()),
                        learnerSeconds * 1e3, totalSampling * 1e3);
            }
            for (MetricsRow row : rows.subList(report.conditions().size(), rows.size())) {
                log.printf(Locale.ROOT, "itr %2d  test %d%s%n", iteration, row.condition(), policyText(row.policy()));
            }
            if (!policy.isEmpty()) {
                log.printf(Locale.ROOT, "itr %2d  global policy: train %s, test %s  (evaluation %.0f ms)%n", iteration,
                        summary(rows, true), summary(rows, false), evaluationSeconds * 1e3);
            }
        }
        return algorithm;
    }

    /**
     * The global policy's noiseless rollouts on every training and test condition (metrics.csv's policy columns);
     * empty without a global policy.
     */
    private Map<Integer, MetricsRow.PolicyMetrics> evaluatePolicy(GpsAlgorithm algorithm, int iteration) {
        Map<Integer, MetricsRow.PolicyMetrics> results = new LinkedHashMap<>();
        int rollouts = experiment.config().policy() == null ? 0 : experiment.config().policy().evaluationSamples();
        Optional<GaussianGlobalPolicy> policy = algorithm.globalPolicy();
        if (policy.isEmpty() || rollouts == 0) {
            return results;
        }
        List<Integer> conditions = new ArrayList<>(experiment.trainConditions());
        for (int c : experiment.testConditions()) {
            if (!conditions.contains(c)) {
                conditions.add(c);
            }
        }
        double[][] noiseless = new double[experiment.agent().horizon()][experiment.agent().actionDim()];
        double successDistance = experiment.agent().successDistance();
        for (int condition : conditions) {
            double cost = 0;
            double distance = 0;
            double successes = 0;
            for (int i = 0; i < rollouts; i++) {
                Sample sample = experiment.agent().sample(policy.get(), condition, noiseless);
                cost += experiment.cost().evaluate(sample).total();
                double d = experiment.agent().finalDistance(sample, condition);
                distance += d;
                successes += d < successDistance ? 1 : 0;
            }
            results.put(condition, new MetricsRow.PolicyMetrics(cost / rollouts, distance / rollouts,
                    Double.isNaN(successDistance) ? Double.NaN : successes / rollouts));
        }
        return results;
    }

    private static String policyText(MetricsRow.PolicyMetrics policy) {
        if (policy == null) {
            return "";
        }
        return String.format(Locale.ROOT, "  | policy cost %10.3f final distance %8.4f%s", policy.meanCost(),
                policy.finalDistance(), Double.isNaN(policy.success()) ? ""
                        : String.format(Locale.ROOT, " success %3.0f%%", 100 * policy.success()));
    }

    private static String summary(List<MetricsRow> rows, boolean training) {
        double distance = 0;
        double success = 0;
        int count = 0;
        for (MetricsRow row : rows) {
            if (row.policy() != null && row.isTraining() == training) {
                distance += row.policy().finalDistance();
                success += row.policy().success();
                count++;
            }
        }
        if (count == 0) {
            return "-";
        }
        return String.format(Locale.ROOT, "final distance %.4f%s", distance / count,
                Double.isNaN(success) ? "" : String.format(Locale.ROOT, " success %.0f%%", 100 * success / count));
    }

    private List<SampleList> sample(GpsAlgorithm algorithm, int iteration, int iterations, double[] seconds) {
        List<Integer> conditions = experiment.trainConditions();
        int perCondition = experiment.config().samplesPerCondition();
        List<SampleList> lists = new ArrayList<>();
        ProgressBar bar = progressBars ? new ProgressBarBuilder()
                .setTaskName(String.format(Locale.ROOT, "itr %d/%d sampling", iteration + 1, iterations))
                .setInitialMax((long) conditions.size() * perCondition).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(log)).hideEta().build() : null;
        try {
            for (int index = 0; index < conditions.size(); index++) {
                long start = System.nanoTime();
                int condition = conditions.get(index);
                List<Sample> samples = new ArrayList<>();
                for (int i = 0; i < perCondition; i++) {
                    listener.beforeSample(iteration, condition, i);
                    samples.add(experiment.sample(algorithm.samplingPolicy(index), iteration, condition, i));
                    if (bar != null) {
                        bar.step();
                    }
                }
                lists.add(new SampleList(samples));
                seconds[index] = (System.nanoTime() - start) * 1e-9;
            }
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        return lists;
    }

    private List<MetricsRow> rows(int iteration, List<SampleList> samples, IterationReport report, double learnerSeconds,
                                  double[] samplingSeconds, Map<Integer, MetricsRow.PolicyMetrics> policy) {
        List<MetricsRow> rows = new ArrayList<>();
        for (int index = 0; index < samples.size(); index++) {
            int condition = experiment.trainConditions().get(index);
            ConditionReport conditionReport = report.conditions().get(index);
            double[] stats = MetricsRow.statistics(conditionReport.sampleCosts());
            double distance = 0;
            for (Sample sample : samples.get(index).samples()) {
                distance += experiment.agent().finalDistance(sample, condition);
            }
            distance /= samples.get(index).size();
            rows.add(new MetricsRow(iteration, condition, stats[0], stats[1], stats[2], stats[3], distance,
                    conditionReport.stepMult(), conditionReport.eta(), conditionReport.klStep(), learnerSeconds,
                    samplingSeconds[index], policy.get(condition)));
        }
        for (Map.Entry<Integer, MetricsRow.PolicyMetrics> entry : policy.entrySet()) {
            if (!experiment.trainConditions().contains(entry.getKey())) {
                rows.add(MetricsRow.testCondition(iteration, entry.getKey(), entry.getValue()));
            }
        }
        return rows;
    }
}
