package org.gpsros.nn;

import java.io.PrintStream;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.NoOpMemoryMgr;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The process-wide ND4J settings and the workarounds for ND4J 1.0.0-M2.1 that the policy networks need
 * (java-dependencies.md §1): no periodic {@code System.gc()}, one thread, no array cache in SameDiff sessions, and
 * no "Added differentiated op" lines on stdout.
 */
final class Nd4jRuntime {
    private static final String DIFFERENTIATION_NOISE = "Added differentiated op ";
    private static final boolean THREADS_FROM_ENVIRONMENT = System.getenv("OMP_NUM_THREADS") != null;
    private static boolean initialised;
    /** The thread count last set by {@link #useThreads} (and the thread that set it: OpenMP's is per thread). */
    private static int threads = -1;
    private static Thread threadsSetBy;

    private Nd4jRuntime() {
    }

    /**
     * Loads the native backend once, turns off ND4J's periodic {@code System.gc()} (it stalls the 20 Hz control loop
     * now and then) and, unless {@code OMP_NUM_THREADS} is set in the environment, makes ND4J single-threaded
     * (OpenMP, OpenBLAS, libnd4j's own pool). Policy-sized MLPs gain nothing from threads, while the idle threads'
     * spinning made a batch-25 train step about 4x slower in wall time on a busy 2-core machine (measured: median
     * 36-40 ms with 2 threads, 7-8 ms with 1).
     */
    static synchronized void initialise() {
        if (!initialised) {
            Nd4j.getMemoryManager().togglePeriodicGc(false);
            if (System.getenv("OMP_NUM_THREADS") == null) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                Nd4j.factory().blas().setMaxThreads(1);
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(1);
            }
            initialised = true;
            threads = 1;
            threadsSetBy = Thread.currentThread();
        }
    }

    /**
     * Sets the threads of ND4J's native ops (OpenMP, which oneDNN uses, and libnd4j's own pool) for the ops that
     * follow on the calling thread, unless {@code OMP_NUM_THREADS} is set in the environment (then that rules).
     * Policy-sized MLPs want 1 ({@link #initialise()}); convolutions at 64..240 pixels gain about 2x from 2 threads on
     * the 2-core machine. Cheap when nothing changes (one comparison), a few JNI calls otherwise.
     */
    static synchronized void useThreads(int count) {
        if (THREADS_FROM_ENVIRONMENT || (count == threads && threadsSetBy == Thread.currentThread())) {
            return;
        }
        Nd4j.getEnvironment().setMaxThreads(count);
        Nd4j.getEnvironment().setMaxMasterThreads(count);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(count);
        threads = count;
        threadsSetBy = Thread.currentThread();
    }

    /**
     * Makes the calling thread's inference session of {@code graph} allocate fresh arrays instead of reusing them
     * from SameDiff's default {@code ArrayCacheMemoryMgr}: with the oneDNN build, repeated {@code output()} calls
     * on the cached arrays return different, wrong values (java-dependencies.md §1, "BUG (SameDiff inference with
     * oneDNN)"). Sessions are per thread, so this runs before every execution; it costs one map look-up.
     */
    static void useFreshArrays(SameDiff graph) {
        long thread = Thread.currentThread().getId();
        InferenceSession session = graph.getSessions().get(thread);
        if (session == null) {
            session = new InferenceSession(graph);
            graph.getSessions().put(thread, session);
        }
        if (!(session.getMmgr() instanceof NoOpMemoryMgr)) {
            session.setMmgr(new NoOpMemoryMgr());
        }
    }

    /**
     * {@code graph.createGradFunction(variables)} (the gradient graph for those variables only) without the "Added differentiated op NAME" line that SameDiff M2.1 prints
     * with {@code System.out.println} for every op: stdout is filtered (not muted) while it runs.
     */
    static synchronized void createGradientFunction(SameDiff graph, String... variables) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(original, true) {
            @Override
            public void println(String line) {
                if (line == null || !line.startsWith(DIFFERENTIATION_NOISE)) {
                    super.println(line);
                }
            }
        });
        try {
            graph.createGradFunction(variables);
        } finally {
            System.setOut(original);
        }
    }
}
