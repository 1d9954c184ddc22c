package io.ctipipe.ops.internals;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** The offsets a reset would commit for one group on one topic, next to the current ones. */
public record ResetPlan(String group, String topic, String spec, List<Row> rows) {

    public ResetPlan {
        rows = List.copyOf(rows);
    }

    /** One partition: the committed offset (empty when none) and the new one. */
    public record Row(int partition, OptionalLong current, long target) {
        public boolean changes() {
            return current.isEmpty() || current.getAsLong() != target;
        }
    }

    /** What to pass to {@code alterConsumerGroupOffsets}. */
    public Map<TopicPartition, OffsetAndMetadata> offsets() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new TreeMap<>(ResetPlan::byPartition);
        rows.forEach(
                row ->
                        offsets.put(
                                new TopicPartition(topic, row.partition()),
                                new OffsetAndMetadata(row.target())));
        return offsets;
    }

    public long changedPartitions() {
        return rows.stream().filter(Row::changes).count();
    }

    /** PARTITION / CURRENT / NEW / MOVE, one line per partition. */
    public String table() {
        TextTable table = new TextTable("PARTITION", "CURRENT", "NEW", "MOVE");
        for (Row row : rows) {
            String current = row.current().isPresent() ? "" + row.current().getAsLong() : "-";
            table.row(row.partition(), current, row.target(), move(row));
        }
        return table.render();
    }

    private static String move(Row row) {
        if (row.current().isEmpty()) {
            return "new";
        }
        long delta = row.target() - row.current().getAsLong();
        return delta > 0 ? "+" + delta : Long.toString(delta);
    }

    private static int byPartition(TopicPartition left, TopicPartition right) {
        return Integer.compare(left.partition(), right.partition());
    }
}
