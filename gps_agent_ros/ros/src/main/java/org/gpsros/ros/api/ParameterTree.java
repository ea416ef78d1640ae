package org.gpsros.ros.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gpsros.ros.names.GraphName;

/**
 * The parameter server (ROS wiki "Parameter Server"), names resolved by the node ({@code ~name} is private to it).
 * Values are XML-RPC values: String, Integer, Double, Boolean, byte[], List and Map&lt;String,Object&gt; (a
 * namespace reads as a map, as YAML dictionaries loaded by rosparam/roslaunch do). Every call goes to the master;
 * failures to reach it throw {@link RosException}.
 */
public interface ParameterTree {
    /**
     * @param name a parameter name
     * @return whether it is set
     */
    boolean has(String name);

    /**
     * @param name a parameter name
     * @return its value, if set
     */
    Optional<Object> get(String name);

    /**
     * @param name a parameter name
     * @return its value
     * @throws ParameterNotFoundException if not set
     * @throws ParameterTypeException     if not a string
     */
    String getString(String name);

    /**
     * @param name         a parameter name
     * @param defaultValue returned when not set
     * @return its value or the default
     * @throws ParameterTypeException if set but not a string
     */
    String getString(String name, String defaultValue);

    /**
     * @param name a parameter name
     * @return its value
     * @throws ParameterNotFoundException if not set
     * @throws ParameterTypeException     if not an integer
     */
    int getInteger(String name);

    /**
     * @param name         a parameter name
     * @param defaultValue returned when not set
     * @return its value or the default
     * @throws ParameterTypeException if set but not an integer
     */
    int getInteger(String name, int defaultValue);

    /**
     * @param name a parameter name
     * @return its value (an integer is widened)
     * @throws ParameterNotFoundException if not set
     * @throws ParameterTypeException     if not a number
     */
    double getDouble(String name);

    /**
     * @param name         a parameter name
     * @param defaultValue returned when not set
     * @return its value or the default (an integer is widened)
     * @throws ParameterTypeException if set but not a number
     */
    double getDouble(String name, double defaultValue);

    /**
     * @param name a parameter name
     * @return its value
     * @throws ParameterNotFoundException if not set
     * @throws ParameterTypeException     if not a boolean
     */
    boolean getBoolean(String name);

    /**
     * @param name         a parameter name
     * @param defaultValue returned when not set
     * @return its value or the default
     * @throws ParameterTypeException if set but not a boolean
     */
    boolean getBoolean(String name, boolean defaultValue);

    /**
     * @param name a parameter name
     * @return its value
     * @throws ParameterNotFoundException if not set
     * @throws ParameterTypeException     if not a list
     */
    List<Object> getList(String name);

    /**
     * @param name a parameter name (often a namespace)
     * @return its value
     * @throws ParameterNotFoundException if not set
     * @throws ParameterTypeException     if not a map
     */
    Map<String, Object> getMap(String name);

    /**
     * @param name  a parameter name
     * @param value String, Integer, Double, Boolean, byte[], List or Map (a map sets a namespace)
     * @throws IllegalArgumentException if the value has no XML-RPC form
     */
    void set(String name, Object value);

    /**
     * @param name a parameter name
     * @return whether it was set (and is now deleted)
     */
    boolean delete(String name);

    /**
     * Searches the node's namespace and its parents for a key (the master's {@code searchParam}).
     *
     * @param name a relative key
     * @return the closest global name that is set, if any
     */
    Optional<GraphName> search(String name);

    /** @return every parameter name on the server */
    List<GraphName> names();

    /**
     * Subscribes to a parameter (and everything below it): the master calls back on every change.
     *
     * @param name     a parameter name
     * @param listener told of changes; also re-subscribed after a master restart
     * @return its current value (an empty map if unset)
     */
    Object subscribe(String name, ParameterListener listener);
}
