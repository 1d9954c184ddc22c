package io.ctipipe.ops.internals;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a stage's consumer group, or shows what it would do: the plan first, then (with execute)
 * the check that the group is inactive, the optional forgetting of the sink's memory, and the
 * offsets committed in one {@code alterConsumerGroupOffsets} call.
 */
public final class GroupReplay {
    private static final Logger log = LoggerFactory.getLogger(GroupReplay.class);

    private final Admin admin;
    private final Clock clock;
    private final PrintWriter out;

    public GroupReplay(Admin admin, Clock clock, PrintWriter out) {
        this.admin = admin;
        this.clock = clock;
        this.out = out;
    }

    /**
     * The stage to move.
     *
     * @param service the service to name in messages: mapper or sink
     * @param hint added to the refusal, e.g. how long a stopped member lingers
     */
    public record Target(String service, String group, String topic, String hint) {}

    /** Where the sink's memory lives, for {@code --resend}. */
    public record Resend(SinkMemory memory, Map<String, Object> producerConfig) {}

    /** Shows the plan; with {@code execute} applies it. {@code resend} may be null. */
    public void run(Target target, ResetSpec spec, boolean execute, Resend resend) {
        GroupGuard guard = new GroupGuard(admin);
        GroupGuard.GroupActivity activity = guard.activity(target.group());
        if (execute && activity.active()) {
            throw new IllegalStateException(
                    GroupGuard.refusal(activity, target.service(), target.hint()));
        }
        ResetPlan plan =
                new OffsetResetPlanner(admin, clock).plan(target.group(), target.topic(), spec);
        out.printf(
                "%s of the %s: group %s on topic %s, %s%n",
                execute ? "Replay" : "Dry run",
                target.service(),
                target.group(),
                target.topic(),
                spec.describe());
        out.print(plan.table());
        if (execute) {
            apply(target, plan, resend);
        } else {
            explainDryRun(target, activity, resend);
        }
        out.flush();
    }

    private void apply(Target target, ResetPlan plan, Resend resend) {
        if (resend != null) {
            forget(resend);
        }
        KafkaCalls.await(
                admin.alterConsumerGroupOffsets(target.group(), plan.offsets()).all(),
                "moving group "
                        + target.group()
                        + " (if it just became active, stop the "
                        + target.service()
                        + " and run the command again)");
        log.info(
                "Moved consumer group group={} topic={} spec={} partitions={}",
                target.group(),
                target.topic(),
                plan.spec(),
                plan.changedPartitions());
        out.printf(
                "Moved group %s: %d of %d partitions changed. Start the %s to replay.%n",
                target.group(), plan.changedPartitions(), plan.rows().size(), target.service());
    }

    private void forget(Resend resend) {
        Map<TopicPartition, Set<ByteBuffer>> keys = resend.memory().remembered();
        int written = SinkMemory.forget(keys, resend.producerConfig());
        log.info("Cleared the sink's memory of uploads indicators={}", written);
        out.printf(
                "The sink forgot what it uploaded for %d Indicators: it uploads every replayed"
                        + " command again, once.%n",
                written);
    }

    private void explainDryRun(Target target, GroupGuard.GroupActivity activity, Resend resend) {
        if (activity.active()) {
            out.println(
                    "Warning: "
                            + GroupGuard.refusal(activity, target.service(), target.hint())
                                    .replace("; nothing was changed", " before --execute"));
        }
        if (resend != null) {
            int count = SinkMemory.count(resend.memory().remembered());
            out.printf(
                    "--resend would make the sink forget what it uploaded for %d Indicators.%n",
                    count);
        }
        out.println("Nothing changed (dry run): add --execute to apply.");
    }
}
