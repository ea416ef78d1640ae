/**
 * Neural-network global policies: the mean μ_θ(o) of π(u|o) = N(μ_θ(o), Σ) as an ND4J SameDiff graph (whose ops the
 * hot paths execute directly on preallocated arrays) behind gps-core's {@link org.gpsros.policy.PolicyNetwork}, trained by the S-step's weighted precision loss with Adam
 * (Montgomery &amp; Levine 2016, §4; Levine et al. 2016, §4.1 and Appendix A; reference study §3.10 and §6).
 *
 * <p>{@link org.gpsros.nn.MlpPolicyNetwork} is the fully connected network (2 hidden layers of 40 ReLU as in the
 * MDGPS paper by default, one soft-rectifier layer as in the 2014 papers on request), made by
 * {@link org.gpsros.nn.MlpPolicyNetworkFactory} (type {@code mlp}, found through {@link java.util.ServiceLoader}).
 * ND4J runs on the oneDNN-AVX2 native build; see {@code shared/reference/java-dependencies.md} §1 for the inference
 * bug worked around here.
 */
package org.gpsros.nn;
