package org.gpsros.node.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gpsros.node.learner.LearnerNode;
import org.gpsros.node.protocol.RobotTopics;
import org.gpsros.node.robot.SimRobotNode;
import org.gpsros.ros.api.NodeConfiguration;
import org.gpsros.ros.api.RosNodeRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gps node learner CONFIG [options] [ROS args]} and {@code gps node sim-robot [--task T] [--real-time] [ROS
 * args]}. ROS arguments ({@code __name:=}, {@code __ns:=}, {@code from:=to}, {@code _param:=value}) and the ROS
 * environment (ROS_MASTER_URI, ROS_NAMESPACE, ROS_IP) work as for any ROS node; roslaunch passes them.
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a ROS node: the learner or the simulated robot.",
        subcommands = {NodeCommand.Learner.class, NodeCommand.SimRobot.class})
public final class NodeCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    @Command(name = "learner", mixinStandardHelpOptions = true,
            description = "The learner node gps_learner: trains CONFIG on a robot over gps_agent_pkg's topics.")
    static final class Learner implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "CONFIG", description = "experiment YAML: a simulated task (config/box2d_arm.yaml) or a robot: section "
                + "(config/pr2_example.yaml)")
        Path config;

        @Parameters(index = "1..*", paramLabel = "ROS_ARGS", description = "ROS arguments (__name:=, a:=b, _p:=v)")
        List<String> rosArgs = new ArrayList<>();

        @Option(names = "--iterations", paramLabel = "K", description = "GPS iterations (default: the config's)")
        Integer iterations;

        @Option(names = "--seed", paramLabel = "N", description = "run seed (default: the config's)")
        Long seed;

        @Option(names = "--output", paramLabel = "DIR", description = "run folder (default: runs/<task>-<timestamp>)")
        Path output;

        @Option(names = "--trial-timeout", paramLabel = "SECONDS",
                description = "how long a reset or trial may take before training pauses (default: the config's "
                        + "robot.trial_timeout, else 20)")
        Double trialTimeout;

        @Option(names = "--stay-up", description = "keep the node (services, latched status) up after training ends")
        boolean stayUp;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (trialTimeout != null && (!(trialTimeout > 0) || Double.isInfinite(trialTimeout))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--trial-timeout: expected a positive number of seconds, got " + trialTimeout);
            }
            // A bad config exits 2 with one line here, before any connection to a master is tried.
            LearnerNode.checkConfig(config.toAbsolutePath());
            LearnerNode learner = new LearnerNode(new LearnerNode.Options(config.toAbsolutePath(), iterations, seed,
                    output, trialTimeout == null ? null : Duration.ofMillis(Math.round(trialTimeout * 1000)), !stayUp), RobotTopics.DEFAULT,
                    System.err);
            RosNodeRunner.run(learner, NodeConfiguration.fromCommandLine(rosArgs.toArray(String[]::new)));
            if (learner.failure() != null) {
                System.err.println("gps node learner: " + learner.failure().getMessage());
                return 1;
            }
            if (learner.run() != null) {
                System.out.println(learner.run().root());
            }
            return 0;
        }
    }

    @Command(name = "sim-robot", mixinStandardHelpOptions = true,
            description = "The simulated robot node gps_sim_robot: gps_agent_pkg's protocol over the embedded simulator.")
    static final class SimRobot implements Callable<Integer> {
        @Option(names = "--task", paramLabel = "TASK", description = "simulated task (default: ~task, else box2d_arm)")
        String task;

        @Option(names = "--real-time", description = "keep the commanded frequency (default: ~real_time, else false)")
        Boolean realTime;

        @Parameters(paramLabel = "ROS_ARGS", description = "ROS arguments (__name:=, a:=b, _real_time:=true)")
        List<String> rosArgs = new ArrayList<>();

        @Override
        public Integer call() {
            RosNodeRunner.run(new SimRobotNode(task, realTime, RobotTopics.DEFAULT),
                    NodeConfiguration.fromCommandLine(rosArgs.toArray(String[]::new)));
            return 0;
        }
    }
}
