package org.gpsros.node;

import java.nio.file.Path;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.run.Experiment;
import org.gpsros.ros.testing.RosTools;

/** The shipped box2d_arm experiment, for node tests. */
public final class NodeFixtures {
    private NodeFixtures() {
    }

    public static Path armConfig() {
        return RosTools.repositoryRoot().resolve("config/box2d_arm.yaml");
    }

    public static Experiment armExperiment() {
        return Experiment.build(ConfigLoader.load(armConfig()), armConfig().toString());
    }
}
