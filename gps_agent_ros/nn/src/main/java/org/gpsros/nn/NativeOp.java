package org.gpsros.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A libnd4j custom op bound once to its arrays and arguments in a reusable {@link OpContext} (as in
 * {@link MlpDirectExecution}): a run is one native call with no shape inference and no allocation. The context's
 * native memory is freed by ND4J's deallocator once it is unreachable. Also accumulates its own run time when
 * profiling is on (for the per-op breakdown of the benchmarks).
 */
final class NativeOp {
    private final String name;
    private final DynamicCustomOp op;
    private final OpContext context;
    private long nanos;
    private long runs;

    NativeOp(String name, INDArray[] inputs, INDArray[] outputs, long[] integerArguments,
             double[] floatingPointArguments) {
        this.name = name;
        DynamicCustomOp.DynamicCustomOpsBuilder builder = DynamicCustomOp.builder(name).addInputs(inputs)
                .addOutputs(outputs);
        if (integerArguments.length > 0) {
            int[] arguments = new int[integerArguments.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = Math.toIntExact(integerArguments[i]);
            }
            builder.addIntegerArguments(arguments);
        }
        if (floatingPointArguments.length > 0) {
            Double[] arguments = new Double[floatingPointArguments.length];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = floatingPointArguments[i];
            }
            builder.addFloatingPointArguments(arguments);
        }
        op = builder.build();
        context = Nd4j.getExecutioner().buildContext();
        context.setInputArrays(inputs);
        context.setOutputArrays(outputs);
        context.setIArguments(integerArguments);
        context.setTArguments(floatingPointArguments);
    }

    String name() {
        return name;
    }

    void run(boolean profile) {
        if (profile) {
            long start = System.nanoTime();
            Nd4j.getExecutioner().exec(op, context);
            nanos += System.nanoTime() - start;
            runs++;
        } else {
            Nd4j.getExecutioner().exec(op, context);
        }
    }

    long nanos() {
        return nanos;
    }

    long runs() {
        return runs;
    }

    void resetProfile() {
        nanos = 0;
        runs = 0;
    }
}
