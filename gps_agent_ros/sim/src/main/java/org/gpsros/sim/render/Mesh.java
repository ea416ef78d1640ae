package org.gpsros.sim.render;

/**
 * An immutable triangle mesh in its own frame: vertex positions and triangles whose corners run counter-clockwise
 * seen from outside, so the right-hand normal (v1 − v0) × (v2 − v0) points out of the solid (the renderer culls faces
 * turned away from the camera and shades with that normal). Factories build the primitives the tasks draw; round
 * shapes are made of {@code segments} facets around their axis, the frame's z axis.
 */
public final class Mesh {

    private final double[] vertices;
    private final int[] triangles;

    private Mesh(double[] vertices, int[] triangles) {
        this.vertices = vertices;
        this.triangles = triangles;
    }

    /** Number of vertices. */
    public int vertexCount() {
        return vertices.length / 3;
    }

    /** Number of triangles. */
    public int triangleCount() {
        return triangles.length / 3;
    }

    /** Vertex positions, x y z per vertex (a fresh copy). */
    public double[] vertices() {
        return vertices.clone();
    }

    /** Vertex indices, three per triangle, counter-clockwise seen from outside (a fresh copy). */
    public int[] triangles() {
        return triangles.clone();
    }

    double[] vertexArray() {
        return vertices;
    }

    int[] triangleArray() {
        return triangles;
    }

    /** A box centred on the origin with half-extents (hx, hy, hz) along the frame's axes: 12 triangles. */
    public static Mesh box(double hx, double hy, double hz) {
        requirePositive("box half-extent", hx, hy, hz);
        double[] half = {hx, hy, hz};
        double[] v = new double[6 * 4 * 3];
        int[] t = new int[6 * 2 * 3];
        int nv = 0;
        int nt = 0;
        for (int a = 0; a < 3; a++) {
            int b = (a + 1) % 3;
            int c = (a + 2) % 3;
            for (int sign = -1; sign <= 1; sign += 2) {
                // Corners (−,−), (+,−), (+,+), (−,+) in (b, c) run counter-clockwise about +e_a since e_b × e_c = e_a.
                double[][] corners = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
                int first = nv;
                for (int k = 0; k < 4; k++) {
                    double[] corner = corners[sign > 0 ? k : 3 - k];
                    double[] p = new double[3];
                    p[a] = sign * half[a];
                    p[b] = corner[0] * half[b];
                    p[c] = corner[1] * half[c];
                    System.arraycopy(p, 0, v, 3 * nv, 3);
                    nv++;
                }
                t[nt++] = first;
                t[nt++] = first + 1;
                t[nt++] = first + 2;
                t[nt++] = first;
                t[nt++] = first + 2;
                t[nt++] = first + 3;
            }
        }
        return new Mesh(v, t);
    }

    /** A closed cylinder of {@code radius} along z from −halfLength to +halfLength, with flat caps. */
    public static Mesh cylinder(double radius, double halfLength, int segments) {
        requirePositive("cylinder size", radius, halfLength);
        return lathe(new double[] {0, radius, radius, 0}, new double[] {halfLength, halfLength, -halfLength, -halfLength},
                segments);
    }

    /** A sphere of {@code radius} centred on the origin: {@code segments} around z, segments/2 from pole to pole. */
    public static Mesh sphere(double radius, int segments) {
        return capsule(radius, 0, segments);
    }

    /**
     * A capsule: the segment z ∈ [−halfLength, halfLength] swept by a ball of {@code radius} (a sphere when
     * halfLength is 0).
     */
    public static Mesh capsule(double radius, double halfLength, int segments) {
        requirePositive("capsule radius", radius);
        if (!(halfLength >= 0) || !Double.isFinite(halfLength)) {
            throw new IllegalArgumentException("capsule halfLength must be ≥ 0, got " + halfLength);
        }
        if (segments < 3) {
            throw new IllegalArgumentException("segments must be at least 3, got " + segments);
        }
        int quarter = Math.max(1, segments / 4);
        boolean split = halfLength > 0;
        int rings = 2 * quarter + 1 + (split ? 1 : 0);
        double[] rho = new double[rings];
        double[] z = new double[rings];
        int k = 0;
        for (int i = 0; i <= 2 * quarter; i++) {
            double theta = Math.PI * i / (2 * quarter);
            double shift = i < quarter ? halfLength : i > quarter ? -halfLength : halfLength;
            rho[k] = i == 0 || i == 2 * quarter ? 0 : radius * Math.sin(theta);
            z[k] = radius * Math.cos(theta) + shift;
            k++;
            if (i == quarter && split) {
                rho[k] = radius;
                z[k] = -halfLength;
                k++;
            }
        }
        return lathe(rho, z, segments);
    }

    /**
     * The surface of revolution about z of the profile (rho_k, z_k), k from top to bottom; a point with rho 0 is a pole
     * (one vertex). Between rings k and k+1 and angles φ_s, φ_{s+1} the quad A = V(k, s), B = V(k+1, s),
     * C = V(k+1, s+1), D = V(k, s+1) becomes triangles (A, B, C) and (A, C, D), whose normals point away from the axis
     * for a profile running downward.
     */
    private static Mesh lathe(double[] rho, double[] z, int segments) {
        if (segments < 3) {
            throw new IllegalArgumentException("segments must be at least 3, got " + segments);
        }
        int rings = rho.length;
        int[] first = new int[rings];
        int count = 0;
        for (int k = 0; k < rings; k++) {
            first[k] = count;
            count += rho[k] == 0 ? 1 : segments;
        }
        double[] v = new double[3 * count];
        for (int k = 0; k < rings; k++) {
            int n = rho[k] == 0 ? 1 : segments;
            for (int s = 0; s < n; s++) {
                double phi = 2 * Math.PI * s / segments;
                int i = 3 * (first[k] + s);
                v[i] = rho[k] * Math.cos(phi);
                v[i + 1] = rho[k] * Math.sin(phi);
                v[i + 2] = z[k];
            }
        }
        int triangleCount = 0;
        for (int k = 0; k + 1 < rings; k++) {
            triangleCount += (rho[k] == 0 || rho[k + 1] == 0) ? segments : 2 * segments;
        }
        int[] t = new int[3 * triangleCount];
        int nt = 0;
        for (int k = 0; k + 1 < rings; k++) {
            boolean upperPole = rho[k] == 0;
            boolean lowerPole = rho[k + 1] == 0;
            for (int s = 0; s < segments; s++) {
                int s1 = (s + 1) % segments;
                int a = first[k] + (upperPole ? 0 : s);
                int d = first[k] + (upperPole ? 0 : s1);
                int b = first[k + 1] + (lowerPole ? 0 : s);
                int c = first[k + 1] + (lowerPole ? 0 : s1);
                if (!lowerPole) {
                    t[nt++] = a;
                    t[nt++] = b;
                    t[nt++] = c;
                }
                if (!upperPole) {
                    t[nt++] = a;
                    t[nt++] = c;
                    t[nt++] = d;
                }
            }
        }
        return new Mesh(v, t);
    }

    private static void requirePositive(String what, double... values) {
        for (double value : values) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
            }
        }
    }
}
