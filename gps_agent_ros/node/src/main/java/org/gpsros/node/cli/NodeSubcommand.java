package org.gpsros.node.cli;

import org.gpsros.app.cli.GpsSubcommand;

/** Adds {@code gps node} to the {@code gps} command. */
public final class NodeSubcommand implements GpsSubcommand {
    @Override
    public Object command() {
        return new NodeCommand();
    }
}
