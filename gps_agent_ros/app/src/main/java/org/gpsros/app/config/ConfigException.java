package org.gpsros.app.config;

/**
 * A configuration that cannot be used: unknown key, wrong type, missing field or invalid value. The message is one
 * line naming the file, the full key path and what was expected; the CLI prints it and exits with status 2.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
