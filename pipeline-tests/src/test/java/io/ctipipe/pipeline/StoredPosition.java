package io.ctipipe.pipeline;

import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.contracts.stream.IngesterState;
import io.ctipipe.kafka.embedded.TopicContents;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The ingester's position as a restarted ingester would find it: the newest committed record of the
 * state topic for the stream. Works whichever process runs the ingester.
 */
final class StoredPosition implements Supplier<Optional<IngesterState>> {
    private final String bootstrap;
    private final String streamId;

    StoredPosition(String bootstrap, String streamId) {
        this.bootstrap = bootstrap;
        this.streamId = streamId;
    }

    @Override
    public Optional<IngesterState> get() {
        IngesterState newest = null;
        for (ConsumerRecord<byte[], byte[]> record :
                TopicContents.committedSoFar(bootstrap, Topics.defaults().ingesterState())) {
            boolean ours =
                    record.key() != null
                            && streamId.equals(new String(record.key(), StandardCharsets.UTF_8));
            if (ours && record.value() != null) {
                newest = IngesterState.fromJson(record.value());
            }
        }
        return Optional.ofNullable(newest);
    }
}
