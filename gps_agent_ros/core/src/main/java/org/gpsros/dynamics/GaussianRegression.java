package org.gpsros.dynamics;

import java.util.Arrays;

/**
 * Linear-Gaussian regression by fitting a joint Gaussian to points [x; y] and conditioning on x, optionally with
 * a normal-inverse-Wishart prior (reference {@code gauss_fit_joint_prior} and {@code DynamicsLR}; reference
 * study §3.2; Levine &amp; Abbeel 2014 §3.1):
 * <ol>
 *   <li>μ̂ = (1/N) Σ y_n, S = (1/N) Σ (y_n − μ̂)(y_n − μ̂)ᵀ;</li>
 *   <li>with a prior (μ₀, Φ, m, n₀): Σ = (N·S + Φ + N·m/(N+m)·(μ̂−μ₀)(μ̂−μ₀)ᵀ)/(N + n₀); without: Σ = S; then the
 *       regularisation r is added on the input block;</li>
 *   <li>F = Σ_yx Σ_xx⁻¹, f = μ̂_y − F μ̂_x, Σ_y|x = Σ_yy − F Σ_xx Fᵀ (computed as Σ_yy − GᵀG with
 *       G = L⁻¹ Σ_xy, Σ_xx = L Lᵀ).</li>
 * </ol>
 * Regularisation: {@link ReferenceCompatibility#CORRECTED} adds r·I to Σ_xx; {@link ReferenceCompatibility#REFERENCE}
 * adds r to every entry of Σ_xx, as the reference's {@code sig_reg[it, it] = regularization} does (a rank-one term
 * that leaves a singular Σ_xx singular).
 *
 * <p>An instance is a preallocated workspace for one (inputDim, outputDim); {@link #fit} does not allocate.
 * Not thread-safe. The static {@link #fit(double[][], int, NormalInverseWishart, double, ReferenceCompatibility)}
 * allocates its own.
 */
public final class GaussianRegression {
    private final int inputDim;
    private final int outputDim;
    private final int dim;
    private final double[] mean;
    private final double[] centered;
    private final double[][] sigma;
    private final double[][] factor;
    private final double[][] rhs;
    private final double[][] conditional;

    public GaussianRegression(int inputDim, int outputDim) {
        if (inputDim < 1 || outputDim < 1) {
            throw new IllegalArgumentException("regression needs inputDim ≥ 1 and outputDim ≥ 1, got "
                    + inputDim + " and " + outputDim);
        }
        this.inputDim = inputDim;
        this.outputDim = outputDim;
        this.dim = inputDim + outputDim;
        this.mean = new double[dim];
        this.centered = new double[dim];
        this.sigma = new double[dim][dim];
        this.factor = new double[inputDim][inputDim];
        this.rhs = new double[inputDim][outputDim];
        this.conditional = new double[outputDim][outputDim];
    }

    public int inputDim() {
        return inputDim;
    }

    public int outputDim() {
        return outputDim;
    }

    /** Allocating convenience form of {@link #fit(double[][], NormalInverseWishart, double, ReferenceCompatibility, double[], double[], double[])}. */
    public static LinearGaussianConditional fit(double[][] points, int inputDim, NormalInverseWishart prior,
                                                double regularization, ReferenceCompatibility compatibility) {
        int dim = Gmm.checkData(points, "regression points");
        GaussianRegression regression = new GaussianRegression(inputDim, dim - inputDim);
        int out = dim - inputDim;
        double[] jacobian = new double[out * inputDim];
        double[] offset = new double[out];
        double[] covariance = new double[out * out];
        regression.fit(points, prior, regularization, compatibility, jacobian, offset, covariance);
        return new LinearGaussianConditional(inputDim, out, jacobian, offset, covariance);
    }

    /**
     * Fits the conditional of the last outputDim components on the first inputDim ones.
     *
     * @param points         N ≥ 1 points of dimension inputDim + outputDim (not modified)
     * @param prior          the normal-inverse-Wishart prior over the joint, or null for the plain fit
     * @param regularization r ≥ 0, added on the input block
     * @param jacobian       output F, row-major outputDim × inputDim (modified)
     * @param offset         output f (modified)
     * @param covariance     output Σ_y|x, row-major outputDim × outputDim (modified)
     * @throws DynamicsFitException if the regularised input block Σ_xx is not positive definite
     */
    public void fit(double[][] points, NormalInverseWishart prior, double regularization,
                    ReferenceCompatibility compatibility, double[] jacobian, double[] offset, double[] covariance) {
        int n = points.length;
        if (n < 1) {
            throw new IllegalArgumentException("regression needs at least one point");
        }
        if (prior != null && prior.dimension() != dim) {
            throw new IllegalArgumentException("prior has dimension " + prior.dimension() + ", the points " + dim);
        }
        double w = 1.0 / n;
        Arrays.fill(mean, 0.0);
        for (double[] y : points) {
            if (y.length != dim) {
                throw new IllegalArgumentException("regression point has " + y.length + " values, expected " + dim);
            }
            for (int i = 0; i < dim; i++) {
                mean[i] += y[i] * w;
            }
        }
        DenseKernels.zero(sigma, dim);
        for (double[] y : points) {
            for (int i = 0; i < dim; i++) {
                centered[i] = y[i] - mean[i];
            }
            for (int i = 0; i < dim; i++) {
                double ci = centered[i] * w;
                double[] row = sigma[i];
                for (int j = i; j < dim; j++) {
                    row[j] += ci * centered[j];
                }
            }
        }
        if (prior != null) {
            applyPrior(n, prior);
        }
        // Only the upper triangle of sigma is used from here on.
        regularize(regularization, compatibility);
        condition(jacobian, offset, covariance);
    }

    /** Upper triangle of sigma ← (N·S + Φ + N·m/(N+m)·(μ̂−μ₀)(μ̂−μ₀)ᵀ)/(N + n₀), reading Φ's upper triangle. */
    private void applyPrior(int n, NormalInverseWishart prior) {
        double[] mu0 = prior.mean();
        double[] phi = prior.scatter();
        double m = prior.meanPseudoCount();
        double meanWeight = (n * m) / (n + m);
        double denominator = n + prior.degreesOfFreedom();
        for (int i = 0; i < dim; i++) {
            centered[i] = mean[i] - mu0[i];
        }
        for (int i = 0; i < dim; i++) {
            double[] row = sigma[i];
            double di = centered[i];
            int base = i * dim;
            for (int j = i; j < dim; j++) {
                row[j] = (n * row[j] + phi[base + j] + meanWeight * (di * centered[j])) / denominator;
            }
        }
    }

    private void regularize(double regularization, ReferenceCompatibility compatibility) {
        if (regularization == 0.0) {
            return;
        }
        if (compatibility == ReferenceCompatibility.REFERENCE) {
            for (int i = 0; i < inputDim; i++) {
                double[] row = sigma[i];
                for (int j = i; j < inputDim; j++) {
                    row[j] += regularization;
                }
            }
        } else {
            for (int i = 0; i < inputDim; i++) {
                sigma[i][i] += regularization;
            }
        }
    }

    /** Conditioning of the joint (mean, sigma) on the input block. Locals: u = Cholesky factor of Σ_xx (upper). */
    private void condition(double[] jacobian, double[] offset, double[] covariance) {
        int in = inputDim;
        int out = outputDim;
        double[][] u = factor;
        for (int i = 0; i < in; i++) {
            System.arraycopy(sigma[i], i, u[i], i, in - i); // upper triangle of Σ_xx
            System.arraycopy(sigma[i], in, rhs[i], 0, out);
        }
        if (!DenseKernels.choleskyUpper(u, in)) {
            throw new DynamicsFitException("the regularised input covariance Σ_xx (" + in + "×" + in
                    + ") is not positive definite: too few points for the dimension without a prior, constant inputs,"
                    + " or a regularisation that does not make it definite");
        }
        DenseKernels.solveUpperTransposed(u, rhs, in, out); // rhs = G = U⁻ᵀ Σ_xy
        double[][] c = conditional; // upper triangle of GᵀG, by rank-one updates
        DenseKernels.zero(c, out);
        for (int i = 0; i < in; i++) {
            double[] g = rhs[i];
            for (int a = 0; a < out; a++) {
                double ga = g[a];
                double[] row = c[a];
                for (int b = a; b < out; b++) {
                    row[b] += ga * g[b];
                }
            }
        }
        for (int a = 0; a < out; a++) {
            double[] row = sigma[in + a];
            double[] gg = c[a];
            for (int b = a; b < out; b++) {
                double v = row[in + b] - gg[b];
                covariance[a * out + b] = v;
                covariance[b * out + a] = v;
            }
        }
        DenseKernels.solveUpper(u, rhs, in, out); // rhs = H = Σ_xx⁻¹ Σ_xy = Fᵀ
        for (int a = 0; a < out; a++) {
            double f = mean[in + a];
            for (int i = 0; i < in; i++) {
                double h = rhs[i][a];
                jacobian[a * in + i] = h;
                f -= h * mean[i];
            }
            offset[a] = f;
        }
    }

    /**
     * The normal-inverse-Wishart MAP covariance (N·S + Φ + N·m/(N+m)·(μ̂−μ₀)(μ̂−μ₀)ᵀ)/(N + n₀) of N points with
     * empirical mean μ̂ and covariance S (row-major D × D); reference study §3.2, step 2.
     */
    public static double[] mapCovariance(double[] empiricalMean, double[] empiricalCovariance, int pointCount,
                                         NormalInverseWishart prior) {
        int d = empiricalMean.length;
        if (prior.dimension() != d || empiricalCovariance.length != d * d) {
            throw new IllegalArgumentException("mapCovariance: dimensions of mean, covariance and prior differ");
        }
        double m = prior.meanPseudoCount();
        double meanWeight = (pointCount * m) / (pointCount + m);
        double denominator = pointCount + prior.degreesOfFreedom();
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            double di = empiricalMean[i] - prior.mean()[i];
            for (int j = 0; j < d; j++) {
                double dj = empiricalMean[j] - prior.mean()[j];
                out[i * d + j] = (pointCount * empiricalCovariance[i * d + j] + prior.scatter()[i * d + j]
                        + meanWeight * (di * dj)) / denominator;
            }
        }
        return out;
    }
}
