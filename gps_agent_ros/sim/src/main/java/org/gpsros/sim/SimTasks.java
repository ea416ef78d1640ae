package org.gpsros.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The registry of embedded simulated tasks by name (TASKS.md): {@code box2d_pointmass}, {@code box2d_arm},
 * {@code obstacle_nav} (JBox2D), {@code peg_insertion} and {@code blind_peg} (Bullet), {@code visual_reacher}
 * (two-link arm with RK4 and a software-rendered camera). Each task documents its state
 * layout, its conditions and its x0 conventions.
 */
public final class SimTasks {

    /** The point mass of TASKS.md §1. */
    public static final String BOX2D_POINTMASS = PointMassTask.NAME;
    /** The two-link arm of TASKS.md §2. */
    public static final String BOX2D_ARM = ArmTask.NAME;
    /** The point mass around obstacles of TASKS.md §3 (train conditions 0–4, test 5–9). */
    public static final String OBSTACLE_NAV = ObstacleNavTask.NAME;
    /** The 7-DoF peg insertion of TASKS.md §4 (Bullet). */
    public static final String PEG_INSERTION = PegInsertionTask.PEG_INSERTION;
    /** Peg insertion with a policy that does not see the hole, TASKS.md §5 (Bullet). */
    public static final String BLIND_PEG = PegInsertionTask.BLIND_PEG;
    /** The camera-guided two-link reacher of TASKS.md §6 (train conditions 0–3, test 4–13). */
    public static final String VISUAL_REACHER = VisualReacherTask.NAME;

    private static final Map<String, Function<SimTaskOptions, SimTask>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(BOX2D_ARM, ArmTask::new);
        FACTORIES.put(BOX2D_POINTMASS, PointMassTask::new);
        FACTORIES.put(OBSTACLE_NAV, ObstacleNavTask::new);
        FACTORIES.put(PEG_INSERTION, options -> PegInsertionTask.create(PEG_INSERTION, options));
        FACTORIES.put(BLIND_PEG, options -> PegInsertionTask.create(BLIND_PEG, options));
        FACTORIES.put(VISUAL_REACHER, VisualReacherTask::new);
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
