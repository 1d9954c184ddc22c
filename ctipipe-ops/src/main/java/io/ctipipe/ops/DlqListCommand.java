package io.ctipipe.ops;

import io.ctipipe.ops.internals.DeadLetterListing;
import io.ctipipe.ops.internals.OpsClients;
import io.ctipipe.ops.internals.TopicReader;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ctipipe dlq list}: a table (or JSON lines) of the matching dead letters. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "List dead letters, oldest first: partition:offset, time (of the last attempt when"
                    + " known), Indicator, IOC type:value, HTTP status, error, attempts, and how"
                    + " often it was redriven."
        })
final class DlqListCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigOption config;

    @Mixin DlqSelection selection;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "50",
            description = "Show at most N records (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
        OpsConfig ops = config.load();
        String topic = selection.kind.topic(ops.topics());
        PrintWriter out = spec.commandLine().getOut();
        try (TopicReader reader =
                new TopicReader(OpsClients.readerConfig(ops.kafka(), "ctipipe-ops-dlq"))) {
            if (reader.partitions(topic).isEmpty()) {
                throw new IllegalStateException("topic " + topic + " does not exist");
            }
            DeadLetterListing listing =
                    DeadLetterListing.read(
                            reader, topic, selection.kind, selection.filter(), limit);
            out.print(json ? listing.jsonLines() : listing.table());
        }
        out.flush();
        return 0;
    }
}
