package io.ctipipe.ingester.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.ingester.IngesterConfig;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the ingester show in OpenCTI's connector list like the original stream connector: checks at
 * start-up that the live stream exists and is started, registers as a STREAM connector, then pings
 * with its committed state. Every failure is logged and retried at the next tick; none ever stops
 * ingestion, whose state of record is Kafka, not the platform.
 */
public final class OpenCtiRegistrar implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenCtiRegistrar.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String REGISTER =
            "mutation RegisterConnector($input: RegisterConnectorInput) {"
                    + " registerConnector(input: $input) { id connector_state } }";
    static final String PING =
            "mutation PingConnector($id: ID!, $state: String) {"
                    + " pingConnector(id: $id, state: $state) { id connector_state } }";
    static final String STREAM =
            "query StreamCollection($id: String!) {"
                    + " streamCollection(id: $id) {"
                    + " id name description stream_live stream_public } }";

    private final IngesterConfig config;
    private final GraphqlClient graphql;
    private final CommittedState state;
    private final ScheduledExecutorService schedule;
    private boolean streamChecked;
    private boolean registered;

    public OpenCtiRegistrar(IngesterConfig config, CommittedState state) {
        this.config = config;
        this.graphql = new GraphqlClient(config);
        this.state = state;
        this.schedule =
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "ctipipe-ingester-opencti");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    public void start() {
        long period = config.pingInterval().toMillis();
        schedule.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
    }

    void tick() {
        try {
            if (!streamChecked) {
                streamChecked = checkStream();
            }
            if (!registered) {
                register();
                registered = true;
            }
            ping();
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "OpenCTI GraphQL call failed, ingestion goes on connectorId={} reason={}",
                    config.connectorId(),
                    e.getMessage());
        }
    }

    private boolean checkStream() throws IOException {
        if (config.streamId().equals("live")) {
            return true;
        }
        ObjectNode variables = GraphqlClient.variables().put("id", config.streamId());
        JsonNode stream = graphql.execute(STREAM, variables).path("streamCollection");
        if (stream.isMissingNode() || stream.isNull()) {
            log.error(
                    "The live stream does not exist or this user cannot see it streamId={}:"
                            + " check CONNECTOR_LIVE_STREAM_ID and OPENCTI_TOKEN",
                    config.streamId());
            return false;
        }
        if (!stream.path("stream_live").asBoolean(true)) {
            log.error(
                    "The live stream is stopped streamId={} name='{}': start it in OpenCTI",
                    config.streamId(),
                    stream.path("name").asText());
            return false;
        }
        log.info(
                "Live stream found streamId={} name='{}'",
                config.streamId(),
                stream.path("name").asText());
        return true;
    }

    private void register() throws IOException {
        ObjectNode input = GraphqlClient.variables();
        input.put("id", config.connectorId());
        input.put("name", config.connectorName());
        input.put("type", "STREAM");
        config.connectorScope().forEach(input.putArray("scope")::add);
        input.put("auto", false);
        input.put("only_contextual", false);
        input.put("playbook_compatible", false);
        graphql.execute(REGISTER, GraphqlClient.variables().set("input", input));
        log.info(
                "Registered with OpenCTI connectorId={} name='{}' type=STREAM",
                config.connectorId(),
                config.connectorName());
    }

    private void ping() throws IOException {
        ObjectNode variables = GraphqlClient.variables().put("id", config.connectorId());
        state.get().ifPresent(committed -> variables.put("state", pingState(committed)));
        graphql.execute(PING, variables);
        log.debug("Pinged OpenCTI connectorId={}", config.connectorId());
    }

    /** The state in the shape the Python connector helper stores: start_from, recover_until. */
    static String pingState(IngesterState committed) {
        ObjectNode node = JSON.createObjectNode();
        node.put("start_from", committed.position());
        node.put(
                "recover_until",
                committed.recoverUntil() == null ? null : committed.recoverUntil().toString());
        return node.toString();
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        graphql.shutdown();
    }
}
