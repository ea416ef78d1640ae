/**
 * The GPS algorithms: one {@code iterate(samples)} per GPS iteration, in the reference implementation's order of
 * operations (study §1.3), behind {@link org.gpsros.algorithm.GpsAlgorithm}:
 * {@link org.gpsros.algorithm.TrajOptAlgorithm} (trajectory optimisation only: LQR-FLM on fitted local dynamics,
 * Levine &amp; Abbeel 2014 §3) and {@link org.gpsros.algorithm.MdgpsAlgorithm} (mirror descent guided policy search,
 * Montgomery &amp; Levine 2016), both built on the per-condition {@link org.gpsros.algorithm.LocalModelEstimator}.
 * State that must survive a restart is exported as plain records ({@link org.gpsros.algorithm.TrajOptState},
 * {@link org.gpsros.algorithm.MdgpsState}).
 */
package org.gpsros.algorithm;
