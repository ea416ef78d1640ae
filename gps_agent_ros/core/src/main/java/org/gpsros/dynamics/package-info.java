/**
 * Local dynamics fits: Gaussian regression with a normal-inverse-Wishart prior, the Gaussian mixture model
 * fitted by EM, the GMM dynamics prior and the initial-state fit (Levine &amp; Abbeel 2014 §3.1, Levine et al.
 * 2016 Appendix A.3; reference {@code gps/algorithm/dynamics}, {@code utility/gmm.py}; study §3.2–3.4).
 */
package org.gpsros.dynamics;
