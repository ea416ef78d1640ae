package org.gpsros.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of embedded simulated tasks by name (TASKS.md): {@code box2d_pointmass} and
 * {@code box2d_arm}. Each task documents its state layout and its x0 conventions.
 */
public final class SimTasks {

    /** The point mass of TASKS.md §1. */
    public static final String BOX2D_POINTMASS = PointMassTask.NAME;
    /** The two-link arm of TASKS.md §2. */
    public static final String BOX2D_ARM = ArmTask.NAME;
    /** The point mass around obstacles of TASKS.md §3 (train conditions 0–4, test 5–9). */
    public static final String OBSTACLE_NAV = ObstacleNavTask.NAME;

    private static final Map<String, Function<SimTaskOptions, SimTask>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(BOX2D_ARM, ArmTask::new);
        FACTORIES.put(BOX2D_POINTMASS, PointMassTask::new);
        FACTORIES.put(OBSTACLE_NAV, ObstacleNavTask::new);
    }

    private SimTasks() {
    }

    /** The known task names, sorted. */
    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }

    /** The task {@code name} with the reference's defaults ({@link SimTaskOptions#defaults()}). */
    public static SimTask create(String name) {
        return create(name, SimTaskOptions.defaults());
    }

    /**
     * The task {@code name} with {@code options}.
     *
     * @throws IllegalArgumentException if the name is unknown (the message lists the known ones) or the
     *     options do not fit the task
     */
    public static SimTask create(String name, SimTaskOptions options) {
        Function<SimTaskOptions, SimTask> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown simulated task '" + name + "'; known tasks: "
                    + String.join(", ", names()));
        }
        return factory.apply(options);
    }
}
