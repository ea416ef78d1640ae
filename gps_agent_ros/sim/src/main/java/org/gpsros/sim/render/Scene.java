package org.gpsros.sim.render;

import java.util.ArrayList;
import java.util.List;

/**
 * What a camera sees: solid-coloured meshes, each placed by a rotation and a translation, lit by one directional light
 * plus ambient light, in front of a background colour. The tasks build their scene once per world and move the items
 * each frame ({@link Item#place}); mutable, not thread-safe.
 */
public final class Scene {

    private final List<Item> items = new ArrayList<>();
    private final double[] towardLight = Camera.normalized(new double[] {0.3, -0.4, 1.0}, "light");
    private double ambient = 0.45;
    private double diffuse = 0.55;
    private int background = 0x000000;

    /** One mesh in the scene with its pose and colour. */
    public static final class Item {
        private final Mesh mesh;
        private final double[] rotation = {1, 0, 0, 0, 1, 0, 0, 0, 1};
        private final double[] translation = new double[3];
        private int color;
        private boolean visible = true;

        private Item(Mesh mesh, int color) {
            this.mesh = mesh;
            this.color = color;
        }

        /**
         * Places the mesh: world point = rotation · local point + translation.
         *
         * @param rotation 3×3 row-major, or null for none
         * @param translation 3 values
         */
        public Item place(double[] rotation, double[] translation) {
            if (rotation == null) {
                this.rotation[0] = 1;
                this.rotation[1] = 0;
                this.rotation[2] = 0;
                this.rotation[3] = 0;
                this.rotation[4] = 1;
                this.rotation[5] = 0;
                this.rotation[6] = 0;
                this.rotation[7] = 0;
                this.rotation[8] = 1;
            } else {
                System.arraycopy(rotation, 0, this.rotation, 0, 9);
            }
            System.arraycopy(translation, 0, this.translation, 0, 3);
            return this;
        }

        /** Places the mesh at (x, y, z) without rotation. */
        public Item placeAt(double x, double y, double z) {
            return place(null, new double[] {x, y, z});
        }

        /**
         * Places a mesh built along z (cylinder, capsule) so its axis runs from {@code a} to {@code b}: the local
         * z axis along b − a, the origin at their midpoint. The mesh's length is its own; only the pose changes.
         */
        public Item placeAlong(double[] a, double[] b) {
            double[] z = Camera.normalized(new double[] {b[0] - a[0], b[1] - a[1], b[2] - a[2]}, "segment b − a");
            double[] helper = Math.abs(z[0]) < 0.9 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
            double[] x = Camera.normalized(Camera.cross(helper, z), "segment frame");
            double[] y = Camera.cross(z, x);
            for (int i = 0; i < 3; i++) {
                rotation[3 * i] = x[i];
                rotation[3 * i + 1] = y[i];
                rotation[3 * i + 2] = z[i];
                translation[i] = (a[i] + b[i]) / 2;
            }
            return this;
        }

        /** @param rgb 0xRRGGBB */
        public Item color(int rgb) {
            this.color = rgb;
            return this;
        }

        public Item visible(boolean show) {
            this.visible = show;
            return this;
        }

        Mesh mesh() {
            return mesh;
        }

        double[] rotation() {
            return rotation;
        }

        double[] translation() {
            return translation;
        }

        int color() {
            return color;
        }

        boolean isVisible() {
            return visible;
        }
    }

    /** Adds {@code mesh} in colour 0xRRGGBB at the origin; place it with the returned item. */
    public Item add(Mesh mesh, int rgb) {
        Item item = new Item(mesh, rgb);
        items.add(item);
        return item;
    }

    List<Item> items() {
        return items;
    }

    /** The colour of pixels that no mesh covers, 0xRRGGBB. */
    public Scene background(int rgb) {
        this.background = rgb;
        return this;
    }

    int background() {
        return background;
    }

    /**
     * The lighting: a face with unit normal n gets its colour times ambient + diffuse · max(0, n · towardLight).
     *
     * @param direction toward the light (normalised here)
     */
    public Scene light(double[] direction, double ambientLevel, double diffuseLevel) {
        double[] d = Camera.normalized(direction, "light direction");
        System.arraycopy(d, 0, towardLight, 0, 3);
        this.ambient = ambientLevel;
        this.diffuse = diffuseLevel;
        return this;
    }

    double[] towardLight() {
        return towardLight;
    }

    double ambient() {
        return ambient;
    }

    double diffuse() {
        return diffuse;
    }
}
