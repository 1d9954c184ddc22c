package io.ctipipe.mapper.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * Reads an {@link Indicator} from the STIX object in an event's {@code data}. OpenCTI's own fields
 * come from its property extension first and from the older top-level {@code x_opencti_*} fields
 * when the extension lacks them.
 */
final class IndicatorDecoder {
    /** OpenCTI's property extension on every object it streams. */
    static final String OPENCTI_EXTENSION =
            "extension-definition--ea279b3e-5c71-4632-ac08-831c66a786ba";

    private IndicatorDecoder() {}

    /** {@code fallbackId} (the record key) serves when the extension carries no internal id. */
    static Indicator decode(FieldReader data, String fallbackId) {
        FieldReader extension = extension(data);
        return new Indicator(
                internalId(extension, fallbackId),
                data.requiredText("id"),
                data.text("name"),
                data.text("description"),
                data.text("pattern"),
                data.text("pattern_type"),
                data.text("created"),
                data.text("valid_until"),
                data.instant("valid_until"),
                data.texts("labels"),
                lowerCase(data.texts("object_marking_refs")),
                Boolean.TRUE.equals(data.bool("revoked")),
                extension != null && extension.integer("score") != null
                        ? extension.integer("score")
                        : data.integer("x_opencti_score"),
                extension != null && extension.bool("detection") != null
                        ? extension.bool("detection")
                        : data.bool("x_opencti_detection"));
    }

    /** The internal id of a STIX object from its extension, or the fallback. */
    static String internalId(FieldReader extension, String fallbackId) {
        String id = extension == null ? null : extension.text("id");
        if (id == null || id.isEmpty()) {
            id = fallbackId;
        }
        if (id == null || id.isEmpty()) {
            throw new UnreadableEventException(
                    "no OpenCTI internal id in the extension and no record key");
        }
        return id;
    }

    static FieldReader extension(FieldReader object) {
        FieldReader extensions = object.object("extensions");
        return extensions == null ? null : extensions.object(OPENCTI_EXTENSION);
    }

    /** The internal id of a merge source, which has no record key to fall back on. */
    static String sourceInternalId(JsonNode source, int index) {
        FieldReader reader = FieldReader.of(source, "context.sources[" + index + "]");
        return internalId(extension(reader), null);
    }

    private static List<String> lowerCase(List<String> values) {
        return values.stream().map(value -> value.toLowerCase(Locale.ROOT)).toList();
    }
}
