/**
 * TCPROS (ROS wiki "ROS/TCPROS", "ROS/Connection Header"): connection headers, length-prefixed frames, topic
 * publications (per-subscriber queues, latching, {@code tcp_nodelay}, {@code *} md5 of rostopic hz and rosbag),
 * topic subscriptions (connect on publisherUpdate, reconnect after a drop), service servers (probe, persistent
 * connections, the ok byte, error replies) and service clients, all over blocking {@code java.nio} socket channels
 * on a node's bounded thread pool.
 *
 * <p>Wire format as verified against rospy/roscpp in shared/reference/ros1-on-debian.md §4 "TCPROS framing".
 */
package org.gpsros.ros.internal.tcpros;
