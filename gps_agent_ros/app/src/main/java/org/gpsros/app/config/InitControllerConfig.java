package org.gpsros.app.config;

import static org.gpsros.app.config.Checks.finite;
import static org.gpsros.app.config.Checks.nonNegative;
import static org.gpsros.app.config.Checks.orDefault;
import static org.gpsros.app.config.Checks.positive;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The initial linear-Gaussian controller (reference {@code init_lqr} / {@code init_pd}, study §2.5, §3.7). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InitControllerConfig.Lqr.class, name = "lqr"),
        @JsonSubTypes.Type(value = InitControllerConfig.Pd.class, name = "pd")})
public sealed interface InitControllerConfig {

    /**
     * An LQR controller that holds x0 on guessed double-integrator dynamics.
     *
     * @param initVar target action variance
     * @param stiffness position cost weight
     * @param stiffnessVel velocity cost weight, relative to stiffness
     * @param finalWeight multiplier of the last step's cost
     * @param initGains guessed torque-to-acceleration gains, one per action (default ones)
     * @param initAcc guessed constant accelerations, one per action (default zeros)
     */
    record Lqr(Double initVar, Double stiffness, Double stiffnessVel, Double finalWeight,
               double[] initGains, double[] initAcc) implements InitControllerConfig {
        public Lqr {
            initVar = positive(orDefault(initVar, 1.0), "init_controller.init_var");
            stiffness = nonNegative(orDefault(stiffness, 1.0), "init_controller.stiffness");
            stiffnessVel = nonNegative(orDefault(stiffnessVel, 0.5), "init_controller.stiffness_vel");
            finalWeight = nonNegative(orDefault(finalWeight, 1.0), "init_controller.final_weight");
            initGains = finite(initGains, "init_controller.init_gains");
            initAcc = finite(initAcc, "init_controller.init_acc");
        }
    }

    /**
     * A proportional-derivative controller around x0 with Gaussian noise.
     *
     * @param initVar action variance
     * @param posGains position gain
     * @param velGainsMult velocity gain relative to the position gain
     */
    record Pd(Double initVar, Double posGains, Double velGainsMult) implements InitControllerConfig {
        public Pd {
            initVar = positive(orDefault(initVar, 10.0), "init_controller.init_var");
            posGains = nonNegative(orDefault(posGains, 10.0), "init_controller.pos_gains");
            velGainsMult = nonNegative(orDefault(velGainsMult, 0.01), "init_controller.vel_gains_mult");
        }
    }
}
