package org.gpsros.sim.render;

/**
 * A camera: its position, an orthonormal view basis (right, up, forward) and a projection, either a pinhole
 * (perspective, vertical field of view) or orthographic (the half-height of the view in metres). Image coordinates are
 * pixels, x to the right and y down, the top-left corner at (0, 0), pixel (i, j) covering [i, i+1) × [j, j+1); the
 * optical axis passes through the image centre and pixels are square. Immutable.
 */
public final class Camera {

    /** Nearest depth drawn in front of a pinhole camera, metres (triangles are clipped there). */
    public static final double NEAR = 0.01;

    private final double[] eye;
    private final double[] right;
    private final double[] up;
    private final double[] forward;
    private final boolean perspective;
    /** tan(fovY/2) for a pinhole camera, the view's half-height in metres for an orthographic one. */
    private final double halfHeight;

    private Camera(double[] eye, double[] target, double[] upHint, boolean perspective, double halfHeight) {
        check3("eye", eye);
        check3("target", target);
        check3("up", upHint);
        this.eye = eye.clone();
        forward = normalized(new double[] {target[0] - eye[0], target[1] - eye[1], target[2] - eye[2]}, "target − eye");
        right = normalized(cross(forward, upHint), "forward × up (up must not be parallel to the view direction)");
        up = cross(right, forward);
        this.perspective = perspective;
        this.halfHeight = halfHeight;
    }

    /**
     * A pinhole camera at {@code eye} looking at {@code target}, with {@code up} showing as up in the image.
     *
     * @param verticalFovDegrees the vertical field of view, in (0, 180)
     */
    public static Camera lookAt(double[] eye, double[] target, double[] up, double verticalFovDegrees) {
        if (!(verticalFovDegrees > 0 && verticalFovDegrees < 180)) {
            throw new IllegalArgumentException("verticalFovDegrees must be in (0, 180), got " + verticalFovDegrees);
        }
        return new Camera(eye, target, up, true, Math.tan(Math.toRadians(verticalFovDegrees) / 2));
    }

    /**
     * An orthographic camera at {@code eye} looking toward {@code target}, showing {@code halfHeight} metres above and
     * below the optical axis (and as much to the sides as the image's aspect ratio gives).
     */
    public static Camera orthographic(double[] eye, double[] target, double[] up, double halfHeight) {
        if (!(halfHeight > 0) || !Double.isFinite(halfHeight)) {
            throw new IllegalArgumentException("halfHeight must be positive, got " + halfHeight);
        }
        return new Camera(eye, target, up, false, halfHeight);
    }

    public boolean isPerspective() {
        return perspective;
    }

    /** The camera-frame coordinates of a world point: {right·d, up·d, forward·d} with d = point − eye. */
    void toView(double x, double y, double z, double[] out, int offset) {
        double dx = x - eye[0];
        double dy = y - eye[1];
        double dz = z - eye[2];
        out[offset] = right[0] * dx + right[1] * dy + right[2] * dz;
        out[offset + 1] = up[0] * dx + up[1] * dy + up[2] * dz;
        out[offset + 2] = forward[0] * dx + forward[1] * dy + forward[2] * dz;
    }

    /** Pixels per unit of view-plane coordinate (per metre for orthographic, per unit x/z for a pinhole). */
    double focal(int height) {
        return height / 2.0 / halfHeight;
    }

    /**
     * Where the world point lands in a {@code width}×{@code height} image: {x, y, depth} with x, y in pixels and depth
     * the distance along the optical axis (negative behind the camera, where x and y mean nothing).
     */
    public double[] project(double[] point, int width, int height) {
        double[] view = new double[3];
        toView(point[0], point[1], point[2], view, 0);
        double f = focal(height);
        double scale = perspective ? f / view[2] : f;
        return new double[] {width / 2.0 + view[0] * scale, height / 2.0 - view[1] * scale, view[2]};
    }

    /** The unit vector from the camera toward the world point (orthographic: the view direction). */
    void viewDirection(double x, double y, double z, double[] out) {
        if (!perspective) {
            System.arraycopy(forward, 0, out, 0, 3);
            return;
        }
        double dx = x - eye[0];
        double dy = y - eye[1];
        double dz = z - eye[2];
        double n = Math.sqrt(dx * dx + dy * dy + dz * dz);
        out[0] = dx / n;
        out[1] = dy / n;
        out[2] = dz / n;
    }

    private static void check3(String name, double[] v) {
        if (v == null || v.length != 3 || !Double.isFinite(v[0]) || !Double.isFinite(v[1]) || !Double.isFinite(v[2])) {
            throw new IllegalArgumentException(name + " must be 3 finite values");
        }
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] normalized(double[] v, String what) {
        double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        if (!(n > 1e-12)) {
            throw new IllegalArgumentException(what + " has zero length");
        }
        return new double[] {v[0] / n, v[1] / n, v[2] / n};
    }
}
