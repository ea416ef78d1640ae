package org.gpsros.trajopt;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.gpsros.dynamics.LinearGaussianDynamics;
import org.gpsros.policy.LinearGaussianPolicy;

/**
 * Slow, literal EJML transcription of the study's §3.6 formulas (full matrices, no symmetry tricks), used as a
 * test oracle for the hand-written kernels: backward pass (both variants), forward pass, traj_distr_kl with
 * M/v/c, Laplace cost.
 */
final class ReferenceOracle {
    private ReferenceOracle() {
    }

    static DMatrixRMaj block(double[] data, int rows, int cols) {
        return new DMatrixRMaj(rows, cols, true, data);
    }

    static DMatrixRMaj sub(DMatrixRMaj m, int r0, int r1, int c0, int c1) {
        return CommonOps_DDRM.extract(m, r0, r1, c0, c1);
    }

    /** M(K,P) = [[KᵀPK, −KᵀP], [−PK, P]] and v(K,k,P) = [KᵀPk; −Pk]. */
    static DMatrixRMaj[] klTerms(LinearGaussianPolicy p, int t) {
        int dX = p.stateDim();
        int dU = p.actionDim();
        DMatrixRMaj k = block(p.feedbackGains()[t], dU, dX);
        DMatrixRMaj kk = block(p.feedforward()[t], dU, 1);
        DMatrixRMaj prec = block(p.precision()[t], dU, dU);
        DMatrixRMaj pk = new DMatrixRMaj(dU, dX);
        CommonOps_DDRM.mult(prec, k, pk);
        DMatrixRMaj ktpk = new DMatrixRMaj(dX, dX);
        CommonOps_DDRM.multTransA(k, pk, ktpk);
        DMatrixRMaj m = new DMatrixRMaj(dX + dU, dX + dU);
        CommonOps_DDRM.insert(ktpk, m, 0, 0);
        DMatrixRMaj negPk = pk.copy();
        CommonOps_DDRM.scale(-1, negPk);
        CommonOps_DDRM.insert(negPk, m, dX, 0);
        DMatrixRMaj negKtP = new DMatrixRMaj(dX, dU);
        CommonOps_DDRM.transpose(negPk, negKtP);
        CommonOps_DDRM.insert(negKtP, m, 0, dX);
        CommonOps_DDRM.insert(prec, m, dX, dX);
        DMatrixRMaj pkk = new DMatrixRMaj(dU, 1);
        CommonOps_DDRM.mult(prec, kk, pkk);
        DMatrixRMaj ktpkk = new DMatrixRMaj(dX, 1);
        CommonOps_DDRM.multTransA(k, pkk, ktpkk);
        DMatrixRMaj v = new DMatrixRMaj(dX + dU, 1);
        CommonOps_DDRM.insert(ktpkk, v, 0, 0);
        CommonOps_DDRM.scale(-1, pkk);
        CommonOps_DDRM.insert(pkk, v, dX, 0);
        double c = 0;
        for (int u = 0; u < dU; u++) {
            double s = 0;
            for (int w = 0; w < dU; w++) {
                s += prec.get(u, w) * kk.get(w, 0);
            }
            c += 0.5 * kk.get(u, 0) * s;
        }
        return new DMatrixRMaj[] {m, v, new DMatrixRMaj(new double[][] {{c}})};
    }

    /**
     * Backward pass (study §3.6): standard with the TrajOpt-augmented cost when {@code perStepEta == null}, else
     * the per-step form with the raw cost. Returns null if some Cholesky fails (no retries here).
     */
    static LinearGaussianPolicy backward(LocalModel model, LinearGaussianPolicy prev, double eta, double nu,
                                         double[] perStepEta, boolean mdgpsForm) {
        QuadraticCost cost = model.cost();
        LinearGaussianDynamics dyn = model.dynamics();
        int horizon = cost.horizon();
        int dX = cost.stateDim();
        int dU = cost.actionDim();
        int n = dX + dU;
        DMatrixRMaj vxx = new DMatrixRMaj(dX, dX);
        DMatrixRMaj vx = new DMatrixRMaj(dX, 1);
        double[][] gains = new double[horizon][];
        double[][] offsets = new double[horizon][];
        double[][] covs = new double[horizon][];
        double[][] chols = new double[horizon][];
        double[][] precs = new double[horizon][];
        CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(dU, true);
        for (int t = horizon - 1; t >= 0; t--) {
            DMatrixRMaj qtt = block(cost.hessian()[t], n, n).copy();
            DMatrixRMaj qt = block(cost.linear()[t], n, 1).copy();
            if (perStepEta == null) {
                DMatrixRMaj[] kl = klTerms(prev, t);
                if (mdgpsForm) {
                    CommonOps_DDRM.addEquals(qtt, eta, kl[0]);
                    CommonOps_DDRM.scale(1.0 / (eta + nu), qtt);
                    CommonOps_DDRM.addEquals(qt, eta, kl[1]);
                    CommonOps_DDRM.scale(1.0 / (eta + nu), qt);
                } else {
                    CommonOps_DDRM.scale(1.0 / (eta + nu), qtt);
                    CommonOps_DDRM.addEquals(qtt, eta / (eta + nu), kl[0]);
                    CommonOps_DDRM.scale(1.0 / (eta + nu), qt);
                    CommonOps_DDRM.addEquals(qt, eta / (eta + nu), kl[1]);
                }
            }
            if (t < horizon - 1) {
                DMatrixRMaj f = block(dyn.jacobian()[t], dX, n);
                DMatrixRMaj fv = block(dyn.offset()[t], dX, 1);
                DMatrixRMaj vf = new DMatrixRMaj(dX, n);
                CommonOps_DDRM.mult(vxx, f, vf);
                DMatrixRMaj ftvf = new DMatrixRMaj(n, n);
                CommonOps_DDRM.multTransA(f, vf, ftvf);
                CommonOps_DDRM.addEquals(qtt, ftvf);
                DMatrixRMaj tmp = new DMatrixRMaj(dX, 1);
                CommonOps_DDRM.mult(vxx, fv, tmp);
                CommonOps_DDRM.addEquals(tmp, vx);
                DMatrixRMaj ft = new DMatrixRMaj(n, 1);
                CommonOps_DDRM.multTransA(f, tmp, ft);
                CommonOps_DDRM.addEquals(qt, ft);
            }
            DMatrixRMaj qttT = qtt.copy();
            CommonOps_DDRM.transpose(qttT);
            CommonOps_DDRM.add(0.5, qtt, 0.5, qttT, qtt);
            DMatrixRMaj quu = sub(qtt, dX, n, dX, n);
            DMatrixRMaj qux = sub(qtt, dX, n, 0, dX);
            DMatrixRMaj qxx = sub(qtt, 0, dX, 0, dX);
            DMatrixRMaj qxu = sub(qtt, 0, dX, dX, n);
            DMatrixRMaj qu = sub(qt, dX, n, 0, 1);
            DMatrixRMaj qx = sub(qt, 0, dX, 0, 1);
            DMatrixRMaj a;
            DMatrixRMaj b;
            DMatrixRMaj bb;
            if (perStepEta == null) {
                a = quu.copy();
                b = qu.copy();
                bb = qux.copy();
            } else {
                double inv = 1.0 / perStepEta[t];
                DMatrixRMaj p = block(prev.precision()[t], dU, dU);
                a = new DMatrixRMaj(dU, dU);
                CommonOps_DDRM.add(inv, quu, 1.0, p, a);
                DMatrixRMaj pk = new DMatrixRMaj(dU, 1);
                CommonOps_DDRM.mult(p, block(prev.feedforward()[t], dU, 1), pk);
                b = new DMatrixRMaj(dU, 1);
                CommonOps_DDRM.add(inv, qu, -1.0, pk, b);
                DMatrixRMaj pK = new DMatrixRMaj(dU, dX);
                CommonOps_DDRM.mult(p, block(prev.feedbackGains()[t], dU, dX), pK);
                bb = new DMatrixRMaj(dU, dX);
                CommonOps_DDRM.add(inv, qux, -1.0, pK, bb);
            }
            if (!chol.decompose(a.copy())) {
                return null;
            }
            DMatrixRMaj ainv = new DMatrixRMaj(dU, dU);
            if (!CommonOps_DDRM.invertSPD(a.copy(), ainv)) {
                return null;
            }
            CommonOps_DDRM.symmLowerToFull(ainv);
            DMatrixRMaj k = new DMatrixRMaj(dU, 1);
            CommonOps_DDRM.mult(-1, ainv, b, k);
            DMatrixRMaj kk = new DMatrixRMaj(dU, dX);
            CommonOps_DDRM.mult(-1, ainv, bb, kk);
            gains[t] = kk.data.clone();
            offsets[t] = k.data.clone();
            covs[t] = ainv.data.clone();
            precs[t] = a.data.clone();
            CholeskyDecomposition_F64<DMatrixRMaj> c2 = DecompositionFactory_DDRM.chol(dU, true);
            if (!c2.decompose(ainv.copy())) {
                return null;
            }
            chols[t] = c2.getT(null).data.clone();
            DMatrixRMaj newV = qxx.copy();
            DMatrixRMaj newv = qx.copy();
            if (perStepEta == null) {
                DMatrixRMaj tmp = new DMatrixRMaj(dX, dX);
                CommonOps_DDRM.mult(qxu, kk, tmp);
                CommonOps_DDRM.addEquals(newV, tmp);
                DMatrixRMaj tv = new DMatrixRMaj(dX, 1);
                CommonOps_DDRM.mult(qxu, k, tv);
                CommonOps_DDRM.addEquals(newv, tv);
            } else {
                DMatrixRMaj quuK = new DMatrixRMaj(dU, dX);
                CommonOps_DDRM.mult(quu, kk, quuK);
                DMatrixRMaj tmp = new DMatrixRMaj(dX, dX);
                CommonOps_DDRM.multTransA(kk, quuK, tmp);
                CommonOps_DDRM.addEquals(newV, tmp);
                CommonOps_DDRM.mult(2.0, qxu, kk, tmp);
                CommonOps_DDRM.addEquals(newV, tmp);
                DMatrixRMaj tv = new DMatrixRMaj(dX, 1);
                CommonOps_DDRM.multTransA(kk, qu, tv);
                CommonOps_DDRM.addEquals(newv, tv);
                DMatrixRMaj quuk = new DMatrixRMaj(dU, 1);
                CommonOps_DDRM.mult(quu, k, quuk);
                CommonOps_DDRM.multTransA(kk, quuk, tv);
                CommonOps_DDRM.addEquals(newv, tv);
                CommonOps_DDRM.mult(qxu, k, tv);
                CommonOps_DDRM.addEquals(newv, tv);
            }
            DMatrixRMaj newVt = newV.copy();
            CommonOps_DDRM.transpose(newVt);
            CommonOps_DDRM.add(0.5, newV, 0.5, newVt, vxx);
            vx = newv;
        }
        return new LinearGaussianPolicy(horizon, dX, dU, gains, offsets, covs, chols, precs);
    }

    /** Joint marginals by the reference's formulas with full matrices. */
    static StateActionMarginals forward(LinearGaussianPolicy p, LocalModel model) {
        int horizon = p.horizon();
        int dX = p.stateDim();
        int dU = p.actionDim();
        int n = dX + dU;
        double[][] means = new double[horizon][n];
        double[][] covs = new double[horizon][n * n];
        DMatrixRMaj sx = block(model.initialState().covariance(), dX, dX).copy();
        DMatrixRMaj mx = block(model.initialState().mean(), dX, 1).copy();
        for (int t = 0; t < horizon; t++) {
            DMatrixRMaj k = block(p.feedbackGains()[t], dU, dX);
            DMatrixRMaj sigma = new DMatrixRMaj(n, n);
            CommonOps_DDRM.insert(sx, sigma, 0, 0);
            DMatrixRMaj ks = new DMatrixRMaj(dU, dX);
            CommonOps_DDRM.mult(k, sx, ks);
            CommonOps_DDRM.insert(ks, sigma, dX, 0);
            DMatrixRMaj skt = new DMatrixRMaj(dX, dU);
            CommonOps_DDRM.multTransB(sx, k, skt);
            CommonOps_DDRM.insert(skt, sigma, 0, dX);
            DMatrixRMaj ksk = new DMatrixRMaj(dU, dU);
            CommonOps_DDRM.multTransB(ks, k, ksk);
            CommonOps_DDRM.addEquals(ksk, block(p.covariance()[t], dU, dU));
            CommonOps_DDRM.insert(ksk, sigma, dX, dX);
            DMatrixRMaj mu = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.insert(mx, mu, 0, 0);
            DMatrixRMaj mu2 = new DMatrixRMaj(dU, 1);
            CommonOps_DDRM.mult(k, mx, mu2);
            CommonOps_DDRM.addEquals(mu2, block(p.feedforward()[t], dU, 1));
            CommonOps_DDRM.insert(mu2, mu, dX, 0);
            means[t] = mu.data.clone();
            covs[t] = sigma.data.clone();
            if (t < horizon - 1) {
                DMatrixRMaj f = block(model.dynamics().jacobian()[t], dX, n);
                DMatrixRMaj fs = new DMatrixRMaj(dX, n);
                CommonOps_DDRM.mult(f, sigma, fs);
                sx = new DMatrixRMaj(dX, dX);
                CommonOps_DDRM.multTransB(fs, f, sx);
                CommonOps_DDRM.addEquals(sx, block(model.dynamics().covariance()[t], dX, dX));
                mx = new DMatrixRMaj(dX, 1);
                CommonOps_DDRM.mult(f, mu, mx);
                CommonOps_DDRM.addEquals(mx, block(model.dynamics().offset()[t], dX, 1));
            }
        }
        return new StateActionMarginals(horizon, dX, dU, means, covs);
    }

    /** traj_distr_kl with M/v/c, summed over t. */
    static double trajDistrKl(StateActionMarginals marg, LinearGaussianPolicy nw, LinearGaussianPolicy prev) {
        return KlDivergence.total(trajDistrKlPerStep(marg, nw, prev));
    }

    static double[] trajDistrKlPerStep(StateActionMarginals marg, LinearGaussianPolicy nw, LinearGaussianPolicy prev) {
        int n = marg.stateDim() + marg.actionDim();
        int dU = marg.actionDim();
        double[] out = new double[marg.horizon()];
        for (int t = 0; t < marg.horizon(); t++) {
            DMatrixRMaj[] a = klTerms(nw, t);
            DMatrixRMaj[] b = klTerms(prev, t);
            DMatrixRMaj dm = new DMatrixRMaj(n, n);
            CommonOps_DDRM.subtract(a[0], b[0], dm);
            DMatrixRMaj dv = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.subtract(a[1], b[1], dv);
            DMatrixRMaj mu = block(marg.means()[t], n, 1);
            DMatrixRMaj sigma = block(marg.covariances()[t], n, n);
            DMatrixRMaj dmMu = new DMatrixRMaj(n, 1);
            CommonOps_DDRM.mult(dm, mu, dmMu);
            double quad = CommonOps_DDRM.dot(mu, dmMu);
            double lin = CommonOps_DDRM.dot(mu, dv);
            double tr = CommonOps_DDRM.elementSum(CommonOps_DDRM.elementMult(sigma, dm, null));
            double ldNew = RowKernels.logDetFromCholesky(nw.covarianceCholesky()[t], dU);
            double ldPrev = RowKernels.logDetFromCholesky(prev.covarianceCholesky()[t], dU);
            out[t] = Math.max(0, -0.5 * quad - lin - a[2].get(0, 0) + b[2].get(0, 0) - 0.5 * tr - 0.5 * ldNew + 0.5 * ldPrev);
        }
        return out;
    }
}
