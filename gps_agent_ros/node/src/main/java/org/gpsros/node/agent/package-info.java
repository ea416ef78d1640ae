/**
 * {@link org.gpsros.node.agent.RosAgent}: the learner's {@link org.gpsros.agent.Agent} that samples a robot over
 * gps_agent_pkg's protocol (reference study §4.4, {@code AgentROS}), matching every SampleResult to its command id.
 */
package org.gpsros.node.agent;
