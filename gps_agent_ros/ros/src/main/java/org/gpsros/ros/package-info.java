/**
 * A ROS 1 client in plain Java (JDK + gps-msgs only): the node API in {@link org.gpsros.ros.api}, graph names and
 * remapping in {@link org.gpsros.ros.names}, and the wire protocols under {@code internal}: XML-RPC (master and
 * slave APIs), TCPROS (topics and services) and the node that ties them together.
 *
 * <p>Protocol references: ROS wiki "ROS/Master_API", "ROS/Slave_API", "ROS/TCPROS", "ROS/Connection Header",
 * "Names", "Remapping Arguments", "Parameter Server"; the behaviour verified on the wire against rospy/roscpp
 * 1.15.15 is summarised in shared/reference/ros1-on-debian.md §4.
 */
package org.gpsros.ros;
