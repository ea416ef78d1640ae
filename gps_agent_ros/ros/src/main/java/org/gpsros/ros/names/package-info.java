/**
 * ROS graph resource names: validation and canonical form ({@link org.gpsros.ros.names.GraphName}), resolution of
 * relative and private {@code ~} names in a node's namespace with remapping ({@link org.gpsros.ros.names.NameResolver}),
 * and the ROS command-line conventions {@code from:=to}, {@code __name:=}, {@code _param:=value}
 * ({@link org.gpsros.ros.names.NodeArguments}).
 *
 * <p>Rules: ROS wiki "Names" and "Remapping Arguments"; the same as rosgraph.names (rospy) and ros::names (roscpp).
 */
package org.gpsros.ros.names;
