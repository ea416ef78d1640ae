package org.gpsros.app.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.gpsros.sample.SensorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {
    private static final Path CONFIG_DIR = Path.of("../../config");

    private static final String MINIMAL = """
            task: box2d_arm
            init_controller: {type: lqr}
            cost:
              - {type: action, wu: [1, 1]}
            """;

    @Test
    void shippedArmConfigResolvesToTheReferenceExample() {
        ExperimentConfig config = ConfigLoader.load(CONFIG_DIR.resolve("box2d_arm.yaml"));
        assertEquals("box2d_arm", config.task());
        assertEquals(10, config.iterations());
        assertEquals(5, config.samplesPerCondition());
        InitControllerConfig.Lqr init = assertInstanceOf(InitControllerConfig.Lqr.class, config.initController());
        assertEquals(0.1, init.initVar());
        assertEquals(0.01, init.stiffness());
        assertEquals(0.5, init.stiffnessVel(), "reference default stiffness_vel");
        CostTermConfig.State state = assertInstanceOf(CostTermConfig.State.class, config.cost().get(1));
        assertEquals(SensorType.JOINT_ANGLES, state.dataTypes().get(0).sensor());
        assertEquals(1e-2, state.alpha(), "reference CostState default alpha");
        assertEquals(1e-5, config.cost().get(0).weight());
        assertEquals(20, config.dynamics().prior().maxClusters());
        assertEquals(40, config.dynamics().prior().minSamplesPerCluster());
        assertEquals(0.2, config.algorithm().klStep(), "reference ALG default kl_step");
    }

    @Test
    void shippedPointMassConfigLoads() {
        ExperimentConfig config = ConfigLoader.load(CONFIG_DIR.resolve("box2d_pointmass.yaml"));
        InitControllerConfig.Pd init = assertInstanceOf(InitControllerConfig.Pd.class, config.initController());
        assertEquals(5.0, init.initVar());
        assertEquals(0.0, init.posGains());
        CostTermConfig.Action action = assertInstanceOf(CostTermConfig.Action.class, config.cost().get(0));
        assertArrayEquals(new double[] {5e-5, 5e-5}, action.wu());
    }

    @Test
    void resolvedYamlParsesBackToTheSameConfig() {
        ExperimentConfig config = ConfigLoader.load(CONFIG_DIR.resolve("box2d_arm.yaml"));
        String yaml = ConfigLoader.toYaml(config);
        assertTrue(yaml.contains("kl_step: 0.2"), yaml);
        assertEquals(yaml, ConfigLoader.toYaml(ConfigLoader.parse(yaml, "resolved")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "iterations: 3;itrations: 4|x.yaml: itrations: unknown key (expected one of",
        "iterations: ten|x.yaml: iterations: expected an integer, got 'ten'",
        "iterations: 2.5|x.yaml: iterations: expected an integer",
        "algorithm: {kl_step: -1}|x.yaml: algorithm.kl_step: must be a positive number, got -1.0",
        "algorithm: {kl_stp: 1}|x.yaml: algorithm.kl_stp: unknown key",
        "algorithm: {type: magic}|x.yaml: algorithm.type: expected one of [traj_opt, mdgps, badmm, cgps], got 'magic'",
        "algorithm: {badmm: {fixed_lg_step: 1}}|x.yaml: algorithm.badmm: only used with algorithm.type badmm",
        "policy: {iterations: 10}|x.yaml: policy: only used by algorithms that train a global policy",
        "algorithm: {type: badmm, badmm: {target_form: exact}}|x.yaml: algorithm.badmm.target_form: expected one of "
            + "[reference, paper], got 'exact'",
        "algorithm: {type: cgps, cgps: {entropy_penalty: 1}}|x.yaml: algorithm.cgps.entropy_penalty: must be below 1",
        "algorithm: {type: cgps, cgps: {initial_dual: 0}}|x.yaml: algorithm.cgps.initial_dual: must be a positive",
        "algorithm: {type: cgps, cgps: {dual_kl: exact}}|x.yaml: algorithm.cgps.dual_kl: expected one of "
            + "[monte_carlo, laplace], got 'exact'",
        "dynamics: {prior: {max_clusters: 0}}|x.yaml: dynamics.prior.max_clusters: must be >= 1, got 0",
    })
    void badValuesGiveOneLineNamingTheKey(String extra, String expectedStart) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse(MINIMAL + extra.replace(";", "\n"), "x.yaml"));
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
    }

    @Test
    void missingRequiredFieldIsNamed() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("init_controller: {type: pd}\ncost: [{type: action, wu: [1]}]\n", "x.yaml"));
        assertEquals("x.yaml: task: missing (required)", e.getMessage());
    }

    @Test
    void unknownCostTypeListsTheKnownOnes() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("task: a\ninit_controller: {type: pd}\ncost: [{type: torque}]\n", "x.yaml"));
        assertEquals("x.yaml: cost[0]: unknown type 'torque' (expected one of: action, state, fk, binary_region)", e.getMessage());
    }

    @Test
    void unreadableFileAndBadYamlAreReported() {
        ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(Path.of("no/such.yaml")));
        assertEquals("no/such.yaml: no such config file", missing.getMessage());
        ConfigException syntax = assertThrows(ConfigException.class, () -> ConfigLoader.parse("task: 'unclosed\n", "x.yaml"));
        assertTrue(syntax.getMessage().startsWith("x.yaml: not valid YAML at line"), syntax.getMessage());
    }
}
