package org.gpsros.sim.render;

import java.util.Arrays;
import org.gpsros.image.RgbFrame;

/**
 * Draws a {@link Scene} through a {@link Camera} into an {@link RgbFrame}: triangles are culled when they face away
 * from the camera, clipped at {@link Camera#NEAR} (pinhole), projected and rasterised with a z-buffer at twice the
 * frame's resolution in each direction (the sample points are the sub-pixel centres), each triangle in one flat colour
 * (its item's colour times ambient + diffuse · max(0, n · l), n the face normal); every output pixel averages its 2×2
 * samples (anti-aliasing). The depth test interpolates 1/z (pinhole) or z (orthographic) linearly in screen space, both
 * exact for planar triangles. A workspace: one instance per thread, buffers kept between frames of the same size.
 */
public final class Renderer {

    /** Samples per pixel along each image axis. */
    public static final int SUPERSAMPLING = 2;

    private int width;
    private int height;
    private int[] color = new int[0];
    /** Per sample: larger = nearer (1/z for a pinhole camera, −z for an orthographic one). */
    private double[] nearness = new double[0];
    private double[] view = new double[0];
    private double[] world = new double[0];
    private final double[] clipIn = new double[4 * 3];
    private final double[] clipOut = new double[4 * 3];
    private final double[] direction = new double[3];

    /**
     * Renders {@code scene} as {@code camera} sees it in a {@code width}×{@code height} frame.
     *
     * @throws IllegalArgumentException if a size is below 1 or above 4096
     */
    public RgbFrame render(Scene scene, Camera camera, int frameWidth, int frameHeight) {
        if (frameWidth < 1 || frameHeight < 1 || frameWidth > 4096 || frameHeight > 4096) {
            throw new IllegalArgumentException("frame size must be 1..4096 pixels, got " + frameWidth + "x" + frameHeight);
        }
        int w = frameWidth * SUPERSAMPLING;
        int h = frameHeight * SUPERSAMPLING;
        if (w != width || h != height) {
            width = w;
            height = h;
            color = new int[w * h];
            nearness = new double[w * h];
        }
        Arrays.fill(color, scene.background());
        Arrays.fill(nearness, Double.NEGATIVE_INFINITY);
        for (Scene.Item item : scene.items()) {
            if (item.isVisible()) {
                drawItem(item, scene, camera);
            }
        }
        return downsample(frameWidth, frameHeight);
    }

    private void drawItem(Scene.Item item, Scene scene, Camera camera) {
        Mesh mesh = item.mesh();
        double[] local = mesh.vertexArray();
        int n = local.length / 3;
        if (world.length < 3 * n) {
            world = new double[3 * n];
            view = new double[3 * n];
        }
        double[] r = item.rotation();
        double[] t = item.translation();
        for (int i = 0; i < n; i++) {
            double x = local[3 * i];
            double y = local[3 * i + 1];
            double z = local[3 * i + 2];
            double wx = r[0] * x + r[1] * y + r[2] * z + t[0];
            double wy = r[3] * x + r[4] * y + r[5] * z + t[1];
            double wz = r[6] * x + r[7] * y + r[8] * z + t[2];
            world[3 * i] = wx;
            world[3 * i + 1] = wy;
            world[3 * i + 2] = wz;
            camera.toView(wx, wy, wz, view, 3 * i);
        }
        int[] triangles = mesh.triangleArray();
        double[] light = scene.towardLight();
        int base = item.color();
        for (int k = 0; k < triangles.length; k += 3) {
            int a = 3 * triangles[k];
            int b = 3 * triangles[k + 1];
            int c = 3 * triangles[k + 2];
            double e1x = world[b] - world[a];
            double e1y = world[b + 1] - world[a + 1];
            double e1z = world[b + 2] - world[a + 2];
            double e2x = world[c] - world[a];
            double e2y = world[c + 1] - world[a + 1];
            double e2z = world[c + 2] - world[a + 2];
            double nx = e1y * e2z - e1z * e2y;
            double ny = e1z * e2x - e1x * e2z;
            double nz = e1x * e2y - e1y * e2x;
            double norm = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (norm < 1e-18) {
                continue;
            }
            camera.viewDirection(world[a], world[a + 1], world[a + 2], direction);
            if (nx * direction[0] + ny * direction[1] + nz * direction[2] >= 0) {
                continue; // facing away
            }
            double lambert = Math.max(0.0, (nx * light[0] + ny * light[1] + nz * light[2]) / norm);
            int shaded = shade(base, scene.ambient() + scene.diffuse() * lambert);
            drawTriangle(camera, a, b, c, shaded);
        }
    }

    private static int shade(int rgb, double level) {
        int red = (int) Math.min(255, Math.round(((rgb >> 16) & 0xff) * level));
        int green = (int) Math.min(255, Math.round(((rgb >> 8) & 0xff) * level));
        int blue = (int) Math.min(255, Math.round((rgb & 0xff) * level));
        return (red << 16) | (green << 8) | blue;
    }

    /** Clips the view-space triangle at the near plane where needed, then rasterises it. */
    private void drawTriangle(Camera camera, int a, int b, int c, int rgb) {
        if (!camera.isPerspective()) {
            rasterize(camera, view[a], view[a + 1], view[a + 2], view[b], view[b + 1], view[b + 2], view[c],
                    view[c + 1], view[c + 2], rgb);
            return;
        }
        double near = Camera.NEAR;
        if (view[a + 2] >= near && view[b + 2] >= near && view[c + 2] >= near) {
            rasterize(camera, view[a], view[a + 1], view[a + 2], view[b], view[b + 1], view[b + 2], view[c],
                    view[c + 1], view[c + 2], rgb);
            return;
        }
        System.arraycopy(view, a, clipIn, 0, 3);
        System.arraycopy(view, b, clipIn, 3, 3);
        System.arraycopy(view, c, clipIn, 6, 3);
        int count = 0;
        for (int i = 0; i < 3; i++) {
            int p = 3 * i;
            int q = 3 * ((i + 1) % 3);
            boolean pIn = clipIn[p + 2] >= near;
            boolean qIn = clipIn[q + 2] >= near;
            if (pIn) {
                System.arraycopy(clipIn, p, clipOut, 3 * count++, 3);
            }
            if (pIn != qIn) {
                double s = (near - clipIn[p + 2]) / (clipIn[q + 2] - clipIn[p + 2]);
                for (int j = 0; j < 3; j++) {
                    clipOut[3 * count + j] = clipIn[p + j] + s * (clipIn[q + j] - clipIn[p + j]);
                }
                clipOut[3 * count + 2] = near;
                count++;
            }
        }
        for (int i = 1; i + 1 < count; i++) {
            rasterize(camera, clipOut[0], clipOut[1], clipOut[2], clipOut[3 * i], clipOut[3 * i + 1],
                    clipOut[3 * i + 2], clipOut[3 * i + 3], clipOut[3 * i + 4], clipOut[3 * i + 5], rgb);
        }
    }

    /**
     * Fills the samples whose centres lie in the projected triangle (edge functions, inclusive edges) and pass the depth
     * test. Barycentric weights w_i = E_i(p) / (2·area); nearness interpolates linearly in screen space.
     */
    private void rasterize(Camera camera, double ax, double ay, double az, double bx, double by, double bz, double cx,
                           double cy, double cz, int rgb) {
        double f = camera.focal(height);
        double halfW = width / 2.0;
        double halfH = height / 2.0;
        boolean perspective = camera.isPerspective();
        double sa = perspective ? f / az : f;
        double sb = perspective ? f / bz : f;
        double sc = perspective ? f / cz : f;
        double x0 = halfW + ax * sa;
        double y0 = halfH - ay * sa;
        double x1 = halfW + bx * sb;
        double y1 = halfH - by * sb;
        double x2 = halfW + cx * sc;
        double y2 = halfH - cy * sc;
        double n0 = perspective ? 1 / az : -az;
        double n1 = perspective ? 1 / bz : -bz;
        double n2 = perspective ? 1 / cz : -cz;
        double area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
        if (Math.abs(area) < 1e-12) {
            return;
        }
        int minX = (int) Math.max(0, Math.ceil(Math.min(x0, Math.min(x1, x2)) - 0.5));
        int maxX = (int) Math.min(width - 1, Math.floor(Math.max(x0, Math.max(x1, x2)) - 0.5));
        int minY = (int) Math.max(0, Math.ceil(Math.min(y0, Math.min(y1, y2)) - 0.5));
        int maxY = (int) Math.min(height - 1, Math.floor(Math.max(y0, Math.max(y1, y2)) - 0.5));
        if (minX > maxX || minY > maxY) {
            return;
        }
        double inv = 1 / area;
        // w0 = E(v1, v2, p)/area, w1 = E(v2, v0, p)/area, w2 = E(v0, v1, p)/area with E(a, b, p) = (b − a) × (p − a).
        double w0dx = -(y2 - y1) * inv;
        double w1dx = -(y0 - y2) * inv;
        double w2dx = -(y1 - y0) * inv;
        double px0 = minX + 0.5;
        for (int y = minY; y <= maxY; y++) {
            double py = y + 0.5;
            double w0 = ((x2 - x1) * (py - y1) - (y2 - y1) * (px0 - x1)) * inv;
            double w1 = ((x0 - x2) * (py - y2) - (y0 - y2) * (px0 - x2)) * inv;
            double w2 = ((x1 - x0) * (py - y0) - (y1 - y0) * (px0 - x0)) * inv;
            int row = y * width;
            for (int x = minX; x <= maxX; x++) {
                if (w0 >= 0 && w1 >= 0 && w2 >= 0) {
                    double depth = w0 * n0 + w1 * n1 + w2 * n2;
                    int i = row + x;
                    if (depth > nearness[i]) {
                        nearness[i] = depth;
                        color[i] = rgb;
                    }
                }
                w0 += w0dx;
                w1 += w1dx;
                w2 += w2dx;
            }
        }
    }

    private RgbFrame downsample(int frameWidth, int frameHeight) {
        byte[] out = new byte[frameWidth * frameHeight * 3];
        int s = SUPERSAMPLING;
        int count = s * s;
        for (int y = 0; y < frameHeight; y++) {
            for (int x = 0; x < frameWidth; x++) {
                int red = 0;
                int green = 0;
                int blue = 0;
                for (int dy = 0; dy < s; dy++) {
                    int row = (y * s + dy) * width + x * s;
                    for (int dx = 0; dx < s; dx++) {
                        int value = color[row + dx];
                        red += (value >> 16) & 0xff;
                        green += (value >> 8) & 0xff;
                        blue += value & 0xff;
                    }
                }
                int o = 3 * (y * frameWidth + x);
                out[o] = (byte) ((red + count / 2) / count);
                out[o + 1] = (byte) ((green + count / 2) / count);
                out[o + 2] = (byte) ((blue + count / 2) / count);
            }
        }
        return new RgbFrame(frameWidth, frameHeight, out);
    }
}
