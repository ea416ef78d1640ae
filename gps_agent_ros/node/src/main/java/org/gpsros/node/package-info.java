/**
 * The ROS nodes of gps-ros-java (issue 3, reference study §4): {@code protocol} (gps_agent_pkg's topics and the
 * conversions between samples and messages), {@code robot} (the simulated robot node), {@code agent} (the
 * {@link org.gpsros.agent.Agent} that samples over ROS), {@code learner} (the learner node) and {@code cli}.
 */
package org.gpsros.node;
