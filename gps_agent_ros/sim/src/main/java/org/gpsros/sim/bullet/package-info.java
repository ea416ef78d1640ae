/**
 * Bullet physics (Featherstone multibody through Libbulletjme) for the 7-DoF peg tasks of TASKS.md §4–§5: the
 * arm's model and double-precision kinematics ({@link org.gpsros.sim.bullet.ArmModel},
 * {@link org.gpsros.sim.bullet.ArmKinematics}: peg ends, their Jacobians, the joint-space inertia), one rollout's
 * world with the table and hole ({@link org.gpsros.sim.bullet.PegWorld}), and the native-library loader
 * ({@link org.gpsros.sim.bullet.BulletNatives}). Physics only: the GPS sensors are packed by
 * {@link org.gpsros.sim.PegInsertionTask}. Model facts: reference study §5 (pr2_arm3d.xml).
 */
package org.gpsros.sim.bullet;
