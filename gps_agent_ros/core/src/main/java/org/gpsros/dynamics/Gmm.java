package org.gpsros.dynamics;

import java.util.Arrays;
import org.gpsros.math.SplitMix64;

/**
 * A Gaussian mixture model with full covariances, fitted by EM exactly as the reference {@code utility/gmm.py}
 * (reference study §3.3; used as the dynamics prior of Levine et al. 2016 Appendix A.3).
 *
 * <p>EM per {@link #update}: (re)initialise from cluster labels when not yet fitted or when K changes (warm start
 * otherwise); then repeat: E-step {@code log p(x|k) = −½D log 2π − Σ log diag L_k − ½‖L_k⁻¹(x−μ_k)‖² + log π_k}
 * with Σ_k = L_k L_kᵀ; total log-likelihood ll = Σ_n logsumexp_k; stop if ll decreased or changed by less than
 * 1e-5 relative; M-step: responsibilities r_nk normalised per point and then per cluster, log π_k from the column
 * sums, clusters with π_k &lt; 1e-4/K "rebooted" to uniform weights 1/N, μ_k = Σ_n r̃_nk x_n and
 * Σ_k = Σ_n r̃_nk x_n x_nᵀ − μ_k μ_kᵀ + 1e-6·I.
 *
 * <p>Differences from the reference under {@link ReferenceCompatibility#CORRECTED} (the default):
 * <ul>
 *   <li>the convergence test is {@code |ll − prev| < 1e-5·|prev|}; the reference's {@code 1e-5·prev} never fires
 *       for a negative log-likelihood, so EM then only stops on a decrease or after maxIterations;</li>
 *   <li>the initial covariance of a cluster is its points' empirical covariance (1/N_k); the reference
 *       scales the scatter by 1/K.</li>
 * </ul>
 * In both modes a cluster that gets no point from the initial labels starts at the mean and covariance of all
 * the data (the reference would produce NaN there), and data with NaN or infinite values is rejected.
 *
 * <p>Numerical implementation (results agree with the reference to rounding): the data is held transposed, and
 * the E-step runs over blocks of {@link #BLOCK} points, each evaluated under every cluster by the fused forward
 * substitution of {@link Mahalanobis} (inner loops over points, which vectorise) and normalised while in cache. The
 * M-step accumulates only the upper triangle and skips points whose weight in a cluster is below 1e-16/N (their
 * combined weight is below 1e-16, under the rounding of the sums); it also computes the Cholesky factors for the
 * next E-step. Work is split over point blocks (E-step) and clusters (M-step) on {@link GmmConfig#parallelism()}
 * threads with per-thread buffers; every sum has a fixed order, so results do not depend on the thread count.
 * Not thread-safe; if {@link #update} throws, the model's parameters are unspecified until the next successful
 * update or {@link #setState}.
 */
public final class Gmm {
    /** Regularisation added to the initial cluster covariances (reference: 2e-6·I). */
    static final double INITIAL_REGULARIZATION = 2e-6;
    /** Regularisation added to the covariances in every M-step (reference: 1e-6·I). */
    static final double STEP_REGULARIZATION = 1e-6;
    /** Clusters with mass below this fraction of 1/K are rebooted (reference: 1e-4). */
    static final double REBOOT_MASS_FRACTION = 1e-4;
    /** Relative log-likelihood change below which EM has converged (reference: 1e-5). */
    static final double CONVERGENCE_TOLERANCE = 1e-5;
    /** M-step terms with weight below this value divided by N are skipped. */
    static final double NEGLIGIBLE_WEIGHT = 1e-16;
    /** Clusters with a posterior weight below this are left out of the inference moments. */
    static final double NEGLIGIBLE_CLUSTER_WEIGHT = 1e-20;
    /** Points per E-step block (the unit of work of a thread). */
    static final int BLOCK = 256;
    /** Points per chunk of the log-likelihood sum (fixed, so that the sum does not depend on the threads). */
    static final int NORMALIZE_CHUNK = 256;

    private static final double LOG_2PI = Math.log(2.0 * Math.PI);
    /** Below this, exp underflows to exactly 0 (e^−746 is less than half the smallest subnormal double). */
    static final double EXP_ZERO = -746.0;

    private final GmmConfig config;

    private int clusterCount;
    private int dimension;
    private int pointCount;
    private double[][] means;
    private double[][] covariances;
    private double[] logMass;

    private double[][] lowerFactors;
    private double[][] inverseDiagonals;
    private double[] logNormalizers;
    private boolean factorsCurrent;

    private final Workspace workspace = new Workspace();

    /** Responsibilities [k][n] of the last update's data under the current parameters (valid if flagged). */
    private double[][] trainingResponsibilities;
    private int trainingCount;
    private boolean trainingResponsibilitiesCurrent;

    public Gmm(GmmConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("gmm config must not be null");
        }
        this.config = config;
    }

    /** A model with the given state (for resuming from a checkpoint). */
    public static Gmm restore(GmmConfig config, GmmState state) {
        Gmm gmm = new Gmm(config);
        gmm.setState(state);
        return gmm;
    }

    public GmmConfig config() {
        return config;
    }

    /** True once the model has been fitted or restored. */
    public boolean isFitted() {
        return means != null;
    }

    /** K, or 0 before the first fit. */
    public int clusterCount() {
        return clusterCount;
    }

    /** D, or 0 before the first fit. */
    public int dimension() {
        return dimension;
    }

    /** A copy of the complete state, for checkpoints. */
    public GmmState state() {
        requireFitted();
        double[][] meansCopy = new double[clusterCount][];
        double[][] covariancesCopy = new double[clusterCount][];
        for (int k = 0; k < clusterCount; k++) {
            meansCopy[k] = means[k].clone();
            covariancesCopy[k] = covariances[k].clone();
        }
        return new GmmState(dimension, pointCount, meansCopy, covariancesCopy, logMass.clone());
    }

    /** Replaces the model's state by a copy of {@code state}. */
    public void setState(GmmState state) {
        clusterCount = state.clusterCount();
        dimension = state.dimension();
        pointCount = state.pointCount();
        means = new double[clusterCount][];
        covariances = new double[clusterCount][];
        for (int k = 0; k < clusterCount; k++) {
            means[k] = state.means()[k].clone();
            covariances[k] = state.covariances()[k].clone();
        }
        logMass = state.logMass().clone();
        factorsCurrent = false;
        trainingResponsibilitiesCurrent = false;
    }

    /**
     * Runs EM on {@code data} with K clusters; if the model must be (re)initialised, the initial cluster of point
     * n is {@code initialLabels[n]} (as the reference's {@code np.random.randint(0, K, N)}).
     *
     * @param data          N × D points (not modified; not kept after the call)
     * @param initialLabels N labels in [0, K), used only when the model is (re)initialised
     */
    public GmmFitSummary update(double[][] data, int clusterCount, int[] initialLabels) {
        if (initialLabels == null) {
            throw new IllegalArgumentException("initialLabels must not be null");
        }
        return update(data, clusterCount, initialLabels, null);
    }

    /**
     * Runs EM on {@code data} with K clusters; if the model must be (re)initialised, each point's initial cluster
     * is {@code random.nextInt(K)}, drawn in point order (the generator is not used on a warm start).
     */
    public GmmFitSummary update(double[][] data, int clusterCount, SplitMix64 random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        return update(data, clusterCount, null, random);
    }

    private GmmFitSummary update(double[][] data, int clusters, int[] labels, SplitMix64 random) {
        int d = checkData(data, "GMM data");
        int n = data.length;
        if (clusters < 1) {
            throw new IllegalArgumentException("GMM cluster count must be ≥ 1, got " + clusters);
        }
        boolean initialize = !isFitted() || clusters != clusterCount || d != dimension;
        trainingResponsibilitiesCurrent = false;
        if (initialize) {
            int[] initial = labels;
            if (initial == null) {
                initial = new int[n];
                for (int i = 0; i < n; i++) {
                    initial[i] = random.nextInt(clusters);
                }
            }
            initialize(data, clusters, initial);
        }
        Workspace ws = workspace;
        ws.ensure(d, clusterCount, n, config.parallelism());
        ws.transposeAt(data, 0);

        boolean reference = config.compatibility() == ReferenceCompatibility.REFERENCE;
        double previous = Double.NEGATIVE_INFINITY;
        double ll = Double.NaN;
        int eSteps = 0;
        int mSteps = 0;
        GmmFitSummary.StopReason reason = GmmFitSummary.StopReason.MAX_ITERATIONS;
        for (int iteration = 0; iteration < config.maxIterations(); iteration++) {
            ll = eStep(n);
            eSteps++;
            if (ll < previous) {
                reason = GmmFitSummary.StopReason.LIKELIHOOD_DECREASED;
                break;
            }
            double threshold = CONVERGENCE_TOLERANCE * (reference ? previous : Math.abs(previous));
            if (Math.abs(ll - previous) < threshold) {
                reason = GmmFitSummary.StopReason.CONVERGED;
                break;
            }
            previous = ll;
            mStep(data, n);
            mSteps++;
        }
        if (reason != GmmFitSummary.StopReason.MAX_ITERATIONS) {
            keepTrainingResponsibilities(n);
        }
        return new GmmFitSummary(clusterCount, initialize, eSteps, mSteps, ll, reason);
    }

    /**
     * The normal-inverse-Wishart prior for {@code points} (reference {@code GMM.inference}): cluster weights are
     * the points' average posterior responsibilities, μ₀ and Φ the mixture's mean and covariance
     * Σ_k w_k (Σ_k + (μ_k−μ₀)(μ_k−μ₀)ᵀ), m = 1 and n₀ = (N − 2 − D)/N with N the initial data size.
     */
    public NormalInverseWishart inference(double[][] points) {
        return inferenceBatch(new double[][][] {points})[0];
    }

    /**
     * {@link #inference} for several point sets at once (one E-step over all their points; same results as
     * separate calls).
     */
    public NormalInverseWishart[] inferenceBatch(double[][][] pointSets) {
        return inferenceBatch(pointSets, null);
    }

    /**
     * {@link #inferenceBatch(double[][][])} where {@code trainingRows[s][i] ≥ 0} says that point i of set s is
     * row {@code trainingRows[s][i]} of the data of the last {@link #update} (identical values): if that EM ended
     * on an E-step, its responsibilities are reused (bitwise the same result as recomputing them); rows of −1, or
     * all rows when nothing can be reused, are evaluated.
     */
    NormalInverseWishart[] inferenceBatch(double[][][] pointSets, int[][] trainingRows) {
        return inferenceBatch(pointSets, trainingRows, 1.0);
    }

    /** As above, with the returned scatter Φ multiplied by {@code scatterScale}. */
    NormalInverseWishart[] inferenceBatch(double[][][] pointSets, int[][] trainingRows, double scatterScale) {
        requireFitted();
        boolean reuse = trainingRows != null && trainingResponsibilitiesCurrent;
        int total = 0;
        for (int s = 0; s < pointSets.length; s++) {
            int d = checkData(pointSets[s], "GMM inference point set " + s);
            if (d != dimension) {
                throw new IllegalArgumentException("GMM inference point set " + s + " has dimension " + d
                        + ", the model has " + dimension);
            }
            if (reuse && trainingRows[s].length != pointSets[s].length) {
                throw new IllegalArgumentException("trainingRows[" + s + "] has " + trainingRows[s].length
                        + " entries for " + pointSets[s].length + " points");
            }
            for (int i = 0; i < pointSets[s].length; i++) {
                if (!reuse || trainingRows[s][i] < 0) {
                    total++;
                } else if (trainingRows[s][i] >= trainingCount) {
                    throw new IllegalArgumentException("training row " + trainingRows[s][i] + " is outside the "
                            + trainingCount + " points of the last update");
                }
            }
        }
        Workspace ws = workspace;
        ws.ensure(dimension, clusterCount, Math.max(total, 1), config.parallelism());
        int[] packedStart = new int[pointSets.length];
        int packed = 0;
        for (int s = 0; s < pointSets.length; s++) {
            packedStart[s] = packed;
            for (int i = 0; i < pointSets[s].length; i++) {
                if (!reuse || trainingRows[s][i] < 0) {
                    ws.transposePoint(pointSets[s][i], packed++);
                }
            }
        }
        if (total > 0) {
            eStep(total);
        }

        double m = (double) pointCount / pointCount;
        double n0 = (double) (pointCount - 2 - dimension) / pointCount;
        NormalInverseWishart[] out = new NormalInverseWishart[pointSets.length];
        int tasks = Math.min(config.parallelism(), pointSets.length);
        ParallelTasks.run(tasks, task -> {
            double[] weights = new double[clusterCount];
            for (int s = task; s < pointSets.length; s += tasks) {
                int count = pointSets[s].length;
                Arrays.fill(weights, 0.0);
                int next = packedStart[s];
                for (int i = 0; i < count; i++) {
                    int row = reuse ? trainingRows[s][i] : -1;
                    if (row >= 0) {
                        for (int k = 0; k < clusterCount; k++) {
                            weights[k] += trainingResponsibilities[k][row];
                        }
                    } else {
                        for (int k = 0; k < clusterCount; k++) {
                            weights[k] += ws.resp[k][next];
                        }
                        next++;
                    }
                }
                for (int k = 0; k < clusterCount; k++) {
                    weights[k] /= count;
                }
                double[] mean = new double[dimension];
                double[] scatter = new double[dimension * dimension];
                moments(weights, scatterScale, mean, scatter, ws.scratch[task]);
                out[s] = new NormalInverseWishart(mean, scatter, m, n0);
            }
        });
        return out;
    }

    private void keepTrainingResponsibilities(int n) {
        if (trainingResponsibilities == null || trainingResponsibilities.length != clusterCount
                || trainingResponsibilities[0].length < n) {
            trainingResponsibilities = new double[clusterCount][n];
        }
        for (int k = 0; k < clusterCount; k++) {
            System.arraycopy(workspace.resp[k], 0, trainingResponsibilities[k], 0, n);
        }
        trainingCount = n;
        trainingResponsibilitiesCurrent = true;
    }

    /** Mixture mean and scale × covariance under cluster weights w (reference {@code GMM.moments}). */
    private void moments(double[] weights, double scale, double[] mean, double[] scatter, Scratch scratch) {
        int d = dimension;
        for (int k = 0; k < clusterCount; k++) {
            double w = weights[k];
            double[] mu = means[k];
            for (int i = 0; i < d; i++) {
                mean[i] += w * mu[i];
            }
        }
        double[][] acc = scratch.rows;
        double[] diff = scratch.vector;
        DenseKernels.zero(acc, d);
        for (int k = 0; k < clusterCount; k++) {
            double w = weights[k];
            if (w < NEGLIGIBLE_CLUSTER_WEIGHT) {
                continue;
            }
            double[] mu = means[k];
            double[] cov = covariances[k];
            for (int i = 0; i < d; i++) {
                diff[i] = mu[i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                double[] row = acc[i];
                double di = diff[i];
                int base = i * d;
                for (int j = i; j < d; j++) {
                    row[j] += w * (cov[base + j] + di * diff[j]);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            double[] row = acc[i];
            int base = i * d;
            for (int j = i; j < d; j++) {
                scatter[base + j] = scale * row[j];
            }
            for (int j = i + 1; j < d; j++) {
                scatter[j * d + i] = scatter[base + j];
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Initialisation

    private void initialize(double[][] data, int clusters, int[] labels) {
        int n = data.length;
        int d = data[0].length;
        if (labels.length != n) {
            throw new IllegalArgumentException("initialLabels has " + labels.length + " entries for " + n + " points");
        }
        int[] counts = new int[clusters];
        for (int i = 0; i < n; i++) {
            int label = labels[i];
            if (label < 0 || label >= clusters) {
                throw new IllegalArgumentException("initial label of point " + i + " is " + label
                        + ", outside [0, " + clusters + ")");
            }
            counts[label]++;
        }
        clusterCount = clusters;
        dimension = d;
        pointCount = n;
        means = new double[clusters][d];
        covariances = new double[clusters][d * d];
        logMass = new double[clusters];
        Arrays.fill(logMass, Math.log(1.0 / clusters));
        factorsCurrent = false;
        workspace.ensure(d, clusters, n, 1);
        double[][] acc = workspace.scratch[0].rows;
        double[] centered = workspace.scratch[0].vector;
        boolean reference = config.compatibility() == ReferenceCompatibility.REFERENCE;

        double[] globalMean = null;
        double[] globalCovariance = null;
        for (int k = 0; k < clusters; k++) {
            double[] mu = means[k];
            double[] cov = covariances[k];
            if (counts[k] == 0) {
                // No point drew this label: start from all the data (the reference would produce NaN).
                if (globalMean == null) {
                    globalMean = new double[d];
                    globalCovariance = new double[d * d];
                    int[] all = new int[n];
                    for (int i = 0; i < n; i++) {
                        all[i] = i;
                    }
                    centeredMoments(data, all, n, globalMean, acc, centered);
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            globalCovariance[i * d + j] = acc[i][j] / n;
                        }
                        globalCovariance[i * d + i] += INITIAL_REGULARIZATION;
                    }
                }
                System.arraycopy(globalMean, 0, mu, 0, d);
                System.arraycopy(globalCovariance, 0, cov, 0, d * d);
                continue;
            }
            int[] members = new int[counts[k]];
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (labels[i] == k) {
                    members[m++] = i;
                }
            }
            centeredMoments(data, members, m, mu, acc, centered);
            double scale = reference ? 1.0 / clusters : 1.0 / m;
            for (int i = 0; i < d; i++) {
                double[] row = acc[i];
                for (int j = 0; j < d; j++) {
                    cov[i * d + j] = scale * row[j];
                }
                cov[i * d + i] += INITIAL_REGULARIZATION;
            }
        }
    }

    /** mean = average of the member points; acc (full, symmetric) = Σ (x − mean)(x − mean)ᵀ. */
    private static void centeredMoments(double[][] data, int[] members, int count, double[] mean, double[][] acc,
                                        double[] centered) {
        int d = mean.length;
        Arrays.fill(mean, 0.0);
        for (int m = 0; m < count; m++) {
            double[] x = data[members[m]];
            for (int i = 0; i < d; i++) {
                mean[i] += x[i];
            }
        }
        for (int i = 0; i < d; i++) {
            mean[i] /= count;
        }
        DenseKernels.zero(acc, d);
        for (int m = 0; m < count; m++) {
            double[] x = data[members[m]];
            for (int i = 0; i < d; i++) {
                centered[i] = x[i] - mean[i];
            }
            for (int i = 0; i < d; i++) {
                double ci = centered[i];
                double[] row = acc[i];
                for (int j = i; j < d; j++) {
                    row[j] += ci * centered[j];
                }
            }
        }
        DenseKernels.mirrorUpper(acc, d);
    }

    // ---------------------------------------------------------------------------------------------------------
    // E-step

    /**
     * Log-likelihoods of the first {@code count} transposed points under every cluster (into {@code logObs}),
     * their responsibilities (into {@code resp}) and per-point log-normalisers (into {@code logNorm}).
     *
     * <p>The threads claim blocks of {@link #BLOCK} points one at a time; each block is evaluated under every
     * cluster and normalised while it is in cache. The total is then summed in chunks of {@link #NORMALIZE_CHUNK}
     * points whose sums are added in chunk order, so it does not depend on the thread count.
     *
     * @return the total log-likelihood Σ_n logsumexp_k log p(x_n, k)
     */
    private double eStep(int count) {
        Workspace ws = workspace;
        if (!factorsCurrent) {
            ensureFactors();
            ParallelTasks.forEach(config.parallelism(), clusterCount, (task, k) -> {
                if (!factor(k, ws.scratch[task].rows)) {
                    throw new DynamicsFitException("GMM covariance of cluster " + k + " is not positive definite");
                }
            });
            factorsCurrent = true;
        }
        int blocks = (count + BLOCK - 1) / BLOCK;
        ParallelTasks.forEach(config.parallelism(), blocks,
                (task, b) -> eStepBlock(b * BLOCK, Math.min(count, (b + 1) * BLOCK), ws.scratch[task]));
        double[] logNorm = ws.logNorm;
        double total = 0.0;
        for (int c0 = 0; c0 < count; c0 += NORMALIZE_CHUNK) {
            int c1 = Math.min(count, c0 + NORMALIZE_CHUNK);
            double chunk = 0.0;
            for (int p = c0; p < c1; p++) {
                chunk += logNorm[p];
            }
            total += chunk;
        }
        return total;
    }

    /** The E-step of points [from, to): log p(x_n, k) for every cluster, then the normalisation. */
    private void eStepBlock(int from, int to, Scratch scratch) {
        Workspace ws = workspace;
        double[] acc = scratch.accumulator;
        for (int k = 0; k < clusterCount; k++) {
            Mahalanobis.squaredNorms(ws.transposed, from, to, means[k], lowerFactors[k], inverseDiagonals[k],
                    dimension, scratch.block, acc);
            double[] out = ws.logObs[k];
            double base = logNormalizers[k];
            double lm = logMass[k];
            for (int p = from; p < to; p++) {
                out[p] = (base - 0.5 * acc[p]) + lm;
            }
        }
        normalize(from, to);
    }

    /**
     * Responsibilities r_nk = exp(log p(x_n, k) − lse_n) and log-normalisers lse_n = logsumexp_k log p(x_n, k) of
     * the points [from, to), computed stably with the per-point maximum. The loops run over the points with the
     * cluster outermost (stride 1, vectorisable except for exp); per point, the maximum and the sum run over k in
     * order, exactly as a per-point loop would.
     */
    private void normalize(int from, int to) {
        Workspace ws = workspace;
        double[] max = ws.pointMax;
        double[] sum = ws.pointSum;
        System.arraycopy(ws.logObs[0], from, max, from, to - from);
        for (int k = 1; k < clusterCount; k++) {
            double[] lo = ws.logObs[k];
            for (int p = from; p < to; p++) {
                max[p] = Math.max(max[p], lo[p]);
            }
        }
        for (int p = from; p < to; p++) {
            if (!(max[p] > Double.NEGATIVE_INFINITY) || max[p] == Double.POSITIVE_INFINITY) {
                throw new DynamicsFitException("GMM E-step: point " + p + " has log-likelihood " + max[p]
                        + " under every cluster");
            }
        }
        for (int k = 0; k < clusterCount; k++) {
            double[] lo = ws.logObs[k];
            double[] r = ws.resp[k];
            if (k == 0) {
                for (int p = from; p < to; p++) {
                    double e = underflowingExp(lo[p] - max[p]);
                    r[p] = e;
                    sum[p] = e;
                }
            } else {
                for (int p = from; p < to; p++) {
                    double e = underflowingExp(lo[p] - max[p]);
                    r[p] = e;
                    sum[p] += e;
                }
            }
        }
        double[] logNorm = ws.logNorm;
        for (int p = from; p < to; p++) {
            logNorm[p] = max[p] + Math.log(sum[p]);
            sum[p] = 1.0 / sum[p];
        }
        for (int k = 0; k < clusterCount; k++) {
            double[] r = ws.resp[k];
            for (int p = from; p < to; p++) {
                r[p] *= sum[p];
            }
        }
    }

    /**
     * exp(x) for x ≤ 0, without calling {@link Math#exp} where the result is exactly 0 (x below {@link #EXP_ZERO}):
     * most pairs of a point and a distant cluster are there.
     */
    private static double underflowingExp(double x) {
        return x < EXP_ZERO ? 0.0 : Math.exp(x);
    }

    private void ensureFactors() {
        if (lowerFactors == null || lowerFactors.length != clusterCount || lowerFactors[0].length != dimension * dimension) {
            lowerFactors = new double[clusterCount][dimension * dimension];
            inverseDiagonals = new double[clusterCount][dimension];
            logNormalizers = new double[clusterCount];
        }
    }

    /**
     * Cholesky factor of cluster k's covariance (lower, row-major), its inverse diagonal and log-normaliser.
     *
     * @return false if the covariance is not numerically positive definite (the factor is then unspecified)
     */
    private boolean factor(int k, double[][] rows) {
        int d = dimension;
        DenseKernels.fromFlat(covariances[k], d, rows);
        if (!DenseKernels.choleskyUpper(rows, d)) {
            return false;
        }
        double[] lower = lowerFactors[k];
        double[] inv = inverseDiagonals[k];
        double logDet = 0.0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                lower[i * d + j] = rows[j][i];
            }
            for (int j = i + 1; j < d; j++) {
                lower[i * d + j] = 0.0;
            }
            double lii = rows[i][i];
            inv[i] = 1.0 / lii;
            logDet += Math.log(lii);
        }
        logNormalizers[k] = -0.5 * d * LOG_2PI - logDet;
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // M-step

    /**
     * The M-step: column sums Σ_n r_nk and the normalised log masses on the calling thread, then one parallel pass
     * over the clusters that refits each and computes its Cholesky factor for the next E-step.
     */
    private void mStep(double[][] data, int n) {
        Workspace ws = workspace;
        int k0 = clusterCount;
        double[] columnSums = ws.columnSums;
        columnSums(n, columnSums);
        // log π_k = logsumexp_n log r_nk, normalised over k.
        double[] newLogMass = ws.newLogMass;
        for (int k = 0; k < k0; k++) {
            newLogMass[k] = columnSums[k] > 1e-250 ? Math.log(columnSums[k]) : logSumExpResponsibility(k, n);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < k0; k++) {
            max = Math.max(max, newLogMass[k]);
        }
        double sum = 0.0;
        for (int k = 0; k < k0; k++) {
            sum += Math.exp(newLogMass[k] - max);
        }
        double normalizer = max + Math.log(sum);
        double rebootBelow = (1.0 / k0) * REBOOT_MASS_FRACTION;
        for (int k = 0; k < k0; k++) {
            logMass[k] = newLogMass[k] - normalizer;
        }
        boolean[] factored = ws.factored;
        ParallelTasks.forEach(config.parallelism(), k0, (task, k) -> {
            boolean reboot = Math.exp(logMass[k]) < rebootBelow;
            refitCluster(data, n, k, reboot, columnSums[k], ws.scratch[task]);
            factored[k] = factor(k, ws.scratch[task].rows);
        });
        boolean allFactored = true;
        for (int k = 0; k < k0; k++) {
            allFactored &= factored[k];
        }
        // A failed factorisation is reported by the next E-step, which factors again (as if not done here).
        factorsCurrent = allFactored;
    }

    /**
     * sums[k] = Σ_n r_nk, each summed in point order; four clusters per pass over the points, so that four
     * independent additions are in flight (a single sum is bound by the latency of one addition per point).
     */
    private void columnSums(int n, double[] sums) {
        double[][] resp = workspace.resp;
        int k = 0;
        for (; k + 3 < clusterCount; k += 4) {
            double[] r0 = resp[k];
            double[] r1 = resp[k + 1];
            double[] r2 = resp[k + 2];
            double[] r3 = resp[k + 3];
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int p = 0; p < n; p++) {
                s0 += r0[p];
                s1 += r1[p];
                s2 += r2[p];
                s3 += r3[p];
            }
            sums[k] = s0;
            sums[k + 1] = s1;
            sums[k + 2] = s2;
            sums[k + 3] = s3;
        }
        for (; k < clusterCount; k++) {
            double[] r = resp[k];
            double s = 0.0;
            for (int p = 0; p < n; p++) {
                s += r[p];
            }
            sums[k] = s;
        }
    }

    /** log Σ_n exp(logObs_nk − logNorm_n), computed stably (used when the responsibilities underflow). */
    private double logSumExpResponsibility(int k, int n) {
        double[] lo = workspace.logObs[k];
        double[] norm = workspace.logNorm;
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < n; p++) {
            max = Math.max(max, lo[p] - norm[p]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0.0;
        for (int p = 0; p < n; p++) {
            sum += Math.exp(lo[p] - norm[p] - max);
        }
        return max + Math.log(sum);
    }

    private void refitCluster(double[][] data, int n, int k, boolean reboot, double columnSum, Scratch scratch) {
        int d = dimension;
        int[] index = scratch.index;
        double[] weight = scratch.weight;
        int count = 0;
        if (reboot) {
            double w = 1.0 / n;
            for (int p = 0; p < n; p++) {
                index[count] = p;
                weight[count++] = w;
            }
        } else {
            double[] r = workspace.resp[k];
            double inv = 1.0 / columnSum;
            double cutoff = NEGLIGIBLE_WEIGHT / n;
            // Branch-free compaction: every point is written, only the kept ones advance the count.
            for (int p = 0; p < n; p++) {
                double w = r[p] * inv;
                index[count] = p;
                weight[count] = w;
                count += w >= cutoff ? 1 : 0;
            }
        }
        double[] mu = means[k];
        Arrays.fill(mu, 0.0);
        double[][] acc = scratch.rows;
        DenseKernels.zero(acc, d);
        DenseKernels.weightedMomentsUpper(data, index, weight, count, d, mu, acc);
        double[] cov = covariances[k];
        for (int i = 0; i < d; i++) {
            double[] row = acc[i];
            double mi = mu[i];
            for (int j = i; j < d; j++) {
                double v = row[j] - mi * mu[j];
                cov[i * d + j] = v;
                cov[j * d + i] = v;
            }
            cov[i * d + i] += STEP_REGULARIZATION;
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private void requireFitted() {
        if (!isFitted()) {
            throw new IllegalStateException("the GMM has not been fitted yet");
        }
    }

    /** Checks that the points are a non-empty rectangular array of finite values; returns D. */
    static int checkData(double[][] data, String what) {
        if (data == null || data.length == 0) {
            throw new IllegalArgumentException(what + " must contain at least one point");
        }
        int d = data[0].length;
        if (d == 0) {
            throw new IllegalArgumentException(what + " has points of dimension 0");
        }
        for (int n = 0; n < data.length; n++) {
            double[] x = data[n];
            if (x.length != d) {
                throw new IllegalArgumentException(what + ": point " + n + " has " + x.length + " values, expected " + d);
            }
            for (int i = 0; i < d; i++) {
                if (!Double.isFinite(x[i])) {
                    throw new IllegalArgumentException(what + ": point " + n + ", component " + i + " is " + x[i]);
                }
            }
        }
        return d;
    }

    /** Per-thread buffers. */
    private static final class Scratch {
        double[][] rows;
        double[] vector;
        double[][] block;
        double[] accumulator;
        int[] index;
        double[] weight;
    }

    /** Grow-only buffers of the E- and M-steps. */
    private static final class Workspace {
        int dim;
        int clusters;
        int capacity;
        double[][] transposed = new double[0][];
        double[][] logObs = new double[0][];
        double[][] resp = new double[0][];
        double[] logNorm = new double[0];
        double[] pointMax = new double[0];
        double[] pointSum = new double[0];
        double[] columnSums = new double[0];
        double[] newLogMass = new double[0];
        boolean[] factored = new boolean[0];
        Scratch[] scratch = new Scratch[0];

        void ensure(int d, int k, int points, int tasks) {
            boolean grow = d != dim || points > capacity;
            if (grow) {
                capacity = Math.max(points, capacity);
                transposed = new double[d][capacity];
                logNorm = new double[capacity];
                pointMax = new double[capacity];
                pointSum = new double[capacity];
            }
            if (grow || k != clusters) {
                logObs = new double[k][capacity];
                resp = new double[k][capacity];
                columnSums = new double[k];
                newLogMass = new double[k];
                factored = new boolean[k];
            }
            if (d != dim || scratch.length < tasks || (scratch.length > 0 && scratch[0].index.length < capacity)) {
                Scratch[] fresh = new Scratch[Math.max(tasks, scratch.length)];
                for (int t = 0; t < fresh.length; t++) {
                    Scratch s = new Scratch();
                    s.rows = new double[d][d];
                    s.vector = new double[d];
                    s.block = new double[d][capacity];
                    s.accumulator = new double[capacity];
                    s.index = new int[capacity];
                    s.weight = new double[capacity];
                    fresh[t] = s;
                }
                scratch = fresh;
            }
            dim = d;
            clusters = k;
        }

        void transposePoint(double[] x, int column) {
            for (int i = 0; i < dim; i++) {
                transposed[i][column] = x[i];
            }
        }

        void transposeAt(double[][] data, int offset) {
            int d = dim;
            for (int p = 0; p < data.length; p++) {
                double[] x = data[p];
                for (int i = 0; i < d; i++) {
                    transposed[i][offset + p] = x[i];
                }
            }
        }
    }
}
