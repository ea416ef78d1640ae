/**
 * Shared numerical building blocks: the portable random generator and small dense linear-algebra kernels
 * on row-major {@code double[]} blocks (one block per time step, wrappable by EJML's
 * {@code DMatrixRMaj.wrap(rows, cols, data)} without copying).
 */
package org.gpsros.math;
