/**
 * The ROS master API as a typed client ({@link org.gpsros.ros.internal.master.MasterClient}: registration, look-ups,
 * system state, parameter server) and the slave API every node serves
 * ({@link org.gpsros.ros.internal.master.SlaveApi}: requestTopic, publisherUpdate, paramUpdate, shutdown, getPid,
 * getBusInfo, ...).
 *
 * <p>Spec: ROS wiki "ROS/Master_API", "ROS/Parameter_Server_API", "ROS/Slave_API"; every reply is
 * {@code [code, statusMessage, value]} with code 1 = success, 0 = failure, -1 = error.
 */
package org.gpsros.ros.internal.master;
