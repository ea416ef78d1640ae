/**
 * gps_agent_pkg's robot protocol (reference study §4.3–4.4): topic names, and conversions between controllers,
 * samples and the gps_msgs messages (TrialCommand, PositionCommand, SampleResult/DataType).
 */
package org.gpsros.node.protocol;
