/**
 * The planar JBox2D worlds of the embedded tasks: the reference's velocity-controlled point mass and two-link
 * arm driven by joint motors (reference {@code gps/agent/box2d/point_mass_world.py} and {@code arm_world.py};
 * facts in {@code shared/spec/TASKS.md} §1–2), and the force-controlled particle among capsule obstacles of the
 * MDGPS paper's obstacle navigation ({@link org.gpsros.sim.box2d.ObstacleWorld}, TASKS.md §3). Pure physics with
 * named state ({@code shoulderAngle()}, not {@code x[0]}); how the state packs into GPS sensors is the job of
 * {@link org.gpsros.sim}.
 *
 * <p>A world instance is one rollout: build a fresh one to restart, which makes every rollout from the same
 * initial state and actions bit-identical (the reference reused its world and kept Box2D's warm-start
 * impulses across rollouts). Worlds share no mutable state, so threads may each run their own: JBox2D's one
 * static scratch vector serves edge–circle collisions, which these worlds do not have (the obstacle world's
 * circle collides with polygons and circles only; a world that adds a circle against edges must not be stepped
 * concurrently).
 */
package org.gpsros.sim.box2d;
