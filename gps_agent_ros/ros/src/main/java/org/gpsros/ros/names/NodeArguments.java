package org.gpsros.ros.names;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ROS part of a node's command line (ROS wiki "Remapping Arguments"): {@code from:=to} remappings, special keys
 * ({@code __name:=}, {@code __ns:=}, {@code __master:=}, {@code __ip:=}, {@code __hostname:=}, {@code __log:=}) and
 * private parameters {@code _param:=value} (value read as a YAML scalar or flow list, like rospy's
 * {@code yaml.safe_load}). Every other argument is kept, in order, in {@link #programArguments()}.
 *
 * @param remappings        {@code from -> to} as written (resolved later in the node's namespace)
 * @param special           the {@code __key:=value} entries keyed without the leading {@code __}
 * @param privateParameters {@code _name:=value} entries keyed by {@code name}, with parsed values
 * @param programArguments  arguments that are not ROS arguments
 */
public record NodeArguments(Map<String, String> remappings, Map<String, String> special,
        Map<String, Object> privateParameters, List<String> programArguments) {

    /** Copies the collections. */
    public NodeArguments {
        remappings = Collections.unmodifiableMap(new LinkedHashMap<>(remappings));
        special = Collections.unmodifiableMap(new LinkedHashMap<>(special));
        privateParameters = Collections.unmodifiableMap(new LinkedHashMap<>(privateParameters));
        programArguments = List.copyOf(programArguments);
    }

    /** No ROS arguments at all. */
    public static final NodeArguments NONE = new NodeArguments(Map.of(), Map.of(), Map.of(), List.of());

    /**
     * @param args the command line
     * @return the parsed arguments
     * @throws IllegalArgumentException if a remapping or parameter name is not a legal graph name
     */
    public static NodeArguments parse(List<String> args) {
        Map<String, String> remappings = new LinkedHashMap<>();
        Map<String, String> special = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int sep = arg.indexOf(":=");
            if (sep <= 0) {
                rest.add(arg);
                continue;
            }
            String key = arg.substring(0, sep);
            String value = arg.substring(sep + 2);
            if (key.startsWith("__")) {
                special.put(key.substring(2), value);
            } else if (key.startsWith("_")) {
                String name = key.substring(1);
                if (!GraphName.isLegal(name) || !GraphName.of(name).isRelative()) {
                    throw new IllegalArgumentException("illegal private parameter name in '" + arg + "'");
                }
                params.put(name, YamlScalars.parse(value));
            } else {
                if (!GraphName.isLegal(key) || !GraphName.isLegal(value)) {
                    throw new IllegalArgumentException("illegal remapping '" + arg + "': both sides must be legal"
                            + " graph names");
                }
                remappings.put(key, value);
            }
        }
        return new NodeArguments(remappings, special, params, rest);
    }

    /**
     * @param args the command line
     * @return the parsed arguments
     */
    public static NodeArguments parse(String... args) {
        return parse(List.of(args));
    }

    /**
     * @param key a special key without {@code __}, e.g. {@code name}
     * @return its value, if given
     */
    public Optional<String> special(String key) {
        return Optional.ofNullable(special.get(key));
    }
}
