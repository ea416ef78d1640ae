/**
 * Policies that act on the robot: the time-varying linear-Gaussian controllers of the local trajectory
 * optimiser and their initialisation (Levine &amp; Abbeel 2014 §2; reference {@code lin_gauss_policy.py},
 * {@code lin_gauss_init.py}), and the global policy π(u|o) = N(μ_θ(o), diag v) with its supervised training, the
 * S-step (Montgomery &amp; Levine 2016 §3.1; reference {@code policy_opt_tf.py}, {@code tf_policy.py}; study §3.10, §6).
 *
 * <p>Global-policy pieces: {@link org.gpsros.policy.PolicyNetwork} (the trainable mean; implementations
 * {@link org.gpsros.policy.LinearPolicyNetwork} here and the ND4J MLP in module {@code gps-nn}, found through
 * {@link org.gpsros.policy.PolicyNetworkFactory} and {@link java.util.ServiceLoader}),
 * {@link org.gpsros.policy.ObservationNormalizer}, {@link org.gpsros.policy.GaussianGlobalPolicy} (what acts),
 * {@link org.gpsros.policy.GlobalPolicyOptimizer} (the S-step: weight normalisation, training, variance) with its
 * checkpoint record {@link org.gpsros.policy.GlobalPolicyOptimizerState}, and the shared training conventions
 * {@link org.gpsros.policy.MinibatchOrder} and {@link org.gpsros.policy.PolicyLoss}.
 */
package org.gpsros.policy;
