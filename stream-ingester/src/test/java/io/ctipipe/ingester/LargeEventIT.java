package io.ctipipe.ingester;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.emulator.opencti.OpenCtiEmulator;
import io.ctipipe.emulator.opencti.OpenCtiEmulatorOptions;
import io.ctipipe.emulator.opencti.StreamMessage;
import io.ctipipe.emulator.opencti.TrafficGenerator;
import io.ctipipe.ingester.IngesterFixture.Published;
import io.ctipipe.kafka.embedded.KafkaBroker;
import io.ctipipe.kafka.embedded.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class LargeEventIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXT = "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    @Test
    void carriesAU2028AndATwoMegabyteDescriptionThroughByteForByte(KafkaBroker broker)
            throws Exception {
        List<StreamMessage> traffic =
                TrafficGenerator.seeded(5).indicators(20).generate().messages();
        StreamMessage indicator =
                traffic.stream()
                        .filter(m -> m.data().contains("\"type\":\"indicator\""))
                        .findFirst()
                        .orElseThrow();
        ObjectNode envelope = (ObjectNode) JSON.readTree(indicator.data());
        String description =
                "line one\u2028line two\u2029 \u00e9\u4e2d " + "x".repeat(2 * 1024 * 1024);
        ((ObjectNode) envelope.path("data")).put("description", description);
        String big = JSON.writeValueAsString(envelope);
        assertThat(big).contains("\u2028").contains("\u2029");

        try (OpenCtiEmulator emulator =
                OpenCtiEmulator.start(
                        OpenCtiEmulatorOptions.builder()
                                .heartbeatPeriod(Duration.ofMillis(100))
                                .initialEvents(traffic.subList(0, 6))
                                .build())) {
            String id = emulator.append("create", big);
            IngesterFixture fixture = new IngesterFixture(broker, emulator);
            StreamIngesterService service = fixture.start();
            fixture.awaitCaughtUp(service, Duration.ofSeconds(60));
            service.close();

            Published record =
                    fixture.published().stream()
                            .filter(p -> p.id().equals(id))
                            .findFirst()
                            .orElseThrow();
            assertThat(record.value()).isEqualTo(big.getBytes(StandardCharsets.UTF_8));
            assertThat(record.key())
                    .isEqualTo(
                            envelope.path("data").path("extensions").path(EXT).path("id").asText());
            assertThat(record.event()).isEqualTo("create");
        }
    }
}
