package io.ctipipe.emulator.opencti.internals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonDiffTest {

    @Test
    void patchesObjectsKeyByKeyAndArraysIndexByIndex() {
        JsonNode before =
                Stix.parse("{\"a\":1,\"b\":[\"x\",\"y\",\"z\"],\"c\":{\"d\":true},\"e/f\":0}");
        JsonNode after = Stix.parse("{\"a\":2,\"b\":[\"x\"],\"c\":{\"d\":true,\"g\":[1]}}");

        JsonNode patch = JsonDiff.diff(before, after);

        assertThat(JsonPatchApplier.apply(before, patch)).isEqualTo(after);
        assertThat(patch.toString())
                .contains("{\"op\":\"replace\",\"path\":\"/a\",\"value\":2}")
                .contains("{\"op\":\"remove\",\"path\":\"/b/2\"}")
                .contains("{\"op\":\"remove\",\"path\":\"/e~1f\"}")
                .contains("{\"op\":\"add\",\"path\":\"/c/g\",\"value\":[1]}");
    }

    @Test
    void reversePatchRestoresThePreviousState() {
        JsonNode before = Stix.parse("{\"labels\":[\"a\"],\"score\":50}");
        JsonNode after = Stix.parse("{\"labels\":[\"a\",\"b\"],\"score\":80}");

        JsonNode reverse = JsonDiff.diff(after, before);

        assertThat(JsonPatchApplier.apply(after, reverse)).isEqualTo(before);
        assertThat(JsonDiff.diff(before, before)).isEmpty();
    }
}
