package org.gpsros.node.robot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.gpsros.app.run.Experiment;
import org.gpsros.msg.gps_msgs.SampleResult;
import org.gpsros.node.NodeFixtures;
import org.gpsros.node.agent.RosAgent;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.ros.api.RosNode;
import org.gpsros.ros.api.RosNodeRunner;
import org.gpsros.ros.testing.RosInteropTest;
import org.gpsros.sim.SimAgent;
import org.junit.jupiter.api.Test;

/** {@code ~reset_mode:=pd} over TCPROS: after a trial moved the arm, the learner's reset drives it back under PD. */
class PdResetIT extends RosInteropTest {

    @Test
    void pdResetModeDrivesTheArmBackAfterATrial() {
        Experiment experiment = NodeFixtures.armExperiment();
        SimAgent sim = (SimAgent) experiment.agent();
        SimRobotNode robotMain = new SimRobotNode("box2d_arm", false, RobotTopics.DEFAULT);
        RosNode robot = RosNodeRunner.start(robotMain, config().privateParameters(Map.of("reset_mode", "pd"))
                .build());
        RosNode learner = startNode("pd_learner", n -> { });
        RosAgent agent = RosAgent.forSimTask(learner.node(), sim.task(), RobotTopics.DEFAULT, Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        try {
            agent.sample(experiment.initialControllers().get(0), 0, experiment.explorationNoise(0, 0, 1));
            double[] afterTrial = agent.requestData().sensor_data().get(0).data();
            double[] target = SimRobot.resetTarget(sim.task(), 0);
            assertTrue(Math.abs(afterTrial[0] - target[0]) + Math.abs(afterTrial[1] - target[1]) > 0.05,
                    "the trial should have moved the arm away from the reset target");
            SampleResult reset = agent.reset(0);
            double[] angles = reset.sensor_data().get(0).data();
            assertEquals(target[0], angles[0], 1e-3);
            assertEquals(target[1], angles[1], 1e-3);
        } finally {
            agent.close();
            robot.shutdown();
        }
    }
}
