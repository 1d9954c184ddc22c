package io.ctipipe.ingester.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.contracts.stream.StreamPosition;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the stream on its own thread and hands complete id groups to the Kafka writer through a
 * bounded queue: a slow writer pauses reading (TCP back-pressure) and, since the read timeout only
 * runs while waiting for bytes, is never mistaken for a dead stream. Reconnects in-process by
 * cause: at once and then with jittered exponential backoff after network failures, 5xx and 429;
 * slowly, with an ERROR saying what to check, after 401, 410 and other configuration errors.
 */
public final class StreamReader implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(StreamReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DATA_EVENTS = Set.of("create", "update", "delete", "merge");

    private final StreamClient client;
    private final GroupAssembler assembler;
    private final BlockingQueue<HandOff> queue;
    private final ReaderSettings settings;
    private final IngesterMetrics metrics;
    private volatile boolean stopped;
    private volatile StreamConnection current;
    private volatile Failure lastPermanent;
    private volatile Instant failingSince;
    private volatile String lastFailure;
    private boolean delivered;

    public StreamReader(
            StreamClient client,
            GroupAssembler assembler,
            BlockingQueue<HandOff> queue,
            ReaderSettings settings,
            IngesterMetrics metrics) {
        this.client = client;
        this.assembler = assembler;
        this.queue = queue;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                attempt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void attempt() throws InterruptedException {
        try {
            readOnce();
        } catch (StreamFailureException e) {
            if (!stopped) {
                retryAfter(e);
            }
        }
    }

    /** Stops reading: cancels the open connection; the owner interrupts the thread. */
    public void stop() {
        stopped = true;
        StreamConnection connection = current;
        if (connection != null) {
            connection.cancel();
        }
    }

    /** The configuration error the last attempt hit, while it lasts. */
    public Optional<Failure> permanentFailure() {
        return Optional.ofNullable(lastPermanent);
    }

    private void readOnce() throws StreamFailureException, InterruptedException {
        StreamPosition resume = assembler.position();
        Optional<Instant> recover = recover(resume);
        try (StreamConnection connection = client.open(resume, recover)) {
            current = connection;
            if (stopped) {
                connection.cancel();
            }
            connected(resume, recover);
            consume(connection.parser(), resume);
            throw new StreamFailureException(
                    FailureClassifier.endOfStream(), "end of stream", Duration.ZERO, null);
        } finally {
            current = null;
            metrics.connected(false);
            assembler.discardOpenGroup();
        }
    }

    private void connected(StreamPosition resume, Optional<Instant> recover) {
        metrics.connected(true);
        failingSince = null;
        assembler.connected();
        delivered = false;
        log.info(
                "Stream connected url={} resumeFrom={} recover={}",
                client.url(),
                resume,
                recover.map(Instant::toString).orElse("off"));
    }

    private void consume(SseParser parser, StreamPosition resume)
            throws StreamFailureException, InterruptedException {
        long counted = 0;
        try {
            SseMessage message;
            while ((message = parser.next()) != null && !stopped) {
                metrics.bytes(parser.bytesRead() - counted);
                counted = parser.bytesRead();
                handle(message, resume);
            }
        } catch (IOException e) {
            throw new StreamFailureException(
                    FailureClassifier.stream(e), e.toString(), Duration.ZERO, e);
        } finally {
            metrics.bytes(parser.bytesRead() - counted);
        }
    }

    private void handle(SseMessage message, StreamPosition resume) throws InterruptedException {
        String event = message.event();
        if (event.equals("connected")) {
            checkGap(message, resume);
        } else if (event.equals("heartbeat")) {
            Optional<StreamPosition> id = position(message);
            if (id.isPresent()) {
                seen(id.get());
                put(assembler.onHeartbeat(id.get()));
            }
        } else if (DATA_EVENTS.contains(event)) {
            onData(message);
        } else {
            log.debug("Ignoring stream message event={} id={}", event, message.id());
        }
    }

    private void onData(SseMessage message) throws InterruptedException {
        Optional<StreamPosition> id = position(message);
        if (id.isEmpty()) {
            log.warn(
                    "Skipping a stream message without a valid id event={} id='{}'",
                    message.event(),
                    message.id());
            return;
        }
        seen(id.get());
        StreamEvent event =
                new StreamEvent(
                        message.event(), id.get(), EventKeys.keyOf(message.data()), message.data());
        log.trace("Stream message event={} id={}", event.event(), event.id());
        if (!event.id().isAfter(resumeFloor())) {
            metrics.repeatDropped();
        }
        put(assembler.onEvent(event));
    }

    private StreamPosition resumeFloor() {
        return assembler.floor();
    }

    private void seen(StreamPosition id) {
        metrics.seen(id);
        if (!delivered) {
            delivered = true;
            settings.backoff().reset();
            lastPermanent = null;
        }
    }

    private void put(Optional<HandOff> item) throws InterruptedException {
        if (item.isPresent()) {
            queue.put(item.get());
        }
    }

    /**
     * Warns when the resume id is older than the oldest retained entry. The platform does not say
     * how many entries were trimmed, so the gap is reported in milliseconds only; when the trimmed
     * entry was the one right before the oldest, the warning is a false alarm.
     */
    private void checkGap(SseMessage message, StreamPosition resume) {
        String first = firstEventId(message.dataUtf8());
        if (resume.equals(StreamPosition.START) || !StreamPosition.isValid(first)) {
            return;
        }
        StreamPosition oldest = StreamPosition.parse(first);
        if (oldest.isAfter(resume)) {
            long millis = oldest.millis() - resume.millis();
            metrics.gap(millis);
            log.warn(
                    "Stream resumed before the oldest retained entry: events in between were"
                            + " trimmed by the platform and may be lost resumeFrom={}"
                            + " firstEventId={} gapMs={} (a recover run can fetch the current"
                            + " state of objects; deletions in the gap cannot be recovered)",
                    resume,
                    oldest,
                    millis);
        }
    }

    private static String firstEventId(String data) {
        try {
            JsonNode info = JSON.readTree(data);
            return info.path("firstEventId").asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private static Optional<StreamPosition> position(SseMessage message) {
        return StreamPosition.isValid(message.id())
                ? Optional.of(StreamPosition.parse(message.id()))
                : Optional.empty();
    }

    private Optional<Instant> recover(StreamPosition resume) {
        Instant until = settings.recoverUntil();
        if (until == null || resume.millis() > until.toEpochMilli()) {
            return Optional.empty();
        }
        return Optional.of(until);
    }

    /** Logs, counts and waits before the next attempt. */
    /**
     * Why the stream has been unreachable for longer than the given time (connections refused,
     * timed out, cut before anything arrived), or empty while it works.
     */
    public Optional<String> failingLongerThan(Duration limit, Instant now) {
        Instant since = failingSince;
        if (since == null || Duration.between(since, now).compareTo(limit) < 0) {
            return Optional.empty();
        }
        long seconds = Duration.between(since, now).toSeconds();
        return Optional.of("no working stream connection for " + seconds + " s: " + lastFailure);
    }

    private void retryAfter(StreamFailureException e) throws InterruptedException {
        Failure failure = e.failure();
        if (failingSince == null) {
            failingSince = Instant.now();
        }
        lastFailure = failure.cause() + " (" + e.getMessage() + ")";
        metrics.reconnect(failure.cause());
        Duration delay;
        if (failure.kind() == FailureKind.RETRIABLE) {
            lastPermanent = null;
            Duration backoff = settings.backoff().next();
            delay = backoff.compareTo(e.retryAfter()) >= 0 ? backoff : e.retryAfter();
            log.warn(
                    "Stream connection lost cause={} detail={} resumeFrom={} retryInMs={}",
                    failure.cause(),
                    e.getMessage(),
                    assembler.position(),
                    delay.toMillis());
        } else {
            lastPermanent = failure;
            delay = settings.backoff().slow(settings.permanentRetry());
            log.error(
                    "OpenCTI refused the stream cause={} detail={} url={}: {}; retryInMs={}",
                    failure.cause(),
                    e.getMessage(),
                    client.url(),
                    failure.hint(),
                    delay.toMillis());
        }
        settings.sleeper().sleep(delay);
    }
}
