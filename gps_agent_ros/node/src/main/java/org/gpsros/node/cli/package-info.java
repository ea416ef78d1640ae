/** {@code gps node learner|sim-robot}: the ROS nodes on the command line (roslaunch starts them through scripts/gps). */
package org.gpsros.node.cli;
