package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.indicator;
import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocAction;
import io.ctipipe.contracts.ioc.IocCommand;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Indicators that map to IOCs: the upsert branch of the topology. */
class MappedIndicatorsTest extends TopologyTestBase {
    @Test
    void upsertsLiveIndicatorWithEveryIocField() {
        start(Map.of("connector.name", "Intel Feed"));
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42").labels("botnet", "c2").score(80);

        String eventId = topology.send("create", "id-1", indicator.envelope("create"));

        TestRecord<String, byte[]> record = topology.iocs.readRecord();
        IocCommand command = IocCommandCodec.decode(record.value());
        assertThat(record.key()).isEqualTo("id-1");
        assertThat(command)
                .isEqualTo(
                        IocCommand.upsert(
                                "id-1",
                                indicator.stixId(),
                                eventId,
                                List.of(
                                        new Ioc(
                                                "IPV4",
                                                "203.0.113.42",
                                                "EQUALS",
                                                "Intel Feed",
                                                indicator.stixId(),
                                                "Indicator id-1",
                                                "C2 server seen in campaign X",
                                                "2030-01-01T00:00:00.000Z",
                                                "2024-06-09T22:00:00.000Z",
                                                List.of("botnet", "c2"),
                                                "[ipv4-addr:value = '203.0.113.42']",
                                                "STIX",
                                                80))));
        assertThat(record.headers().toArray()).isEmpty();
        assertThat(topology.skipped.isEmpty()).isTrue();
    }

    @Test
    void upsertsTheMappableBranchesOfAnOrAndCountsTheDroppedOnes() {
        start(Map.of());
        IndicatorJson indicator =
                indicator(
                        "id-1",
                        "[ipv4-addr:value = '198.51.100.0/24'] OR [ipv4-addr:value = '203.0.113.5']");

        topology.send("create", "id-1", indicator.envelope("create"));

        List<IocCommand> commands = topology.commands();
        assertThat(commands)
                .singleElement()
                .extracting(IocCommand::action)
                .isEqualTo(IocAction.UPSERT);
        assertThat(commands.get(0).iocs())
                .extracting(ioc -> ioc.type() + ":" + ioc.value())
                .containsExactly("IPV4:203.0.113.5");
        assertThat(topology.skipped.isEmpty()).isTrue();
        assertThat(topology.count("upsert", "none")).isEqualTo(1);
        assertThat(topology.droppedBranches("cidr-too-wide")).isEqualTo(1);
    }

    @Test
    void keysByInternalIdWhenAPatternEditChangesTheStixId() {
        start(Map.of());
        IndicatorJson before = ipv4("id-1", "203.0.113.42");
        IndicatorJson after = ipv4("id-1", "203.0.113.43");

        topology.send("create", "id-1", before.envelope("create"));
        topology.send("update", "id-1", after.envelope("update"));

        List<IocCommand> commands = topology.commands();
        assertThat(commands).extracting(IocCommand::indicatorId).containsExactly("id-1", "id-1");
        assertThat(commands)
                .extracting(IocCommand::stixId)
                .containsExactly(before.stixId(), after.stixId());
        assertThat(commands.get(1).iocs()).extracting(Ioc::value).containsExactly("203.0.113.43");
    }

    @Test
    void fallsBackToTheRecordKeyAndTopLevelOpenCtiFields() {
        start(Map.of("mapper.min_score", "60", "mapper.detection_only", "true"));
        IndicatorJson old = ipv4("unused", "203.0.113.42").withoutExtension();
        old.set("x_opencti_score", JsonNodeFactory.instance.numberNode(80));
        old.set("x_opencti_detection", JsonNodeFactory.instance.booleanNode(true));

        topology.send("create", "key-7", old.envelope("create"));

        IocCommand command = topology.commands().get(0);
        assertThat(command.action()).isEqualTo(IocAction.UPSERT);
        assertThat(command.indicatorId()).isEqualTo("key-7");
        assertThat(command.iocs().get(0).originalRiskScore()).isEqualTo(80);
    }
}
