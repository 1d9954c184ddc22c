package io.ctipipe.sink.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemoteIocReaderTest {
    private final RemoteIocReader reader = new RemoteIocReader(new JsonFactory());

    @Test
    void keepsTheFiveFieldsOfEachCreatedObjectAndSkipsTheRest() throws IOException {
        String answer =
                "{\"errors\":null,\"data\":[{\"uuid\":\"u1\",\"batchId\":\"b\",\"type\":\"IPV4\","
                        + "\"metadata\":{\"uuid\":\"no\",\"tags\":[\"x\"]},\"value\":\"1.2.3.4\","
                        + "\"externalId\":\"indicator--1\",\"source\":\"S\",\"creationTime\":null},"
                        + "{\"uuid\":\"u2\",\"type\":\"DNS\",\"value\":\"a.b\"}],"
                        + "\"pagination\":{\"totalItems\":2}}";

        List<RemoteIoc> iocs = reader.read(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(iocs)
                .containsExactly(
                        new RemoteIoc("u1", "IPV4", "1.2.3.4", "indicator--1", "S"),
                        new RemoteIoc("u2", "DNS", "a.b", null, null));
    }

    @Test
    void readsNullAndMissingFieldsAsTheTreeReaderDid() throws IOException {
        String answer = "{\"data\":[{\"uuid\":null,\"type\":null,\"externalId\":null}]}";

        List<RemoteIoc> iocs = reader.read(answer.getBytes(StandardCharsets.UTF_8));

        assertThat(iocs).containsExactly(new RemoteIoc(null, "", "", null, null));
    }

    @Test
    void findsNothingInAnEmptyAnswerOrOneWithoutData() throws IOException {
        assertThat(reader.read(new byte[0])).isEmpty();
        assertThat(reader.read("{}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(reader.read("{\"data\":{\"affected\":1}}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }
}
