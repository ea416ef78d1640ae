package org.gpsros.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.gpsros.app.config.ConfigLoader;
import org.gpsros.app.config.ExperimentConfig;
import org.gpsros.app.monitor.MetricsRow;
import org.junit.jupiter.api.Test;

class ResultsTableTest {
    private static final String CONFIG = """
            task: box2d_pointmass
            algorithm: {type: mdgps, mdgps: {sample_on_policy: true}}
            init_controller: {type: pd}
            cost: [{type: action, weight: 1, wu: [1, 1]}]
            """;

    @Test
    void successIsAveragedOverConditionsThenSummarisedOverSeeds() {
        ExperimentConfig config = ConfigLoader.parse(CONFIG, "x.yaml");
        // Seed A: at iteration index 2 (reported as "itr 3"), training successes 1 and 0 → 50 %; test 1 → 100 %.
        // Seed B: training 1 and 1 → 100 %; test 0 → 0 %.
        List<ResultsTable.Run> runs = List.of(run("a", config, 1, 0, 1), run("b", config, 1, 1, 0));
        List<ResultsTable.Line> lines = ResultsTable.lines(runs, List.of(3));
        assertEquals(2, lines.size());
        assertEquals("on-policy", lines.get(0).sampling());
        assertEquals("policy success %", lines.get(0).measure());
        assertEquals("train", lines.get(0).conditions());
        assertEquals(List.of("75 ± 25"), lines.get(0).cells());
        assertEquals("test", lines.get(1).conditions());
        assertEquals(List.of("50 ± 50"), lines.get(1).cells());
        assertEquals(2, lines.get(0).runs());
    }

    private static ResultsTable.Run run(String name, ExperimentConfig config, double first, double second, double test) {
        List<MetricsRow> rows = new ArrayList<>();
        for (int iteration = 0; iteration < 3; iteration++) {
            boolean last = iteration == 2;
            rows.add(new MetricsRow(iteration, 0, 5, 1, 4, 6, 0.1, 1, 1, 0.2, 1, 1,
                    new MetricsRow.PolicyMetrics(5, 0.1, last ? first : 0)));
            rows.add(new MetricsRow(iteration, 1, 5, 1, 4, 6, 0.1, 1, 1, 0.2, 1, 1,
                    new MetricsRow.PolicyMetrics(5, 0.1, last ? second : 0)));
            rows.add(MetricsRow.testCondition(iteration, 2, new MetricsRow.PolicyMetrics(5, 0.1, last ? test : 0)));
        }
        return new ResultsTable.Run(name, config, rows);
    }
}
