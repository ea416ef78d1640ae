/**
 * Local dynamics fits: Gaussian regression with a normal-inverse-Wishart prior, the Gaussian mixture model
 * fitted by EM, the GMM dynamics prior and the initial-state fit (Levine &amp; Abbeel 2014 §3.1, Levine et al.
 * 2016 Appendix A.3; reference {@code gps/algorithm/dynamics}, {@code utility/gmm.py}; study §3.2–3.4).
 *
 * <p>Entry points: {@link org.gpsros.dynamics.DynamicsFitter} ({@code withPrior}/{@code withoutPrior},
 * {@code updatePrior}, {@code fit}, {@code fitInitialState}) with a {@link org.gpsros.dynamics.DynamicsPriorGmm};
 * underneath, {@link org.gpsros.dynamics.Gmm} and {@link org.gpsros.dynamics.GaussianRegression}. Every config
 * record carries a {@link org.gpsros.dynamics.ReferenceCompatibility}: the default corrects the reference's known
 * bugs, {@code REFERENCE} reproduces them for parity with {@code cbfinn/gps}.
 */
package org.gpsros.dynamics;
