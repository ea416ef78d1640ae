package org.gpsros.node.protocol;

/**
 * The topic names of gps_agent_pkg's robot plugin (reference study §4.3), absolute so that the real PR2 plugin works
 * unchanged, plus our own two (the global policy and the robot's error reply); every one is remappable.
 *
 * @param trialCommand gps_msgs/TrialCommand, learner → robot
 * @param positionCommand gps_msgs/PositionCommand, learner → robot
 * @param relaxCommand gps_msgs/RelaxCommand, learner → robot
 * @param dataRequest gps_msgs/DataRequest, learner → robot
 * @param report gps_msgs/SampleResult, robot → learner
 * @param networkPolicy gps_msgs/NetworkPolicy, learner → robot: the global policy of the TrialCommand with the same id
 *     (controller_to_execute 2)
 * @param error gps_msgs/CommandError, robot → learner: a command the robot refused, with its id and the reason
 * @param image sensor_msgs/Image, camera → learner: the camera of a task whose observation holds RGB_IMAGE (the
 *     simulated robot publishes one frame per control step during trials; a real camera driver at its own rate)
 */
public record RobotTopics(String trialCommand, String positionCommand, String relaxCommand, String dataRequest,
                          String report, String networkPolicy, String error, String image) {

    /**
     * The camera topic (CONTRACTS.md "ROS names"): relative like {@code joint_states}, so {@code /camera/image_raw} for
     * nodes in the root namespace, a ROS camera driver's usual name.
     */
    public static final String DEFAULT_IMAGE = "camera/image_raw";

    /** The topics with the default camera topic. */
    public RobotTopics(String trialCommand, String positionCommand, String relaxCommand, String dataRequest,
                       String report, String networkPolicy, String error) {
        this(trialCommand, positionCommand, relaxCommand, dataRequest, report, networkPolicy, error, DEFAULT_IMAGE);
    }

    /** These topics with another camera topic. */
    public RobotTopics withImage(String imageTopic) {
        return new RobotTopics(trialCommand, positionCommand, relaxCommand, dataRequest, report, networkPolicy, error,
                imageTopic);
    }

    /** gps_agent_pkg's names, and ours in the same style. */
    public static final RobotTopics DEFAULT = new RobotTopics("/gps_controller_trial_command",
            "/gps_controller_position_command", "/gps_controller_relax_command", "/gps_controller_data_request",
            "/gps_controller_report", "/gps_controller_network_policy", "/gps_controller_error");
}
