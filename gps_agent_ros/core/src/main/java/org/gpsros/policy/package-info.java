/**
 * Policies that act on the robot: the time-varying linear-Gaussian controllers of the local trajectory
 * optimiser and their initialisation (Levine &amp; Abbeel 2014 §2; reference {@code lin_gauss_policy.py},
 * {@code lin_gauss_init.py}).
 */
package org.gpsros.policy;
