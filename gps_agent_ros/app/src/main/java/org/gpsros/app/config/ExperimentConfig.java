package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.atLeast;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.required;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole experiment as written in a {@code config/*.yaml} file: the task, the run's size, and every component's
 * settings. Missing optional keys take the reference implementation's defaults; the resolved record (all defaults
 * filled in) is written to the run folder as {@code config.yaml}, so a run can be repeated exactly.
 *
 * @param task simulated task name (see {@code SimTasks})
 * @param seed run seed; every random stream of the run derives from it
 * @param iterations GPS iterations
 * @param samplesPerCondition samples per condition and iteration (reference num_samples)
 * @param trainConditions condition indices trained on; empty = all of the task's conditions
 * @param testConditions condition indices evaluated on; empty = the training conditions
 * @param policy the global policy and its training (algorithms other than traj_opt; null for traj_opt)
 * @param robot a real robot over ROS ({@code gps node learner}), or null for the simulated task {@code task}
 * @param taskOptions the simulated task's options ({@code SimTaskOptions.fromMap}: {@code horizon}, {@code image_size},
 *     {@code distractor}); empty for the task's defaults
 */
public record ExperimentConfig(String task, Long seed, Integer iterations, Integer samplesPerCondition,
                               List<Integer> trainConditions, List<Integer> testConditions,
                               AgentConfig agent, AlgorithmConfig algorithm, TrajOptConfig trajOpt,
                               DynamicsConfig dynamics, InitControllerConfig initController,
                               List<CostTermConfig> cost,
                               @JsonInclude(JsonInclude.Include.NON_NULL) PolicyConfig policy,
                               @JsonInclude(JsonInclude.Include.NON_NULL) RobotConfig robot,
                               @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> taskOptions) {

    public ExperimentConfig {
        required(task, "task");
        taskOptions = taskOptions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(taskOptions));
        seed = orDefault(seed, 0L);
        iterations = atLeast(orDefault(iterations, 10), 1, "iterations");
        samplesPerCondition = atLeast(orDefault(samplesPerCondition, 5), 2, "samples_per_condition");
        trainConditions = List.copyOf(orDefault(trainConditions, List.of()));
        testConditions = List.copyOf(orDefault(testConditions, List.of()));
        for (int c : trainConditions) {
            atLeast(c, 0, "train_conditions");
        }
        for (int c : testConditions) {
            atLeast(c, 0, "test_conditions");
        }
        agent = orDefault(agent, AgentConfig.defaults());
        algorithm = orDefault(algorithm, AlgorithmConfig.defaults());
        trajOpt = orDefault(trajOpt, TrajOptConfig.defaults());
        dynamics = orDefault(dynamics, DynamicsConfig.defaults());
        required(initController, "init_controller");
        required(cost, "cost");
        if (cost.isEmpty()) {
            throw new IllegalArgumentException("cost: needs at least one cost term");
        }
        cost = List.copyOf(cost);
        if (algorithm.trainsGlobalPolicy()) {
            policy = orDefault(policy, PolicyConfig.defaults());
        } else if (policy != null) {
            throw new IllegalArgumentException("policy: only used by algorithms that train a global policy (mdgps, "
                    + "badmm, cgps); this config's algorithm.type is " + algorithm.type());
        }
    }

    /** Without task options (the task's defaults). */
    public ExperimentConfig(String task, Long seed, Integer iterations, Integer samplesPerCondition,
                            List<Integer> trainConditions, List<Integer> testConditions,
                            AgentConfig agent, AlgorithmConfig algorithm, TrajOptConfig trajOpt,
                            DynamicsConfig dynamics, InitControllerConfig initController,
                            List<CostTermConfig> cost, PolicyConfig policy, RobotConfig robot) {
        this(task, seed, iterations, samplesPerCondition, trainConditions, testConditions, agent, algorithm, trajOpt,
                dynamics, initController, cost, policy, robot, Map.of());
    }

    /** A copy with another seed. */
    public ExperimentConfig withSeed(long newSeed) {
        return new ExperimentConfig(task, newSeed, iterations, samplesPerCondition, trainConditions, testConditions,
                agent, algorithm, trajOpt, dynamics, initController, cost, policy, robot, taskOptions);
    }

    /** A copy with another iteration count. */
    public ExperimentConfig withIterations(int newIterations) {
        return new ExperimentConfig(task, seed, newIterations, samplesPerCondition, trainConditions, testConditions,
                agent, algorithm, trajOpt, dynamics, initController, cost, policy, robot, taskOptions);
    }
}
