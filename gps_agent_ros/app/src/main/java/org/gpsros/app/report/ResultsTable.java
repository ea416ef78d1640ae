package org.gpsros.app.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;

/**
 * The results table of {@code RESULTS.md}: for each task, algorithm and sampling mode, the global policy's success
 * (or final distance where the task defines no success) at chosen iterations, mean ± sd over the runs (seeds) that
 * share them. "Iteration k" is the policy evaluated after k learner iterations, i.e. metrics.csv row
 * {@code iteration = k − 1}, as in the MDGPS paper's Table 1. Runs without a global policy report their local
 * controllers' final distance.
 */
public final class ResultsTable {

    /** One run: its resolved config and metrics rows. */
    public record Run(String name, ExperimentConfig config, List<MetricsRow> rows) {
    }

    /** One line of the table. */
    public record Line(String task, String algorithm, String sampling, String measure, String conditions, int runs,
                       List<String> cells) {
    }

    private ResultsTable() {
    }

    /**
     * @param iterations the iterations to report (1-based: after k iterations)
     */
    public static List<Line> lines(List<Run> runs, List<Integer> iterations) {
        Map<String, List<Run>> groups = new TreeMap<>();
        for (Run run : runs) {
            groups.computeIfAbsent(key(run.config()), k -> new ArrayList<>()).add(run);
        }
        List<Line> lines = new ArrayList<>();
        for (List<Run> group : groups.values()) {
            ExperimentConfig config = group.get(0).config();
            boolean policy = config.algorithm().trainsGlobalPolicy();
            boolean success = policy && group.stream().flatMap(r -> r.rows().stream())
                    .anyMatch(r -> r.policy() != null && !Double.isNaN(r.policy().success()));
            String measure = !policy ? "local controllers' final distance"
                    : success ? "policy success %" : "policy final distance";
            for (boolean training : policy ? List.of(true, false) : List.of(true)) {
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (int k : iterations) {
                    List<Double> values = new ArrayList<>();
                    for (Run run : group) {
                        double value = value(run.rows(), k - 1, training, policy, success);
                        if (!Double.isNaN(value)) {
                            values.add(value);
                        }
                    }
                    any |= !values.isEmpty();
                    cells.add(cell(values, success));
                }
                if (any) {
                    lines.add(new Line(config.task(), config.algorithm().type(), sampling(config), measure,
                            training ? "train" : "test", group.size(), cells));
                }
            }
        }
        return lines;
    }

    /** The table as Markdown. */
    public static String markdown(List<Line> lines, List<Integer> iterations) {
        StringBuilder text = new StringBuilder("| task | algorithm | sampling | measure | conditions | runs |");
        for (int k : iterations) {
            text.append(" itr ").append(k).append(" |");
        }
        text.append('\n').append("|---|---|---|---|---|---|");
        text.append("---|".repeat(iterations.size())).append('\n');
        for (Line line : lines) {
            text.append("| ").append(line.task()).append(" | ").append(line.algorithm()).append(" | ")
                    .append(line.sampling()).append(" | ").append(line.measure()).append(" | ").append(line.conditions())
                    .append(" | ").append(line.runs()).append(" |");
            for (String cell : line.cells()) {
                text.append(' ').append(cell).append(" |");
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String key(ExperimentConfig config) {
        return config.task() + "|" + config.algorithm().type() + "|" + sampling(config);
    }

    private static String sampling(ExperimentConfig config) {
        if (config.algorithm().mdgps() != null) {
            return config.algorithm().mdgps().sampleOnPolicy() ? "on-policy" : "off-policy";
        }
        return config.algorithm().trainsGlobalPolicy() ? "off-policy" : "-";
    }

    /** The mean over the (training or test) conditions of one run at one iteration, or NaN if it has none. */
    private static double value(List<MetricsRow> rows, int iteration, boolean training, boolean policy,
                                boolean success) {
        double sum = 0;
        int count = 0;
        for (MetricsRow row : rows) {
            if (row.iteration() != iteration || row.isTraining() != training) {
                continue;
            }
            if (!policy) {
                sum += row.finalDistance();
                count++;
            } else if (row.policy() != null) {
                sum += success ? 100 * row.policy().success() : row.policy().finalDistance();
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }

    private static String cell(List<Double> values, boolean percent) {
        if (values.isEmpty()) {
            return "–";
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
        String format = percent ? "%.0f ± %.0f" : "%.3f ± %.3f";
        return String.format(Locale.ROOT, format, mean, Math.sqrt(variance));
    }
}
