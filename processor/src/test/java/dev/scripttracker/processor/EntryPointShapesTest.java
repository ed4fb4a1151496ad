package dev.scripttracker.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scripttracker.EntryPoint;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The processor's copy of the entry points is the runtime's definition, constant for constant. */
class EntryPointShapesTest {

    @Test
    void everyShapeIsTheRuntimesEntryPoint_inItsOrder() {
        List<EntryPoints.Shape> runtime = Arrays.stream(EntryPoint.values())
                .map(kind -> new EntryPoints.Shape(kind.name(), kind.supertype().orElse(null), kind.methodName(),
                        kind.isStatic(), kind.parameterTypes()))
                .toList();

        assertEquals(runtime, EntryPoints.SHAPES);
    }
}
