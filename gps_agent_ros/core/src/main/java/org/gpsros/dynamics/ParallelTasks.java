package org.gpsros.dynamics;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Runs {@code tasks} independent pieces of work, task 0 on the calling thread and the rest on the common pool. */
final class ParallelTasks {
    private ParallelTasks() {
    }

    /** The default parallelism of the fits: two threads where the machine has two or more cores. */
    static int defaultParallelism() {
        return Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
    }

    /** Work on one item by one task (the task index selects per-thread buffers). */
    @FunctionalInterface
    interface ItemBody {
        void accept(int task, int item);
    }

    /**
     * Calls {@code body.accept(task, item)} once for every item in [0, count), the items claimed one at a time by
     * {@code tasks} workers (balances uneven items; each item's result must not depend on which task ran it).
     */
    static void forEach(int tasks, int count, ItemBody body) {
        int workers = Math.max(1, Math.min(tasks, count));
        if (workers == 1) {
            for (int item = 0; item < count; item++) {
                body.accept(0, item);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        run(workers, task -> {
            for (int item = next.getAndIncrement(); item < count; item = next.getAndIncrement()) {
                body.accept(task, item);
            }
        });
    }

    /** Calls {@code body.accept(task)} for task = 0 .. tasks−1, in parallel when tasks &gt; 1, and waits for all. */
    static void run(int tasks, IntConsumer body) {
        if (tasks <= 1) {
            body.accept(0);
            return;
        }
        ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks];
        for (int task = 1; task < tasks; task++) {
            int index = task;
            forked[task] = ForkJoinPool.commonPool().submit(() -> body.accept(index));
        }
        RuntimeException failure = null;
        try {
            body.accept(0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int task = 1; task < tasks; task++) {
            try {
                forked[task].join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
