/**
 * Interop tests against Debian's real ROS 1 tools (rosmaster, rostopic, rosservice, rosparam, rosnode, rosbag,
 * rospy), tagged {@code ros}; each class has its own loopback master.
 */
package org.gpsros.ros.interop;
