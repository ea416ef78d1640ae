/**
 * Where samples come from: the {@link org.gpsros.agent.Agent} interface and exploration noise. The embedded
 * simulator and the ROS robot implement it in their own modules; algorithms never know which one runs.
 */
package org.gpsros.agent;
