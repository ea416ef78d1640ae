/**
 * The node behind the API: {@link org.gpsros.ros.internal.node.DefaultNode} wires the slave XML-RPC server, the
 * TCPROS server, the master client, the bounded thread pool and the registrations (with re-registration after a
 * master restart), and implements publishers, subscribers, services, parameters and ROS time.
 */
package org.gpsros.ros.internal.node;
