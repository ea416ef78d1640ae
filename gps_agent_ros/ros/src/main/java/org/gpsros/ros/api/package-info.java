/**
 * The node API, in rosjava's spirit: a {@link org.gpsros.ros.api.NodeMain} is started by
 * {@link org.gpsros.ros.api.RosNodeRunner} with a {@link org.gpsros.ros.api.NodeConfiguration} and gets a
 * {@link org.gpsros.ros.api.ConnectedNode} to create publishers, subscribers, service servers and clients, read
 * parameters and the time. Messages are typed by their generated {@code MessageType}/{@code ServiceType}
 * descriptors (gps-msgs).
 *
 * <p>Threading: listeners and service handlers run on the node's bounded pool (each subscriber has its own
 * dispatcher; each service handles one request at a time). Everything a node creates is closed and unregistered
 * when the node shuts down (SIGINT/SIGTERM, the slave API's shutdown call, or {@link
 * org.gpsros.ros.api.RosNode#shutdown()}).
 */
package org.gpsros.ros.api;
