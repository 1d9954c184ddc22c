package io.ctipipe.cli.quickstart;

import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.contracts.stream.StreamPosition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;

/**
 * Watches a running pipeline: counts from the services' meters, and whether everything the OpenCTI
 * emulator holds has gone all the way through (ingester position at the stream's end, mapper and
 * sink groups with no lag).
 */
final class PipelineProbe implements AutoCloseable {
    private final Admin admin;
    private final MeterRegistry registry;
    private final Topics topics = Topics.defaults();
    private final Supplier<Optional<IngesterState>> ingesterState;
    private final StreamPosition streamEnd;
    private final BacklogCheck backlog;

    PipelineProbe(
            String bootstrap,
            MeterRegistry registry,
            Supplier<Optional<IngesterState>> ingesterState,
            String lastEventId) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        this.registry = registry;
        this.ingesterState = ingesterState;
        this.streamEnd = StreamPosition.parse(lastEventId);
        this.backlog = new BacklogCheck(admin, bootstrap);
    }

    /** True once the ingester has committed the stream's last id and no stage lags. */
    boolean drained() throws ExecutionException, InterruptedException {
        boolean ingested =
                ingesterState.get().map(s -> !streamEnd.isAfter(s.streamPosition())).orElse(false);
        if (!ingested) {
            return false;
        }
        return backlog.caughtUp(PipelineEnvironment.MAPPER_GROUP, topics.events())
                && backlog.caughtUp(PipelineEnvironment.SINK_GROUP, topics.iocs());
    }

    /** Which stage is still working, for a run that times out. */
    String pendingStage() throws ExecutionException, InterruptedException {
        if (!ingesterState.get().map(s -> !streamEnd.isAfter(s.streamPosition())).orElse(false)) {
            return "stream-ingester (stored position "
                    + ingesterState.get().map(IngesterState::position).orElse("none")
                    + ", stream ends at "
                    + streamEnd
                    + ")";
        }
        if (!backlog.caughtUp(PipelineEnvironment.MAPPER_GROUP, topics.events())) {
            return "ioc-mapper-streams (records left on " + topics.events() + ")";
        }
        return "sentinelone-sink (records left on " + topics.iocs() + ")";
    }

    Counts counts() {
        return new Counts(
                sum("ctipipe.ingester.events", Map.of()),
                sum("ctipipe.mapper.records", Map.of("outcome", "upsert")),
                sum("ctipipe.mapper.records", Map.of("outcome", "delete")),
                sum("ctipipe.mapper.records", Map.of("outcome", "skipped")),
                sum("ctipipe.sink.iocs.uploaded", Map.of()),
                sum("ctipipe.sink.iocs.deleted", Map.of()),
                sum("ctipipe.sink.dlq.records", Map.of()),
                sum("ctipipe.sink.api.retries", Map.of()));
    }

    /** Counts of the mapper's records by one tag, e.g. skipped by reason. */
    Map<String, Long> mapperCountsBy(String outcome, String tag) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        Search.in(registry)
                .name("ctipipe.mapper.records")
                .tag("outcome", outcome)
                .counters()
                .forEach(
                        counter ->
                                counts.merge(
                                        String.valueOf(counter.getId().getTag(tag)),
                                        (long) counter.count(),
                                        Long::sum));
        return counts;
    }

    private long sum(String name, Map<String, String> tags) {
        Search search = Search.in(registry).name(name);
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            search = search.tag(tag.getKey(), tag.getValue());
        }
        return (long) search.counters().stream().mapToDouble(Counter::count).sum();
    }

    /** What the progress line and the summary show. */
    record Counts(
            long eventsRead,
            long upserts,
            long deletes,
            long skipped,
            long iocsUploaded,
            long iocsDeleted,
            long deadLettered,
            long retries) {}

    @Override
    public void close() {
        backlog.close();
        admin.close();
    }
}
