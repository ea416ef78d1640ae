/**
 * The embedded simulated robot: named tasks ({@link org.gpsros.sim.SimTasks}), their sensor layouts,
 * conditions and success distance ({@link org.gpsros.sim.SimTask}), and the in-process
 * {@link org.gpsros.sim.SimAgent} that runs a policy on a fresh simulated world and records a
 * {@link org.gpsros.sample.Sample} (reference {@code gps/agent/box2d/agent_box2d.py}; task facts in
 * {@code shared/spec/TASKS.md}, defaults in the reference study §2.7 and §5). The physics lives in
 * engine packages such as {@link org.gpsros.sim.box2d} (JBox2D) and {@link org.gpsros.sim.bullet} (Bullet, the
 * peg tasks), which know nothing about GPS sensors.
 */
package org.gpsros.sim;
