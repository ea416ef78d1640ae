package org.gpsros.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MlpConfigTest {
    @Test
    void defaultsAreTheMdgpsNetwork() {
        MlpConfig config = MlpConfig.defaults();
        assertEquals(List.of(40, 40), config.hiddenWidths());
        assertEquals(MlpConfig.Activation.RELU, config.activation());
        assertEquals(MlpConfig.DataType.FLOAT64, config.dataType());
        MlpConfig soft = MlpConfig.softRectifier(20);
        assertEquals(List.of(20), soft.hiddenWidths());
        assertEquals(MlpConfig.Activation.SOFTPLUS, soft.activation());
    }

    @Test
    void invalidConfigsAreRejectedNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MlpConfig.defaults().withHiddenWidths(List.of(40, 0)));
        assertTrue(e.getMessage().contains("hiddenWidths[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlpConfig.defaults().withActivation(null));
    }

    @Test
    void widthsAreCopied() {
        List<Integer> widths = new ArrayList<>(List.of(3, 4));
        MlpConfig config = MlpConfig.defaults().withHiddenWidths(widths);
        widths.add(5);
        assertEquals(List.of(3, 4), config.hiddenWidths());
    }
}
