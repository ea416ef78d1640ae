/**
 * The learner node {@code gps_learner}: GPS's outer loop ({@link org.gpsros.app.run.Trainer}, reference
 * {@code GPSMain.run}) sampling a robot through {@link org.gpsros.node.agent.RosAgent}, with services to steer it and
 * topics to watch it (CONTRACTS.md "ROS names").
 */
package org.gpsros.node.learner;
