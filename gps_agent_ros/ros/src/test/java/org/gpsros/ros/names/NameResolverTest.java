package org.gpsros.ros.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases from the ROS wiki "Names" §1.1.3 table and "Remapping Arguments". */
class NameResolverTest {
    @Test
    void wikiResolutionTable() {
        NameResolver r = NameResolver.of(GraphName.of("/wg/node1"), Map.of());
        assertEquals("/wg/bar", r.resolve("bar").toString());
        assertEquals("/bar", r.resolve("/bar").toString());
        assertEquals("/wg/node1/bar", r.resolve("~bar").toString());
        assertEquals("/wg/foo/bar", r.resolve("foo/bar").toString());
        assertEquals("/wg/node1", r.resolve("~").toString());
        assertEquals("/wg", r.namespace().toString());
    }

    @Test
    void remappingsResolveBothSidesInTheNodesNamespace() {
        NameResolver r = NameResolver.of(GraphName.of("/robot1/gps_learner"),
                Map.of("trial_command", "/gps_controller_trial_command", "~status", "status_out",
                        "/abs", "rel"));
        assertEquals("/gps_controller_trial_command", r.resolve("trial_command").toString());
        assertEquals("/gps_controller_trial_command", r.resolve("/robot1/trial_command").toString());
        assertEquals("/robot1/status_out", r.resolve("~status").toString());
        assertEquals("/robot1/rel", r.resolve("/abs").toString());
        assertEquals("/robot1/other", r.resolve("other").toString());
    }

    @Test
    void nodeNameMustBeGlobal() {
        assertThrows(IllegalArgumentException.class, () -> NameResolver.of(GraphName.of("node"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> NameResolver.of(GraphName.ROOT, Map.of()));
    }
}
