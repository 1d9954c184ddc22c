package io.ctipipe.ops;

import io.ctipipe.contracts.stream.StreamPosition;
import io.ctipipe.ops.internals.GroupReplay;
import io.ctipipe.ops.internals.IngesterPositionStore;
import io.ctipipe.ops.internals.IngesterReplay;
import io.ctipipe.ops.internals.OpsClients;
import io.ctipipe.ops.internals.SinkMemory;
import io.ctipipe.ops.internals.TopicReader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ctipipe replay}: moves a stage's position back (or forward). */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Move a stage's position back (or forward) so that it processes records again.",
            "",
            "--stage mapper|sink moves that stage's consumer group through the Admin API, as"
                    + " kafka-consumer-groups --reset-offsets does; give exactly one --to-*,"
                    + " --by-duration or --shift-by. The stage must be stopped: an active group"
                    + " is refused and nothing is changed. A stopped mapper stays a member of"
                    + " its group until its session times out (45 s by default).",
            "--stage ingester --from POSITION rewrites the ingester's stored OpenCTI stream"
                    + " position; it re-reads the stream from there at its next start.",
            "",
            "A dry run by default: prints the current and new positions. --execute applies.",
            "Replaying the sink re-sends nothing SentinelOne already has: the sink skips a"
                    + " command that is not newer than what it applied for that Indicator."
                    + " --resend makes it forget everything it uploaded (every Indicator, not"
                    + " only the replayed ones), so each replayed command is uploaded once"
                    + " more: for a new account or a wiped console."
        })
public final class ReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigOption config;

    @Option(
            names = "--stage",
            required = true,
            paramLabel = "STAGE",
            converter = OptionTypes.StageType.class,
            description = "mapper, sink or ingester.")
    ReplayStage stage;

    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "Where to (mapper, sink):%n")
    ResetOptions reset;

    @Option(
            names = "--from",
            paramLabel = "POSITION",
            converter = OptionTypes.StreamStartType.class,
            description =
                    "Ingester only: a stream id <ms>-<seq> (0-0: all the platform retains) or an"
                            + " ISO-8601 time.")
    StreamPosition from;

    @Option(names = "--execute", description = "Apply the change (default: dry run).")
    boolean execute;

    @Option(
            names = "--resend",
            description = "Sink only: make the sink forget what it uploaded, so it re-sends.")
    boolean resend;

    @Option(
            names = "--force",
            description = "Ingester only: rewrite even though the ingester looks alive.")
    boolean force;

    @Override
    public Integer call() {
        checkOptions();
        OpsConfig ops = config.load();
        PrintWriter out = spec.commandLine().getOut();
        try (Admin admin = OpsClients.admin(ops.kafka());
                TopicReader reader =
                        new TopicReader(
                                OpsClients.readerConfig(ops.kafka(), "ctipipe-ops-replay"))) {
            if (stage == ReplayStage.INGESTER) {
                replayIngester(ops, reader, out);
            } else {
                replayGroup(ops, admin, reader, out);
            }
        }
        return 0;
    }

    private void replayGroup(OpsConfig ops, Admin admin, TopicReader reader, PrintWriter out) {
        GroupReplay.Target target =
                stage == ReplayStage.MAPPER
                        ? new GroupReplay.Target(
                                "mapper",
                                ops.mapperGroup(),
                                ops.topics().events(),
                                " (a stopped mapper stays a member until its session times out,"
                                        + " 45 s by default)")
                        : new GroupReplay.Target("sink", ops.sinkGroup(), ops.topics().iocs(), "");
        GroupReplay.Resend forgetting =
                resend
                        ? new GroupReplay.Resend(
                                new SinkMemory(reader, ops.topics().sinkState()),
                                OpsClients.producerConfig(ops.kafka(), "ctipipe-ops-resend", null))
                        : null;
        new GroupReplay(admin, Clock.systemUTC(), out)
                .run(target, reset.spec(), execute, forgetting);
    }

    private void replayIngester(OpsConfig ops, TopicReader reader, PrintWriter out) {
        String streamId = ops.requireStreamId();
        String topic = ops.topics().ingesterState();
        IngesterPositionStore store = new IngesterPositionStore(reader, topic, streamId);
        IngesterReplay.Request request =
                new IngesterReplay.Request(
                        streamId,
                        topic,
                        from,
                        ops.ingesterAliveWithin(),
                        execute,
                        force,
                        OpsClients.producerConfig(ops.kafka(), "ctipipe-ops-replay", null));
        new IngesterReplay(store, Clock.systemUTC(), out).run(request);
    }

    private void checkOptions() {
        if (stage == ReplayStage.INGESTER) {
            require(from != null, "--stage ingester needs --from POSITION");
            require(
                    reset == null,
                    "--to-*, --by-duration and --shift-by move the mapper or sink;"
                            + " the ingester takes --from");
            require(!resend, "--resend applies to --stage sink only");
            return;
        }
        require(
                reset != null,
                "--stage "
                        + stage.optionName()
                        + " needs one of --to-datetime,"
                        + " --by-duration, --to-offset, --to-earliest, --to-latest or --shift-by");
        require(from == null, "--from applies to --stage ingester only");
        require(
                !force,
                "--force applies to --stage ingester only; stop the "
                        + stage.optionName()
                        + " instead");
        require(!resend || stage == ReplayStage.SINK, "--resend applies to --stage sink only");
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
