/**
 * The GPS algorithms: one {@code iterate(samples)} per GPS iteration, in the reference implementation's order of
 * operations (study §1.3). Today: trajectory optimisation only (LQR-FLM on fitted local dynamics, Levine &amp;
 * Abbeel 2014 §3); the global-policy variants (MDGPS, BADMM, constrained GPS) come next. State that must survive a
 * restart is exported as plain records ({@link org.gpsros.algorithm.TrajOptState}).
 */
package org.gpsros.algorithm;
