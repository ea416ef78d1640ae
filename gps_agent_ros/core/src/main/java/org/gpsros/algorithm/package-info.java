/**
 * The GPS algorithms: one {@code iterate(samples)} per GPS iteration, in the reference implementation's order of
 * operations (study §1.3), behind {@link org.gpsros.algorithm.GpsAlgorithm}:
 * {@link org.gpsros.algorithm.TrajOptAlgorithm} (trajectory optimisation only: LQR-FLM on fitted local dynamics,
 * Levine &amp; Abbeel 2014 §3), {@link org.gpsros.algorithm.MdgpsAlgorithm} (mirror descent guided policy search,
 * Montgomery &amp; Levine 2016), {@link org.gpsros.algorithm.BadmmAlgorithm} (BADMM guided policy search, Levine et
 * al. 2016 §4) and {@link org.gpsros.algorithm.ConstrainedGpsAlgorithm} (constrained GPS under unknown dynamics,
 * Levine &amp; Abbeel 2014 §4), all built on the per-condition {@link org.gpsros.algorithm.LocalModelEstimator}; the
 * BADMM and constrained-GPS mathematics are in {@code org.gpsros.algorithm.badmm} and {@code org.gpsros.algorithm.cgps}.
 * State that must survive a restart is exported as plain records ({@link org.gpsros.algorithm.TrajOptState},
 * {@link org.gpsros.algorithm.MdgpsState}, {@link org.gpsros.algorithm.BadmmState},
 * {@link org.gpsros.algorithm.ConstrainedGpsState}).
 */
package org.gpsros.algorithm;
