package org.gpsros.app.monitor;

/**
 * One row of {@code metrics.csv}: an iteration's samples of one condition and the update that followed.
 *
 * @param iteration iteration index, from 0
 * @param condition condition index, from 0
 * @param meanCost mean over the iteration's samples of the total cost Σ_t l_t
 * @param stdCost their standard deviation (population, ddof 0)
 * @param minCost lowest sample cost
 * @param maxCost highest sample cost
 * @param finalDistance task success distance at the last step, averaged over the samples
 * @param stepMult the KL step multiplier used by this iteration's update
 * @param eta the KL dual variable η the update settled on
 * @param klStep the KL bound per time step the update used (kl_step · step_mult)
 * @param secondsLearner wall time of the learner's update (this condition's share: the whole update time)
 * @param secondsSampling wall time spent sampling this condition
 * @param policy the global policy's noiseless evaluation on this condition, or null where no global policy exists;
 *     a held-out test condition has a policy evaluation only (its local-controller columns are NaN, written empty)
 */
public record MetricsRow(int iteration, int condition, double meanCost, double stdCost, double minCost,
                         double maxCost, double finalDistance, double stepMult, double eta, double klStep,
                         double secondsLearner, double secondsSampling, PolicyMetrics policy) {

    public static final String HEADER = "iteration,condition,mean_cost,std_cost,min_cost,max_cost,final_distance,"
            + "step_mult,eta,kl_step,seconds_learner,seconds_sampling";
    /** The header of a run with a global policy. */
    public static final String POLICY_HEADER = HEADER + ",policy_mean_cost,policy_final_distance,policy_success";

    /**
     * The global policy's noiseless rollouts on one condition.
     *
     * @param meanCost mean total cost
     * @param finalDistance mean success distance at the last step
     * @param success fraction of rollouts that ended within the task's success distance (NaN if the task defines none)
     */
    public record PolicyMetrics(double meanCost, double finalDistance, double success) {
    }

    /** A row without a global policy. */
    public MetricsRow(int iteration, int condition, double meanCost, double stdCost, double minCost, double maxCost,
                      double finalDistance, double stepMult, double eta, double klStep, double secondsLearner,
                      double secondsSampling) {
        this(iteration, condition, meanCost, stdCost, minCost, maxCost, finalDistance, stepMult, eta, klStep,
                secondsLearner, secondsSampling, null);
    }

    /** The row of a held-out test condition: the global policy's evaluation only. */
    public static MetricsRow testCondition(int iteration, int condition, PolicyMetrics policy) {
        double n = Double.NaN;
        return new MetricsRow(iteration, condition, n, n, n, n, n, n, n, n, n, n, policy);
    }

    /** Whether this row belongs to a training condition (it has local-controller statistics). */
    public boolean isTraining() {
        return !Double.isNaN(meanCost);
    }

    /** Summary statistics of sample costs. */
    public static double[] statistics(double[] costs) {
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double c : costs) {
            mean += c;
            min = Math.min(min, c);
            max = Math.max(max, c);
        }
        mean /= costs.length;
        double variance = 0;
        for (double c : costs) {
            variance += (c - mean) * (c - mean);
        }
        return new double[] {mean, Math.sqrt(variance / costs.length), min, max};
    }

    /**
     * The CSV line (no newline); numbers in Java's shortest round-trip form, NaN as an empty field; the three policy
     * columns only where a global policy exists.
     */
    public String toCsv() {
        StringBuilder line = new StringBuilder().append(iteration).append(',').append(condition);
        for (double value : new double[] {meanCost, stdCost, minCost, maxCost, finalDistance, stepMult, eta, klStep,
                secondsLearner, secondsSampling}) {
            line.append(',').append(field(value));
        }
        if (policy != null) {
            line.append(',').append(field(policy.meanCost())).append(',').append(field(policy.finalDistance()))
                    .append(',').append(field(policy.success()));
        }
        return line.toString();
    }

    private static String field(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    private static double number(String field) {
        return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
    }

    /** Parses a line written by {@link #toCsv()}. */
    public static MetricsRow parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 12 && f.length != 15) {
            throw new IllegalArgumentException("metrics line has " + f.length + " fields, expected 12 or 15: " + line);
        }
        PolicyMetrics policy = f.length == 15 ? new PolicyMetrics(number(f[12]), number(f[13]), number(f[14])) : null;
        return new MetricsRow(Integer.parseInt(f[0]), Integer.parseInt(f[1]), number(f[2]), number(f[3]), number(f[4]),
                number(f[5]), number(f[6]), number(f[7]), number(f[8]), number(f[9]), number(f[10]), number(f[11]),
                policy);
    }
}
