package io.ctipipe.emulator.opencti.internals;

import io.ctipipe.emulator.opencti.RegisteredConnector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Connectors registered through GraphQL, with the state of their last ping. */
public final class ConnectorRegistry {
    private final Map<String, RegisteredConnector> connectors = new LinkedHashMap<>();

    public synchronized RegisteredConnector register(
            String id, String name, String type, List<String> scope) {
        RegisteredConnector old = connectors.get(id);
        String state = old == null ? null : old.state();
        int pings = old == null ? 0 : old.pings();
        RegisteredConnector connector =
                new RegisteredConnector(id, name, type, List.copyOf(scope), state, pings);
        connectors.put(id, connector);
        return connector;
    }

    public synchronized Optional<RegisteredConnector> ping(String id, String state) {
        RegisteredConnector old = connectors.get(id);
        if (old == null) {
            return Optional.empty();
        }
        String kept = state == null ? old.state() : state;
        RegisteredConnector pinged =
                new RegisteredConnector(
                        id, old.name(), old.type(), old.scope(), kept, old.pings() + 1);
        connectors.put(id, pinged);
        return Optional.of(pinged);
    }

    public synchronized List<RegisteredConnector> all() {
        return new ArrayList<>(connectors.values());
    }
}
