package io.ctipipe.pipeline;

import io.ctipipe.cli.quickstart.PipelineEnvironment;
import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.contracts.kafka.EventHeaders;
import io.ctipipe.contracts.kafka.Topics;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.kafka.embedded.TopicContents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * For a failed comparison, where each differing Indicator's messages went: the OpenCTI stream, the
 * raw events topic, the IOC command topic. Shows which stage lost or reordered something.
 */
final class StageAudit {
    private static final Pattern STIX_ID = Pattern.compile("indicator--[0-9a-f-]{36}");
    private static final int SHOWN = 3;

    private StageAudit() {}

    static String describe(PipelineRun run, List<String> differences) {
        Set<String> stixIds = new LinkedHashSet<>();
        for (String line : differences) {
            Matcher matcher = STIX_ID.matcher(line);
            if (matcher.find() && stixIds.size() < SHOWN) {
                stixIds.add(matcher.group());
            }
        }
        String bootstrap = run.env().broker().bootstrapServers();
        List<ConsumerRecord<byte[], byte[]>> events =
                TopicContents.committedSoFar(bootstrap, Topics.defaults().events());
        List<ConsumerRecord<byte[], byte[]>> commands =
                TopicContents.committedSoFar(bootstrap, Topics.defaults().iocs());
        List<ConsumerRecord<byte[], byte[]>> allCommands =
                TopicContents.uncommitted(bootstrap, Topics.defaults().iocs());
        List<ConsumerRecord<byte[], byte[]>> routed = new ArrayList<>();
        routed.addAll(TopicContents.committedSoFar(bootstrap, Topics.defaults().skipped()));
        routed.addAll(TopicContents.committedSoFar(bootstrap, Topics.defaults().eventsDlq()));
        List<String> lines = new ArrayList<>();
        lines.add(completeness(run, events));
        lines.add("mapper group offsets: " + groupOffsets(bootstrap));
        for (String stixId : stixIds) {
            lines.add(stixId + ":");
            lines.add("  stream   " + streamed(run, stixId));
            lines.add("  events   " + ingested(events, stixId));
            lines.add("  commands " + mapped(commands, stixId));
            lines.add("  commands, uncommitted too " + mapped(allCommands, stixId));
            lines.add("  skipped or dead-lettered " + ingested(routed, stixId));
        }
        return String.join("\n", lines);
    }

    private static String completeness(
            PipelineRun run, List<ConsumerRecord<byte[], byte[]>> events) {
        Set<String> written = new LinkedHashSet<>();
        events.forEach(record -> written.add(header(record, EventHeaders.EVENT_ID)));
        List<String> lost =
                run.env().opencti().events().stream()
                        .map(StreamMessage::id)
                        .filter(id -> !written.contains(id))
                        .toList();
        return "events topic: " + events.size() + " records, stream ids never written: " + lost;
    }

    private static String groupOffsets(String bootstrap) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            return String.valueOf(
                    admin.listConsumerGroupOffsets(PipelineEnvironment.MAPPER_GROUP)
                            .partitionsToOffsetAndMetadata()
                            .get());
        } catch (ExecutionException e) {
            return e.getCause().toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static List<String> streamed(PipelineRun run, String stixId) {
        return run.env().opencti().events().stream()
                .filter(message -> message.data().contains(stixId))
                .map(message -> message.id() + " " + message.event())
                .toList();
    }

    private static List<String> ingested(List<ConsumerRecord<byte[], byte[]>> events, String id) {
        return events.stream()
                .filter(record -> utf8(record.value()).contains(id))
                .map(record -> header(record, EventHeaders.EVENT_ID) + " " + where(record))
                .toList();
    }

    private static List<String> mapped(List<ConsumerRecord<byte[], byte[]>> commands, String id) {
        List<String> found = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : commands) {
            if (utf8(record.value()).contains(id)) {
                IocCommand command = IocCommandCodec.decode(record.value());
                List<String> values = command.iocs().stream().map(Ioc::value).toList();
                found.add(
                        command.eventId() + " " + command.action() + values + " " + where(record));
            }
        }
        return found;
    }

    private static String where(ConsumerRecord<byte[], byte[]> record) {
        return "@" + record.partition() + ":" + record.offset();
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : utf8(header.value());
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
