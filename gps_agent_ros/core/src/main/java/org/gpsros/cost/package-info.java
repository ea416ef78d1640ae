/**
 * Costs with analytic first and second derivatives: action, state, forward-kinematics end-effector points,
 * sums and binary regions (reference {@code gps/algorithm/cost}, study §3.14).
 */
package org.gpsros.cost;
