package io.ctipipe.emulator.opencti.internals;

import com.sun.net.httpserver.HttpServer;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/** The emulator's parts, wired onto an HTTP server that is not started yet. */
public record StreamHandlers(
        HttpServer server,
        ExecutorService executor,
        EventLog eventLog,
        FaultState faults,
        ConnectorRegistry connectors,
        StreamHandler streams,
        AtomicBoolean stopped) {

    public static StreamHandlers create(
            OpenCtiEmulatorOptions options, HttpServer server, ExecutorService executor) {
        EventLog log = new EventLog(options.clock(), options.retention());
        FaultState faults = new FaultState(options.faults());
        AtomicBoolean stopped = new AtomicBoolean();
        SessionContext context =
                new SessionContext(log, faults, options.heartbeatPeriod(), stopped::get);
        StreamHandler streams = new StreamHandler(context, options.streamId(), options.token());
        ConnectorRegistry connectors = new ConnectorRegistry();
        GraphqlHandler graphql =
                new GraphqlHandler(
                        connectors, faults, options.streamId(), options.token(), stopped::get);
        server.createContext("/stream", streams);
        server.createContext("/graphql", graphql);
        server.setExecutor(executor);
        return new StreamHandlers(server, executor, log, faults, connectors, streams, stopped);
    }
}
