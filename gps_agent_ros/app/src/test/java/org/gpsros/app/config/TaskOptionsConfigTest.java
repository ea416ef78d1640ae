package org.gpsros.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.gpsros.app.run.Experiment;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;

/** {@code task_options} reach the simulated task (image size, distractor) and bad values name the key. */
class TaskOptionsConfigTest {

    private static final Path CONFIG_DIR = Path.of("..", "..", "config");

    @Test
    void shippedVisualConfigsSetTheImageSize() {
        ExperimentConfig reacher = ConfigLoader.load(CONFIG_DIR.resolve("visual_reacher.yaml"));
        assertEquals(Map.of("image_size", 64), reacher.taskOptions());
        Experiment experiment = Experiment.build(reacher, "visual_reacher.yaml");
        assertEquals(64, experiment.imageSize());
        ExperimentConfig peg = ConfigLoader.load(CONFIG_DIR.resolve("visual_peg.yaml"));
        assertEquals(false, peg.taskOptions().get("distractor"));
        assertEquals(3 * 64 * 64, Experiment.build(peg, "visual_peg.yaml").agent().observationLayout()
                .dimensionOf(SensorType.RGB_IMAGE));
        // Round trip through the resolved config written to a run folder.
        String yaml = ConfigLoader.toYaml(reacher);
        assertTrue(yaml.contains("task_options:\n  image_size: 64"), yaml);
        assertEquals(yaml, ConfigLoader.toYaml(ConfigLoader.parse(yaml, "resolved")));
        // Configs without task_options keep their resolved YAML free of the key.
        ExperimentConfig arm = ConfigLoader.load(CONFIG_DIR.resolve("box2d_arm.yaml"));
        assertTrue(arm.taskOptions().isEmpty());
        assertTrue(!ConfigLoader.toYaml(arm).contains("task_options"));
    }

    @Test
    void badOptionsNameTheKey() {
        String base = "task: visual_reacher\ninit_controller: {type: pd}\ncost: [{type: action, wu: [1, 1]}]\n";
        ConfigException range = assertThrows(ConfigException.class, () -> Experiment.build(
                ConfigLoader.parse(base + "task_options: {image_size: 300}\n", "x.yaml"), "x.yaml"));
        assertTrue(range.getMessage().startsWith("x.yaml: task_options: image_size must be within 16..240"),
                range.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> Experiment.build(
                ConfigLoader.parse(base + "task_options: {colour: red}\n", "x.yaml"), "x.yaml"));
        assertTrue(unknown.getMessage().contains("unknown task option 'colour'"), unknown.getMessage());
    }
}
