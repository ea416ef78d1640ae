/**
 * XML-RPC as ROS 1 uses it for the master and slave APIs: a codec ({@link org.gpsros.ros.internal.xmlrpc.XmlRpcCodec})
 * that reads rospy's typed and roscpp's untyped values, a server on the JDK {@code HttpServer} and a client on the
 * JDK {@code HttpClient}.
 *
 * <p>Spec: xmlrpc.com "XML-RPC Specification" (1999); ROS quirks (untyped strings, {@code <i4>}, any POST path)
 * in shared/reference/ros1-on-debian.md §4 "XML-RPC".
 */
package org.gpsros.ros.internal.xmlrpc;
