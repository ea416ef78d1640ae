package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.finite;
import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.oneOf;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.required;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.gpsros.sample.SensorType;

/**
 * One weighted term of the task cost; the terms are summed (reference {@code CostSum}, study §2.6, §3.14).
 * Each term has a {@code type} and a {@code weight} (default 1).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CostTermConfig.Action.class, name = "action"),
        @JsonSubTypes.Type(value = CostTermConfig.State.class, name = "state"),
        @JsonSubTypes.Type(value = CostTermConfig.EndEffector.class, name = "fk"),
        @JsonSubTypes.Type(value = CostTermConfig.BinaryRegion.class, name = "binary_region")})
public sealed interface CostTermConfig {

    List<String> RAMPS = List.of("constant", "linear", "quadratic", "final_only");

    Double weight();

    /**
     * Quadratic action penalty ½ Σ wu_j u_j² (CostAction).
     *
     * @param wu per-action weights
     */
    record Action(Double weight, double[] wu) implements CostTermConfig {
        public Action {
            weight = orDefault(weight, 1.0);
            wu = finite(required(wu, "cost[action].wu"), "cost[action].wu");
        }
    }

    /**
     * Distance of state sensors to targets (CostState, l1/l2 norm with alpha).
     *
     * @param dataTypes the sensors, each with target and per-dimension weights wp
     * @param ramp how the weight grows over time: constant, linear, quadratic, final_only
     */
    record State(Double weight, Double l1, Double l2, Double alpha, String ramp, Double wpFinalMultiplier,
                 List<SensorTarget> dataTypes) implements CostTermConfig {
        public State {
            weight = orDefault(weight, 1.0);
            l1 = nonNegative(orDefault(l1, 0.0), "cost[state].l1");
            l2 = nonNegative(orDefault(l2, 1.0), "cost[state].l2");
            alpha = nonNegative(orDefault(alpha, 1e-2), "cost[state].alpha");
            ramp = oneOf(orDefault(ramp, "constant"), "cost[state].ramp", RAMPS);
            wpFinalMultiplier = nonNegative(orDefault(wpFinalMultiplier, 1.0), "cost[state].wp_final_multiplier");
            dataTypes = List.copyOf(required(dataTypes, "cost[state].data_types"));
        }
    }

    /**
     * Distance of the end-effector points to targets through the kinematics Jacobian (CostFK).
     *
     * @param target target end-effector points (3 per point)
     * @param wp per-dimension weights
     * @param norm {@code log_l2} (reference default evallogl2term) or {@code l1_l2} (evall1l2term)
     */
    record EndEffector(Double weight, double[] target, double[] wp, Double l1, Double l2, Double alpha, String ramp,
                       Double wpFinalMultiplier, String norm) implements CostTermConfig {
        public EndEffector {
            weight = orDefault(weight, 1.0);
            target = finite(required(target, "cost[fk].target"), "cost[fk].target");
            wp = finite(required(wp, "cost[fk].wp"), "cost[fk].wp");
            if (wp.length != target.length) {
                throw new IllegalArgumentException("cost[fk].wp: needs " + target.length + " values like target, got " + wp.length);
            }
            l1 = nonNegative(orDefault(l1, 0.0), "cost[fk].l1");
            l2 = nonNegative(orDefault(l2, 1.0), "cost[fk].l2");
            alpha = nonNegative(orDefault(alpha, 1e-5), "cost[fk].alpha");
            ramp = oneOf(orDefault(ramp, "constant"), "cost[fk].ramp", RAMPS);
            wpFinalMultiplier = nonNegative(orDefault(wpFinalMultiplier, 1.0), "cost[fk].wp_final_multiplier");
            norm = oneOf(orDefault(norm, "log_l2"), "cost[fk].norm", List.of("log_l2", "l1_l2"));
        }
    }

    /**
     * A constant cost inside or outside a region (CostBinaryRegion; no derivatives).
     */
    record BinaryRegion(Double weight, List<Region> dataTypes) implements CostTermConfig {
        public BinaryRegion {
            weight = orDefault(weight, 1.0);
            dataTypes = List.copyOf(required(dataTypes, "cost[binary_region].data_types"));
        }
    }

    /** A sensor, its target and weights. */
    record SensorTarget(SensorType sensor, double[] target, double[] wp) {
        public SensorTarget {
            required(sensor, "cost[state].data_types[].sensor");
            target = finite(required(target, "cost[state].data_types[].target"), "cost[state].data_types[].target");
            wp = finite(required(wp, "cost[state].data_types[].wp"), "cost[state].data_types[].wp");
            if (wp.length != target.length) {
                throw new IllegalArgumentException("cost[state].data_types[" + sensor + "].wp: needs " + target.length
                        + " values like target, got " + wp.length);
            }
        }
    }

    /** A region around a sensor target: L1 distance Σ|x − target| up to maxDistance is inside. */
    record Region(SensorType sensor, double[] target, Double maxDistance, Double outsideCost,
                  Double insideCost) {
        public Region {
            required(sensor, "cost[binary_region].data_types[].sensor");
            target = finite(required(target, "cost[binary_region].data_types[].target"), "cost[binary_region].data_types[].target");
            maxDistance = nonNegative(orDefault(maxDistance, 0.1), "cost[binary_region].data_types[].max_distance");
            outsideCost = orDefault(outsideCost, 1.0);
            insideCost = orDefault(insideCost, 0.0);
        }
    }
}
