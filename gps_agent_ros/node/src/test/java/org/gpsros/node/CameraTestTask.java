package org.gpsros.node;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.image.ImagePreprocessor;
import org.gpsros.image.ImageSpec;
import org.gpsros.image.RgbFrame;
import org.gpsros.sample.Sample;
import org.gpsros.sample.SensorLayout;
import org.gpsros.sample.SensorType;
import org.gpsros.sim.SimTask;
import org.gpsros.sim.SimWorld;

/**
 * A task with a test camera on top of another task (until the visual tasks land): the observation is the base task's
 * plus RGB_IMAGE of size×size, and the camera renders a picture that is a deterministic function of the state, so
 * every step's frame differs and a frame paired with the wrong step is caught. The background colour follows the
 * first three state entries, a white 3×3 block moves with the next two.
 */
public final class CameraTestTask implements SimTask {
    private final SimTask base;
    private final int size;
    private final SensorLayout observation;

    public CameraTestTask(SimTask base, int size) {
        this.base = base;
        this.size = size;
        List<SensorType> sensors = new ArrayList<>(base.observationLayout().sensors());
        List<Integer> dims = new ArrayList<>(base.observationLayout().dims());
        sensors.add(SensorType.RGB_IMAGE);
        dims.add(3 * size * size);
        this.observation = new SensorLayout(sensors, dims);
    }

    /** The frame the camera shows for packed state x. */
    public static RgbFrame render(double[] x, int width, int height) {
        byte[] rgb = new byte[width * height * 3];
        int r = (int) Math.floorMod(Math.round(x[0] * 4000), 256);
        int g = (int) Math.floorMod(Math.round(x[1] * 4000), 256);
        int b = (int) Math.floorMod(Math.round(x[2] * 4000), 256);
        int bx = (int) Math.floorMod(Math.round(x[3] * 50), width - 3);
        int by = (int) Math.floorMod(Math.round(x[4] * 50), height - 3);
        for (int y = 0; y < height; y++) {
            for (int px = 0; px < width; px++) {
                int i = 3 * (y * width + px);
                boolean block = px >= bx && px < bx + 3 && y >= by && y < by + 3;
                rgb[i] = (byte) (block ? 255 : r);
                rgb[i + 1] = (byte) (block ? 255 : g);
                rgb[i + 2] = (byte) (block ? 255 : b);
            }
        }
        return new RgbFrame(width, height, rgb);
    }

    /**
     * The in-process sample of the base task with RGB_IMAGE filled as the simulator's agent does: the camera's frame
     * of each x_t through the ImagePreprocessor, and RGB_IMAGE_SIZE {3, H, W}.
     */
    public Sample withImages(Sample local) {
        java.util.Map<SensorType, double[][]> sensors = new java.util.EnumMap<>(local.sensorData());
        double[][] images = new double[local.horizon()][];
        double[][] sizes = new double[local.horizon()][];
        try (ImagePreprocessor pre = new ImagePreprocessor(ImageSpec.of(size, size))) {
            for (int t = 0; t < local.horizon(); t++) {
                images[t] = pre.toObservation(render(local.state(t), size, size));
                sizes[t] = new double[] {3, size, size};
            }
        }
        sensors.put(SensorType.RGB_IMAGE, images);
        sensors.put(SensorType.RGB_IMAGE_SIZE, sizes);
        return new Sample(local.stateLayout(), observation, sensors, local.actions(), local.noise());
    }

    /** A controller of constant torques that moves the arm, for this task's horizon (noise covariance identity). */
    public org.gpsros.policy.LinearGaussianPolicy pushController() {
        int dU = actionDim();
        int dX = stateLayout().dimension();
        double[][] gains = new double[horizon()][dU * dX];
        double[][] feedforward = new double[horizon()][dU];
        double[][] covariance = new double[horizon()][dU * dU];
        for (int t = 0; t < horizon(); t++) {
            feedforward[t][0] = 0.5;
            feedforward[t][dU - 1] = -0.3;
            for (int i = 0; i < dU; i++) {
                covariance[t][i * dU + i] = 1;
            }
        }
        return org.gpsros.policy.LinearGaussianPolicy.of(gains, feedforward, covariance);
    }

    @Override
    public String name() {
        return base.name();
    }

    @Override
    public int horizon() {
        return base.horizon();
    }

    @Override
    public double timeStep() {
        return base.timeStep();
    }

    @Override
    public int actionDim() {
        return base.actionDim();
    }

    @Override
    public SensorLayout stateLayout() {
        return base.stateLayout();
    }

    @Override
    public SensorLayout observationLayout() {
        return observation;
    }

    @Override
    public int conditionCount() {
        return base.conditionCount();
    }

    @Override
    public SensorLayout extraSensorLayout() {
        return base.extraSensorLayout();
    }

    @Override
    public double[] initialState(int condition) {
        return base.initialState(condition);
    }

    @Override
    public SensorType targetSensor() {
        return base.targetSensor();
    }

    @Override
    public double[] target() {
        return base.target();
    }

    @Override
    public SimWorld newWorld(int condition) {
        SimWorld world = base.newWorld(condition);
        double[] x = new double[base.stateLayout().dimension()];
        return new SimWorld() {
            @Override
            public void readState(double[] state) {
                world.readState(state);
            }

            @Override
            public void step(double[] action) {
                world.step(action);
            }

            @Override
            public void readExtraSensors(double[] values) {
                world.readExtraSensors(values);
            }

            @Override
            public RgbFrame renderCamera(int width, int height) {
                world.readState(x);
                return render(x, width, height);
            }

            @Override
            public void close() {
                world.close();
            }
        };
    }

    @Override
    public double finalDistance(Sample sample, int condition) {
        return base.finalDistance(sample, condition);
    }

    @Override
    public double successDistance() {
        return base.successDistance();
    }
}
