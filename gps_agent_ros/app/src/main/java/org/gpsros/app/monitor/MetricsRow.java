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
 */
public record MetricsRow(int iteration, int condition, double meanCost, double stdCost, double minCost,
                         double maxCost, double finalDistance, double stepMult, double eta, double klStep,
                         double secondsLearner, double secondsSampling) {

    public static final String HEADER = "iteration,condition,mean_cost,std_cost,min_cost,max_cost,final_distance,"
            + "step_mult,eta,kl_step,seconds_learner,seconds_sampling";

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

    /** The CSV line (no newline); numbers in Java's shortest round-trip form. */
    public String toCsv() {
        return iteration + "," + condition + "," + meanCost + "," + stdCost + "," + minCost + "," + maxCost + ","
                + finalDistance + "," + stepMult + "," + eta + "," + klStep + "," + secondsLearner + "," + secondsSampling;
    }

    /** Parses a line written by {@link #toCsv()}. */
    public static MetricsRow parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length < 12) {
            throw new IllegalArgumentException("metrics line has " + f.length + " fields, expected 12: " + line);
        }
        return new MetricsRow(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                Double.parseDouble(f[7]), Double.parseDouble(f[8]), Double.parseDouble(f[9]), Double.parseDouble(f[10]),
                Double.parseDouble(f[11]));
    }
}
