package org.gpsros.app.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsFileTest {

    @Test
    void policyColumnsAndTestConditionRowsRoundTrip(@TempDir Path folder) throws Exception {
        MetricsFile file = new MetricsFile(folder.resolve("metrics.csv"), true);
        file.start(0);
        MetricsRow training = new MetricsRow(0, 1, 10.5, 1.25, 9, 12, 0.3, 1.0, 2.5e-3, 0.2, 1.5, 0.75,
                new MetricsRow.PolicyMetrics(11.0, 0.05, 1.0));
        MetricsRow test = MetricsRow.testCondition(0, 7, new MetricsRow.PolicyMetrics(13.0, 0.2, 0.0));
        file.append(List.of(training, test));

        List<String> lines = Files.readAllLines(file.path());
        assertEquals(MetricsRow.POLICY_HEADER, lines.get(0));
        assertEquals("0,7,,,,,,,,,,,13.0,0.2,0.0", lines.get(2), "a test condition has policy columns only");
        List<MetricsRow> rows = file.read();
        assertEquals(training, rows.get(0));
        assertTrue(rows.get(0).isTraining());
        assertFalse(rows.get(1).isTraining());
        assertEquals(13.0, rows.get(1).policy().meanCost());
        assertTrue(Double.isNaN(rows.get(1).meanCost()));

        // A resume keeps the earlier rows and the header with the policy columns.
        file.start(1);
        assertEquals(3, Files.readAllLines(file.path()).size());
        assertEquals(MetricsRow.POLICY_HEADER, Files.readAllLines(file.path()).get(0));
    }

    @Test
    void rowsWithoutPolicyKeepTheTwelveContractColumns(@TempDir Path folder) throws Exception {
        MetricsFile file = new MetricsFile(folder.resolve("metrics.csv"));
        file.start(0);
        file.append(List.of(new MetricsRow(3, 0, 1, 0, 1, 1, 0.5, 1, 1, 0.2, 0.1, 0.1)));
        List<String> lines = Files.readAllLines(file.path());
        assertEquals(MetricsRow.HEADER, lines.get(0));
        assertEquals(12, lines.get(1).split(",", -1).length);
        assertNull(file.read().get(0).policy());
    }
}
