/**
 * The planar two-link reacher arm of {@code visual_reacher} (TASKS.md §6; MuJoCo's reacher.xml proportions, the arm of
 * the visuomotor paper's simulated reaching experiments): rigid-body dynamics written out and integrated with RK4
 * ({@link org.gpsros.sim.reacher.ReacherArm}). Knows nothing about GPS sensors.
 */
package org.gpsros.sim.reacher;
