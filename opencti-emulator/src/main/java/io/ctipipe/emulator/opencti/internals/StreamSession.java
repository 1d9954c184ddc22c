package io.ctipipe.emulator.opencti.internals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One client connection to a stream, run on the request's own thread: {@code connected}, the
 * recover snapshot if asked, then entries and heartbeats as they come. Writes block when the client
 * does not read, so nothing piles up in memory and heartbeats pause, as on the platform.
 */
final class StreamSession {
    private static final int BATCH = 100;
    private static final long MAX_WAIT_MILLIS = 100;

    private final SessionContext context;
    private final StreamRequest request;
    private final boolean raw;
    private final SseWriter writer;
    private final SentCache sent = new SentCache();
    private final long startedNanos = System.nanoTime();
    private final long dropGeneration;
    private final long closeGeneration;
    private StreamId cursor;
    private StreamId position;
    private int messagesSent;
    private long nextHeartbeatNanos;

    StreamSession(SessionContext context, StreamRequest request, boolean raw, SseWriter writer) {
        this.context = context;
        this.request = request;
        this.raw = raw;
        this.writer = writer;
        this.dropGeneration = context.faults().dropGeneration();
        this.closeGeneration = context.faults().closeGeneration();
    }

    void run() throws IOException, InterruptedException {
        writer.connected(connectedData());
        cursor = request.start().orElseGet(context.log()::lastIssued);
        position = request.start().orElse(null);
        scheduleHeartbeat();
        if (recoverApplies()) {
            recover();
        }
        while (streaming()) {
            checkFaults();
            List<LogEntry> batch = context.log().readAfter(cursor, BATCH);
            if (batch.isEmpty()) {
                idle();
            }
            for (LogEntry entry : batch) {
                send(entry);
            }
        }
    }

    private boolean streaming() {
        return !context.stopped().getAsBoolean()
                && context.faults().closeGeneration() == closeGeneration;
    }

    private void checkFaults() throws InterruptedException {
        context.faults().awaitUnpaused();
        if (context.faults().dropGeneration() != dropGeneration) {
            throw new ConnectionAbort("dropped on request");
        }
        long silence = context.faults().silenceFor(startedNanos);
        if (silence > 0) {
            goSilent(Duration.ofNanos(silence));
        }
    }

    private void goSilent(Duration silence) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(silence.toNanos());
        throw new ConnectionAbort("half-open connection ended");
    }

    private void idle() throws IOException, InterruptedException {
        long waitMillis = TimeUnit.NANOSECONDS.toMillis(nextHeartbeatNanos - System.nanoTime());
        if (waitMillis > 0) {
            context.log().awaitAfter(cursor, Math.min(waitMillis, MAX_WAIT_MILLIS));
            return;
        }
        context.log().idlePosition(cursor).ifPresent(idle -> position = idle);
        heartbeat();
    }

    private void send(LogEntry entry) throws IOException, InterruptedException {
        if (!visible(entry)) {
            cursor = entry.id();
            position = entry.id();
            return;
        }
        boolean dependencies = !raw && sendDependencies(entry.id(), entry.references());
        if (dependencies && context.faults().heartbeatInsideGroups()) {
            heartbeat();
        }
        emit(entry.id(), entry.event(), entry.data());
        sent.add(entry.stixId());
        if (!raw && !request.noDependencies()) {
            sendRelationships(entry.id(), entry.stixId());
        }
        cursor = entry.id();
    }

    private boolean visible(LogEntry entry) {
        if (raw) {
            return true;
        }
        boolean deleteHidden = !request.listenDelete() && entry.event().equals("delete");
        boolean inferredHidden = !request.withInferences() && entry.isInferred();
        return !deleteHidden && !inferredHidden;
    }

    /** Sends referenced objects this connection has not sent yet; true if any was sent. */
    private boolean sendDependencies(StreamId id, List<String> references)
            throws IOException, InterruptedException {
        boolean any = false;
        for (String reference : references) {
            if (sent.contains(reference)) {
                continue;
            }
            var object = context.log().object(reference);
            if (object.isPresent()) {
                sent.add(reference);
                sendDependencies(id, Stix.references(object.get().stix()));
                emit(id, "create", synthesized(object.get().stix(), "init-dependencies"));
                any = true;
            }
        }
        return any;
    }

    private void sendRelationships(StreamId id, String stixId)
            throws IOException, InterruptedException {
        for (StoredObject relationship : context.log().relationshipsOf(stixId)) {
            if (!sent.contains(relationship.stixId())) {
                sent.add(relationship.stixId());
                sendDependencies(id, Stix.references(relationship.stix()));
                emit(id, "create", synthesized(relationship.stix(), "init-dependencies"));
            }
        }
    }

    private boolean recoverApplies() {
        return !raw
                && request.recover().isPresent()
                && request.start().isPresent()
                && request.recover().get().toEpochMilli() > request.start().get().millis();
    }

    /** The database snapshot of recover mode, ids {@code <updated_at>-0}, then Redis from R. */
    private void recover() throws IOException, InterruptedException {
        long until = request.recover().orElseThrow().toEpochMilli();
        List<StoredObject> snapshot =
                context.log().updatedBetween(request.start().orElseThrow().millis(), until);
        for (StoredObject object : snapshot) {
            if (!request.withInferences() && Stix.isInferred(object.stix())) {
                continue;
            }
            StreamId id = new StreamId(object.updatedAtMillis(), 0);
            sendDependencies(id, Stix.references(object.stix()));
            emit(id, "create", synthesized(object.stix(), "init-create"));
            sent.add(object.stixId());
        }
        StreamId live = new StreamId(until, 0);
        cursor = live.isAfter(cursor) ? live : cursor;
    }

    private void emit(StreamId id, String event, String data)
            throws IOException, InterruptedException {
        checkFaults();
        int dropEvery = context.faults().dropEvery();
        if (dropEvery > 0 && messagesSent >= dropEvery) {
            writer.partial(id, event, data);
            throw new ConnectionAbort("dropped after " + messagesSent + " messages");
        }
        writer.message(id, event, data);
        messagesSent++;
        position = id;
        Duration silence = context.faults().claimHalfOpen(messagesSent);
        if (!silence.isZero()) {
            goSilent(silence);
        }
        if (System.nanoTime() >= nextHeartbeatNanos) {
            heartbeat();
        }
    }

    private void heartbeat() throws IOException {
        if (position != null) {
            writer.heartbeat(position);
        }
        scheduleHeartbeat();
    }

    private void scheduleHeartbeat() {
        nextHeartbeatNanos = System.nanoTime() + context.heartbeatPeriod().toNanos();
    }

    private String connectedData() {
        EventLog.LogInfo info = context.log().info();
        ObjectNode data = Stix.object();
        data.put("lastEventId", info.last().toString());
        data.put("firstEventId", info.first().toString());
        data.put("firstEventDate", Stix.iso(info.first().time()));
        data.put("lastEventDate", Stix.iso(info.last().time()));
        data.put("streamSize", info.size());
        data.put("connectionId", UUID.randomUUID().toString());
        return Stix.write(data);
    }

    /** A message the server builds itself: only data, message, origin and version. */
    static String synthesized(JsonNode stix, String referer) {
        ObjectNode envelope = Stix.object();
        envelope.set("data", stix);
        envelope.put(
                "message",
                "creates a " + Stix.entityType(stix) + " `" + Stix.displayName(stix) + "`");
        envelope.putObject("origin").put("referer", referer);
        envelope.put("version", "4");
        return Stix.write(envelope);
    }
}
