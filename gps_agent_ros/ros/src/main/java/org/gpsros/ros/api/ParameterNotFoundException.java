package org.gpsros.ros.api;

/** A parameter that must exist is not set on the parameter server. */
public final class ParameterNotFoundException extends RosException {
    private static final long serialVersionUID = 1L;

    /** @param name the resolved name */
    public ParameterNotFoundException(String name) {
        super("parameter " + name + " is not set");
    }
}
