package org.gpsros.ros.internal.master;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The master's {@code getSystemState}: for each topic its publishing and subscribing nodes, for each service its
 * providers.
 *
 * @param publishers  topic name -> node names
 * @param subscribers topic name -> node names
 * @param services    service name -> node names
 */
public record SystemState(Map<String, List<String>> publishers, Map<String, List<String>> subscribers,
        Map<String, List<String>> services) {
    /** Copies the maps. */
    public SystemState {
        publishers = Collections.unmodifiableMap(new LinkedHashMap<>(publishers));
        subscribers = Collections.unmodifiableMap(new LinkedHashMap<>(subscribers));
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
    }

    /** @return every node named anywhere in the state */
    public Set<String> nodes() {
        Set<String> out = new TreeSet<>();
        publishers.values().forEach(out::addAll);
        subscribers.values().forEach(out::addAll);
        services.values().forEach(out::addAll);
        return out;
    }
}
