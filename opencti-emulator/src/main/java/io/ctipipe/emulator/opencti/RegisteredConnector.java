package io.ctipipe.emulator.opencti;

import java.util.List;

/**
 * A connector as the emulated platform knows it after {@code registerConnector} and {@code
 * pingConnector}.
 *
 * @param state the last state sent with a ping (a JSON string), or null before the first ping
 * @param pings how many pings arrived
 */
public record RegisteredConnector(
        String id, String name, String type, List<String> scope, String state, int pings) {}
