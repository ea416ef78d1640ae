package org.gpsros.ros.api;

/** A parameter has another type than the one asked for (e.g. a string where a double was expected). */
public final class ParameterTypeException extends RosException {
    private static final long serialVersionUID = 1L;

    /**
     * @param name     the resolved name
     * @param expected the type asked for
     * @param value    the value found
     */
    public ParameterTypeException(String name, String expected, Object value) {
        super("parameter " + name + " is " + (value == null ? "null" : value.getClass().getSimpleName() + " " + value)
                + ", expected " + expected);
    }
}
