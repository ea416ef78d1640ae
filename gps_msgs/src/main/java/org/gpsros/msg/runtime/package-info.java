/**
 * Runtime of the generated ROS 1 message classes: the {@link org.gpsros.msg.runtime.MessageType} and
 * {@link org.gpsros.msg.runtime.ServiceType} descriptors (ROS type name, md5 sum, full definition text, codec), the
 * little-endian wire codec ({@link org.gpsros.msg.runtime.MessageReader}, {@link org.gpsros.msg.runtime.MessageWriter})
 * with its size limits and clear decoding errors, and the builtin {@code time}/{@code duration} values.
 *
 * <p>Wire format: ROS wiki "msg" and "ROS/Technical Overview" (TCPROS), summarised in
 * shared/reference/ros1-on-debian.md §4 "Serialization": integers and floats little-endian without padding,
 * strings and variable-length arrays prefixed with a uint32 count, fixed-length arrays without one, nested
 * messages inline.
 */
package org.gpsros.msg.runtime;
