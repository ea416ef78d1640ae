package org.gpsros.ros.names;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GraphNameTest {
    @Test
    void canonicalisesRepeatedAndTrailingSlashes() {
        assertEquals("/gps/status", GraphName.of("/gps//status/").toString());
        assertEquals("status", GraphName.of("status/").toString());
        assertEquals("~cost", GraphName.of("~/cost").toString());
        assertSame(GraphName.ROOT, GraphName.of("//"));
        assertSame(GraphName.EMPTY, GraphName.of(""));
    }

    @Test
    void kinds() {
        assertTrue(GraphName.of("/a").isGlobal());
        assertTrue(GraphName.of("~a").isPrivate());
        assertTrue(GraphName.of("a/b").isRelative());
        assertTrue(GraphName.of("").isRelative());
        assertFalse(GraphName.of("/a").isRelative());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "/a b", "/a-b", "a~b", "/ü", "_x", "/a.b", "~~a"})
    void rejectsIllegalNames(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphName.of(name));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/a/1b", "/a/_b", "a1_b/c", "~", "/gps_learner/cost/condition_0"})
    void acceptsNamesThatRoscppAccepts(String name) {
        assertTrue(GraphName.isLegal(name));
    }

    @Test
    void parentBaseNameJoinSegments() {
        GraphName n = GraphName.of("/robot1/gps_learner");
        assertEquals(GraphName.of("/robot1"), n.parent());
        assertEquals(GraphName.ROOT, GraphName.of("/a").parent());
        assertEquals(GraphName.EMPTY, GraphName.of("a").parent());
        assertEquals("gps_learner", n.baseName());
        assertEquals("x", GraphName.of("~x").baseName());
        assertEquals(GraphName.of("/robot1/gps_learner/status"), n.join("status"));
        assertEquals(GraphName.of("/abs"), n.join("/abs"));
        assertEquals(GraphName.of("/x"), GraphName.ROOT.join("x"));
        assertEquals(n, n.join(GraphName.EMPTY));
        assertThrows(IllegalArgumentException.class, () -> n.join("~p"));
        assertEquals(List.of("robot1", "gps_learner"), n.segments());
    }

    @Test
    void isInNamespace() {
        assertTrue(GraphName.of("/a/b/c").isIn(GraphName.of("/a/b")));
        assertTrue(GraphName.of("/a/b").isIn(GraphName.of("/a/b")));
        assertFalse(GraphName.of("/a/bc").isIn(GraphName.of("/a/b")));
        assertTrue(GraphName.of("/a").isIn(GraphName.ROOT));
    }

    @Property(tries = 300)
    void canonicalFormIsAFixedPoint(@ForAll @StringLength(max = 20) String raw) {
        String candidate = raw.replaceAll("[^a-z/~_0-9]", "a");
        if (!GraphName.isLegal(candidate)) {
            return;
        }
        GraphName once = GraphName.of(candidate);
        assertEquals(once, GraphName.of(once.toString()));
        assertFalse(once.toString().contains("//"));
        assertTrue(once.isRoot() || !once.toString().endsWith("/"));
    }
}
