package io.ctipipe.mapper;

import static io.ctipipe.mapper.IndicatorJson.indicator;
import static io.ctipipe.mapper.IndicatorJson.ipv4;
import static io.ctipipe.mapper.TopologyFixture.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.ctipipe.contracts.ioc.IocAction;
import io.ctipipe.contracts.ioc.IocCommand;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

/** Delete commands from the Indicator's lifecycle: deleted, revoked, expired, merged. */
class DeletesAndRevocationsTest extends TopologyTestBase {
    @Test
    void deletesOnDeleteEvent() {
        start(Map.of());
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        String eventId = topology.send("delete", "id-1", indicator.envelope("delete"));

        assertThat(topology.commands())
                .containsExactly(IocCommand.delete("id-1", indicator.stixId(), eventId, "deleted"));
    }

    @Test
    void dispatchesOnTheEventHeaderNotOnTheStoredType() {
        start(Map.of());
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        topology.send("delete", "id-1", indicator.envelope("update"));
        topology.send("create", "id-1", indicator.envelope("update"));

        assertThat(topology.commands())
                .extracting(IocCommand::action)
                .containsExactly(IocAction.DELETE, IocAction.UPSERT);
    }

    @Test
    void deletesRevokedIndicatorAndUpsertsItWhenUnrevoked() {
        start(Map.of());
        IndicatorJson indicator = ipv4("id-1", "203.0.113.42");

        topology.send("update", "id-1", indicator.revoked(true).envelope("update"));
        topology.send("update", "id-1", indicator.revoked(false).envelope("update"));

        List<IocCommand> commands = topology.commands();
        assertThat(commands)
                .extracting(IocCommand::action, IocCommand::reason)
                .containsExactly(tuple(IocAction.DELETE, "revoked"), tuple(IocAction.UPSERT, null));
    }

    @Test
    void deletesIndicatorWhoseValidUntilHasPassed() {
        start(Map.of());
        IndicatorJson expired =
                ipv4("id-1", "203.0.113.42").set("valid_until", "2024-12-31T23:59:59.000Z");
        IndicatorJson open = ipv4("id-2", "203.0.113.43").without("valid_until");

        topology.send("update", "id-1", expired.envelope("update"));
        topology.send("create", "id-2", open.envelope("create"));

        List<IocCommand> commands = topology.commands();
        assertThat(commands.get(0).reason()).isEqualTo("expired");
        assertThat(commands.get(1).iocs().get(0).validUntil()).isNull();
    }

    @Test
    void upsertsMergeTargetAndDeletesEachSource() {
        start(Map.of());
        IndicatorJson target = ipv4("target", "203.0.113.42");
        IndicatorJson first = ipv4("source-1", "203.0.113.42");
        IndicatorJson second = ipv4("source-2", "203.0.113.42");

        String eventId = topology.send("merge", "target", target.mergeEnvelope(first, second));

        List<TestRecord<String, byte[]>> records = topology.iocs.readRecordsToList();
        assertThat(records)
                .extracting(TestRecord::key)
                .containsExactly("target", "source-1", "source-2");
        assertThat(decode(records.get(0)).action()).isEqualTo(IocAction.UPSERT);
        assertThat(decode(records.get(1)))
                .isEqualTo(IocCommand.delete("source-1", first.stixId(), eventId, "merged"));
    }
}
