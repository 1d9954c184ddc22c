package io.ctipipe.ops;

import io.ctipipe.ops.internals.DeadLetterListing;
import io.ctipipe.ops.internals.OpsClients;
import io.ctipipe.ops.internals.RedriveProgress;
import io.ctipipe.ops.internals.Redriver;
import io.ctipipe.ops.internals.TopicReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ctipipe dlq redrive}: sends selected dead letters back to where they came from. */
@Command(
        name = "redrive",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Send the selected dead letters back to the topic they came from (the source-topic"
                    + " header says which): original key, value and headers, without the"
                    + " dead-letter context headers, plus a redrive counter"
                    + " (ctipipe.dlq.redrive.count).",
            "Exactly once: what was redriven is remembered on <dlq topic>.redriven, written in"
                    + " the same Kafka transaction, so running it again sends only what is new.",
            "Order per Indicator is safe: the sink applies a command only when its eventId is"
                    + " newer than the one it applied for that Indicator, so a redriven upsert"
                    + " never undoes a later delete, and nothing already in SentinelOne is sent"
                    + " twice. Run it once the cause is fixed (SentinelOne back, API key"
                    + " replaced); with the sink running is fine."
        })
final class DlqRedriveCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigOption config;

    @Mixin DlqSelection selection;

    @Option(
            names = "--limit",
            paramLabel = "N",
            description = "Send at most N records (default: every match).")
    Long limit;

    @Option(names = "--dry-run", description = "Show what would be sent; send nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        checkOptions();
        OpsConfig ops = config.load();
        String topic = selection.kind.topic(ops.topics());
        Map<String, Object> producer =
                OpsClients.producerConfig(
                        ops.kafka(), "ctipipe-ops-redrive", "ctipipe-ops-redrive-" + topic);
        Redriver.Request request =
                new Redriver.Request(
                        selection.kind,
                        topic,
                        selection.filter(),
                        limit == null ? Long.MAX_VALUE : limit,
                        dryRun,
                        producer);
        try (Admin admin = OpsClients.admin(ops.kafka());
                TopicReader reader =
                        new TopicReader(
                                OpsClients.readerConfig(ops.kafka(), "ctipipe-ops-redrive"))) {
            Redriver.Outcome outcome = new Redriver(admin, reader, Clock.systemUTC()).run(request);
            report(topic, outcome);
        }
        return 0;
    }

    private void report(String topic, Redriver.Outcome outcome) {
        PrintWriter out = spec.commandLine().getOut();
        int count = outcome.selected().size();
        out.printf(
                dryRun
                        ? "Dry run: would redrive %d record(s) from %s%n"
                        : "Redrove %d record(s) from %s%n",
                count,
                topic);
        if (count > 0) {
            out.print(DeadLetterListing.of(outcome.selected()).table());
        }
        out.printf(
                "Passed over: %d already redriven, %d without a source-topic header, %d whose"
                        + " source topic does not exist.%n",
                outcome.alreadyRedriven(), outcome.withoutSourceTopic(), outcome.missingTarget());
        if (dryRun) {
            out.println("Nothing sent (dry run): run without --dry-run to send.");
        } else {
            out.println("Progress is kept on " + RedriveProgress.topicFor(topic) + ".");
        }
        out.flush();
    }

    private void checkOptions() {
        if (!selection.kind.redrivable()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "skipped Indicators cannot be redriven: the mapper would skip them again;"
                            + " fix the mapping, then replay the mapper (ctipipe replay --stage"
                            + " mapper)");
        }
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be 1 or more");
        }
    }
}
