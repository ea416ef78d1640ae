/**
 * Linearisation of the global policy around the local controllers' samples: a per-time-step linear-Gaussian fit
 * N(K^π_t x + k^π_t, S_t + Σ_π) of the policy's mean actions μ_π(o_t) on the states x_t, by Gaussian regression with
 * a normal-inverse-Wishart prior from a GMM over [x_t, μ_π(o_t)] or a weak constant prior (Montgomery &amp; Levine
 * 2016 §3.1; Levine et al. 2016 §4 and Appendix A.3; reference {@code policy_prior_gmm.py}, {@code policy_prior.py};
 * study §3.5). MDGPS constrains its C-step against this linearisation; BADMM adds it to the augmented cost.
 *
 * <p>Entry points: {@link org.gpsros.policyprior.PolicyPrior#create} from a
 * {@link org.gpsros.policyprior.PolicyPriorConfig}, {@link org.gpsros.policyprior.PolicyPrior#update} with each
 * iteration's samples, then {@link org.gpsros.policyprior.PolicyLinearization#fit}. The same idea as the dynamics
 * fit of {@code org.gpsros.dynamics}, whose {@code GaussianRegression}, {@code Gmm} and {@code NormalInverseWishart}
 * it reuses; a package of its own because it depends on the global policy.
 */
package org.gpsros.policyprior;
