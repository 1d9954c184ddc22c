package io.ctipipe.cli.quickstart;

import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.ops.LagProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Watches a running pipeline: counts from the services' meters, and whether everything the OpenCTI
 * emulator holds has gone all the way through: the ingester's position at the stream's end, and the
 * mapper and sink groups drained ({@link LagProbe#drained}: no lag, no transaction left open on
 * their input, such as a killed mapper's).
 */
final class PipelineProbe implements AutoCloseable {
    private final MeterRegistry registry;
    private final Topics topics = Topics.defaults();
    private final Supplier<Optional<IngesterState>> ingesterState;
    private final StreamPosition streamEnd;
    private final LagProbe lags;

    PipelineProbe(
            String bootstrap,
            MeterRegistry registry,
            Supplier<Optional<IngesterState>> ingesterState,
            String lastEventId) {
        this.registry = registry;
        this.ingesterState = ingesterState;
        this.streamEnd = StreamPosition.parse(lastEventId);
        this.lags = LagProbe.connect(KafkaSettings.of(bootstrap));
    }

    /** True once the ingester has committed the stream's last id and both groups are drained. */
    boolean drained() throws ExecutionException, InterruptedException {
        boolean ingested =
                ingesterState.get().map(s -> !streamEnd.isAfter(s.streamPosition())).orElse(false);
        if (!ingested) {
            return false;
        }
        return lags.drained(PipelineEnvironment.MAPPER_GROUP, topics.events())
                && lags.drained(PipelineEnvironment.SINK_GROUP, topics.iocs());
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
        if (!lags.drained(PipelineEnvironment.MAPPER_GROUP, topics.events())) {
            return "ioc-mapper-streams (records or an open transaction left on "
                    + topics.events()
                    + ")";
        }
        return "sentinelone-sink (records or an open transaction left on " + topics.iocs() + ")";
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
        lags.close();
    }
}
