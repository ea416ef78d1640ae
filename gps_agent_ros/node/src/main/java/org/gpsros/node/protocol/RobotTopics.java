package org.gpsros.node.protocol;

/**
 * The topic names of gps_agent_pkg's robot plugin (reference study §4.3), absolute so that the real PR2 plugin works
 * unchanged; every one is remappable.
 *
 * @param trialCommand gps_msgs/TrialCommand, learner → robot
 * @param positionCommand gps_msgs/PositionCommand, learner → robot
 * @param relaxCommand gps_msgs/RelaxCommand, learner → robot
 * @param dataRequest gps_msgs/DataRequest, learner → robot
 * @param report gps_msgs/SampleResult, robot → learner
 */
public record RobotTopics(String trialCommand, String positionCommand, String relaxCommand, String dataRequest,
                          String report) {

    /** gps_agent_pkg's names. */
    public static final RobotTopics DEFAULT = new RobotTopics("/gps_controller_trial_command",
            "/gps_controller_position_command", "/gps_controller_relax_command", "/gps_controller_data_request",
            "/gps_controller_report");
}
