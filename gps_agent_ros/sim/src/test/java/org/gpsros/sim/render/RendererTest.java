package org.gpsros.sim.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gpsros.image.RgbFrame;
import org.junit.jupiter.api.Test;

class RendererTest {

    private static final int RED = 0xff0000;
    private static final int BLUE = 0x0000ff;
    private static final int GREY = 0x808080;

    /** Light from the camera's side, ambient + diffuse = 1: a face turned to the camera shows its colour exactly. */
    private static Scene frontLitScene() {
        return new Scene().background(0x000000).light(new double[] {0, 0, 1}, 0.2, 0.8);
    }

    private static Camera topCamera() {
        return Camera.lookAt(new double[] {0, 0, 2}, new double[] {0, 0, 0}, new double[] {0, 1, 0}, 90);
    }

    @Test
    void everyPrimitiveIsClosedWithOutwardFaces() {
        Map<String, Mesh> meshes = Map.of("box", Mesh.box(0.1, 0.2, 0.3), "cylinder", Mesh.cylinder(0.1, 0.3, 12),
                "sphere", Mesh.sphere(0.2, 12), "capsule", Mesh.capsule(0.05, 0.2, 10));
        for (Map.Entry<String, Mesh> entry : meshes.entrySet()) {
            Mesh mesh = entry.getValue();
            double[] v = mesh.vertices();
            int[] t = mesh.triangles();
            Map<String, Integer> directedEdges = new HashMap<>();
            for (int k = 0; k < t.length; k += 3) {
                double[] a = {v[3 * t[k]], v[3 * t[k] + 1], v[3 * t[k] + 2]};
                double[] b = {v[3 * t[k + 1]], v[3 * t[k + 1] + 1], v[3 * t[k + 1] + 2]};
                double[] c = {v[3 * t[k + 2]], v[3 * t[k + 2] + 1], v[3 * t[k + 2] + 2]};
                double[] n = Camera.cross(new double[] {b[0] - a[0], b[1] - a[1], b[2] - a[2]},
                        new double[] {c[0] - a[0], c[1] - a[1], c[2] - a[2]});
                double outward = 0;
                for (int i = 0; i < 3; i++) {
                    outward += n[i] * (a[i] + b[i] + c[i]) / 3; // the solids are convex and centred on the origin
                }
                assertTrue(outward > 0, entry.getKey() + " triangle " + k / 3 + " faces inward");
                for (int e = 0; e < 3; e++) {
                    String from = key(v, t[k + e]);
                    String to = key(v, t[k + (e + 1) % 3]);
                    directedEdges.merge(from + ">" + to, 1, Integer::sum);
                }
            }
            for (Map.Entry<String, Integer> edge : directedEdges.entrySet()) {
                String[] ends = edge.getKey().split(">");
                String from = ends[0];
                String to = ends[1];
                assertEquals(1, edge.getValue(), entry.getKey() + ": edge used twice in one direction");
                // The box's faces have their own corners (flat shading): an edge may be split into two halves, so
                // positions, not indices, identify it; every directed edge needs its reverse (closed, consistent).
                assertEquals(1, directedEdges.getOrDefault(to + ">" + from, 0),
                        entry.getKey() + ": edge " + from + "-" + to + " has no opposite (mesh not closed)");
            }
        }
    }

    private static String key(double[] v, int i) {
        return Math.round(v[3 * i] * 1e9) + "," + Math.round(v[3 * i + 1] * 1e9) + "," + Math.round(v[3 * i + 2] * 1e9);
    }

    @Test
    void boxInFrontOfPinholeLandsOnItsProjectedPixels() {
        Scene scene = frontLitScene();
        scene.add(Mesh.box(0.5, 0.25, 0.5), RED).placeAt(0.2, 0, 0);
        Camera camera = topCamera();
        RgbFrame frame = new Renderer().render(scene, camera, 64, 48);
        // Top face z = 0.5 is 1.5 from the eye; focal = 24 px (fov 90°, height 48): x = 32 + 24·(x_w / 1.5).
        double[] left = camera.project(new double[] {-0.3, 0.25, 0.5}, 64, 48);
        double[] right = camera.project(new double[] {0.7, -0.25, 0.5}, 64, 48);
        assertArrayEquals(new double[] {32 - 4.8, 24 - 4, 1.5}, left, 1e-12);
        assertArrayEquals(new double[] {32 + 11.2, 24 + 4, 1.5}, right, 1e-12);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                // x ∈ [27.2, 43.2]: the sub-pixel centres of column 27 (27.25, 27.75) are in, those of 43 are out.
                boolean inside = x >= 27 && x <= 42 && y >= 20 && y <= 27;
                boolean outside = !inside;
                if (inside) {
                    assertArrayEquals(new int[] {255, 0, 0}, frame.pixel(x, y), "pixel " + x + "," + y);
                } else if (outside) {
                    assertArrayEquals(new int[] {0, 0, 0}, frame.pixel(x, y), "pixel " + x + "," + y);
                }
            }
        }
    }

    @Test
    void nearerObjectHidesFartherOneWhateverTheDrawingOrder() {
        for (boolean nearFirst : new boolean[] {true, false}) {
            Scene scene = frontLitScene();
            Mesh near = Mesh.box(0.2, 0.2, 0.2);
            Mesh far = Mesh.box(0.4, 0.4, 0.1);
            if (nearFirst) {
                scene.add(near, RED).placeAt(0, 0, 0.5);
                scene.add(far, BLUE).placeAt(0, 0, 0);
            } else {
                scene.add(far, BLUE).placeAt(0, 0, 0);
                scene.add(near, RED).placeAt(0, 0, 0.5);
            }
            RgbFrame frame = new Renderer().render(scene, topCamera(), 64, 64);
            assertArrayEquals(new int[] {255, 0, 0}, frame.pixel(32, 32), "centre, near first " + nearFirst);
            // The far box (top at 0.1, 1.9 away) reaches 32 ± 32·0.4/1.9 = ±6.7 px; the near one ±32·0.2/1.3 = 4.9 px.
            assertArrayEquals(new int[] {0, 0, 255}, frame.pixel(32 + 5, 32), "rim, near first " + nearFirst);
        }
    }

    @Test
    void lambertAndAmbientShading() {
        Scene scene = new Scene().light(new double[] {1, 0, 1}, 0.3, 0.5);
        scene.add(Mesh.box(1, 1, 1), GREY).placeAt(0, 0, 0);
        RgbFrame frame = new Renderer().render(scene, topCamera(), 32, 32);
        // Top face: n = +z, n·l = 1/√2: level 0.3 + 0.5/√2.
        int expected = (int) Math.round(128 * (0.3 + 0.5 / Math.sqrt(2)));
        assertArrayEquals(new int[] {expected, expected, expected}, frame.pixel(16, 16));
    }

    @Test
    void orthographicCameraShowsMetricSizes() {
        Scene scene = frontLitScene();
        scene.add(Mesh.box(0.1, 0.05, 0.01), RED).placeAt(0.15, 0.15, 0);
        Camera camera = Camera.orthographic(new double[] {0, 0, 1}, new double[] {0, 0, 0}, new double[] {0, 1, 0}, 0.3);
        RgbFrame frame = new Renderer().render(scene, camera, 60, 60); // 100 px per metre
        // x ∈ [0.05, 0.25] → columns 35..54; y ∈ [0.1, 0.2] → rows 10..19 (y up is image up).
        assertArrayEquals(new int[] {255, 0, 0}, frame.pixel(35, 10));
        assertArrayEquals(new int[] {255, 0, 0}, frame.pixel(54, 19));
        assertArrayEquals(new int[] {0, 0, 0}, frame.pixel(34, 15));
        assertArrayEquals(new int[] {0, 0, 0}, frame.pixel(55, 15));
        assertArrayEquals(new int[] {0, 0, 0}, frame.pixel(45, 9));
        assertArrayEquals(new int[] {0, 0, 0}, frame.pixel(45, 20));
        // An edge at x = 0.053 (column 35.3): one of the pixel's two sub-pixel columns is covered, so half red.
        Scene edge = frontLitScene();
        edge.add(Mesh.box(0.1, 0.05, 0.01), RED).placeAt(0.153, 0.15, 0);
        RgbFrame half = new Renderer().render(edge, camera, 60, 60);
        assertArrayEquals(new int[] {128, 0, 0}, half.pixel(35, 15));
        assertArrayEquals(new int[] {255, 0, 0}, half.pixel(36, 15));
    }

    @Test
    void floorReachingBehindThePinholeIsClippedNotDistorted() {
        Scene scene = frontLitScene().light(new double[] {0, 0, 1}, 0.2, 0.8);
        scene.add(Mesh.box(5, 5, 0.01), GREY).placeAt(0, 0, -0.01);
        Camera camera = Camera.lookAt(new double[] {0, -1, 0.5}, new double[] {0, 0, 0}, new double[] {0, 0, 1}, 90);
        RgbFrame frame = new Renderer().render(scene, camera, 40, 40);
        // The view's lower half looks down at the floor; its top rows look at the sky above the horizon.
        assertArrayEquals(new int[] {128, 128, 128}, frame.pixel(20, 39));
        assertArrayEquals(new int[] {128, 128, 128}, frame.pixel(0, 30));
        assertArrayEquals(new int[] {0, 0, 0}, frame.pixel(20, 0));
    }

    @Test
    void rejectsBadSizesAndDegenerateCameras() {
        assertThrows(IllegalArgumentException.class, () -> new Renderer().render(new Scene(), topCamera(), 0, 10));
        assertThrows(IllegalArgumentException.class,
                () -> Camera.lookAt(new double[] {0, 0, 1}, new double[] {0, 0, 0}, new double[] {0, 0, 1}, 60));
        assertThrows(IllegalArgumentException.class, () -> Mesh.capsule(0.1, 0.1, 2));
        assertTrue(List.of(Mesh.sphere(1, 8).triangleCount()).get(0) > 0);
    }
}
