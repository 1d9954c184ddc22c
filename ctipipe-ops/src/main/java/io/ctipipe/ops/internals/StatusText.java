package io.ctipipe.ops.internals;

import java.time.Instant;

/** {@link StatusReport} as text: a stage table, a partition table, then the other lines. */
public final class StatusText {
    private StatusText() {}

    public static String render(StatusReport report) {
        StringBuilder text = new StringBuilder();
        text.append("Pipeline status at ").append(TimeText.shown(report.at())).append('\n');
        text.append(stages(report)).append('\n');
        text.append(partitions(report)).append('\n');
        text.append(ingester(report));
        text.append(depths(report));
        report.notes().forEach(note -> text.append("Note: ").append(note).append('\n'));
        text.append(report.stuck() ? "Result: STUCK\n" : "Result: ok\n");
        return text.toString();
    }

    private static String stages(StatusReport report) {
        TextTable table =
                new TextTable("STAGE", "GROUP", "TOPIC", "STATE", "LAG", "LAST COMMIT", "VERDICT");
        for (StageStatus stage : report.stages()) {
            table.row(
                    stage.stage(),
                    stage.group(),
                    stage.topic(),
                    stage.state() + " (" + stage.members() + ")",
                    stage.lag(),
                    commit(stage.lastCommit(), stage.commitTimesKnown(), report.at()),
                    stage.verdict());
        }
        return table.render();
    }

    private static String partitions(StatusReport report) {
        TextTable table =
                new TextTable(
                        "STAGE",
                        "PARTITION",
                        "COMMITTED",
                        "END",
                        "LAG",
                        "LAST COMMIT",
                        "WAITING SINCE");
        for (StageStatus stage : report.stages()) {
            for (PartitionStatus partition : stage.partitions()) {
                table.row(
                        stage.stage(),
                        partition.partition(),
                        partition.committed(),
                        partition.end(),
                        partition.lag(),
                        commit(partition.lastCommit(), stage.commitTimesKnown(), report.at()),
                        partition.oldestWaiting() == null
                                ? null
                                : TimeText.shown(partition.oldestWaiting()));
            }
        }
        return table.render();
    }

    private static String commit(Instant time, boolean known, Instant now) {
        if (!known) {
            return "unknown";
        }
        return time == null
                ? "none found"
                : TimeText.shown(time) + " (" + TimeText.ago(time, now) + ")";
    }

    private static String ingester(StatusReport report) {
        IngesterStatus ingester = report.ingester();
        if (ingester == null) {
            return "";
        }
        StringBuilder line = new StringBuilder("ingester  stream ").append(ingester.streamId());
        if (ingester.position() != null) {
            line.append(": position ")
                    .append(ingester.position())
                    .append(" (")
                    .append(TimeText.shown(ingester.positionTime()))
                    .append(", ")
                    .append(TimeText.ago(ingester.positionTime(), report.at()))
                    .append("), written ")
                    .append(TimeText.shown(ingester.updatedAt()));
            if (ingester.rewound()) {
                line.append(" by ctipipe replay");
            }
        }
        return line.append(": ").append(ingester.verdict()).append('\n').toString();
    }

    private static String depths(StatusReport report) {
        StringBuilder text = new StringBuilder("dead letters ");
        for (TopicDepth depth : report.deadLetters()) {
            text.append(' ').append(depth(depth));
        }
        text.append("\nskipped  ").append(depth(report.skipped()));
        return text.append("\n(depths count offsets: transaction markers included)\n").toString();
    }

    private static String depth(TopicDepth depth) {
        return depth.topic() + " " + (depth.records() == null ? "missing" : depth.records());
    }
}
