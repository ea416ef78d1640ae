/**
 * The simulated robot node {@code gps_sim_robot}: the robot side of gps_agent_pkg's protocol (reference study §4.4–4.5)
 * over the embedded Box2D simulator, with a controller runtime at the commanded frequency and a safety stop.
 */
package org.gpsros.node.robot;
