package io.ctipipe.mapper.internals;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves the marking names users write in {@code MAPPER_EXCLUDE_MARKINGS} to the STIX ids that
 * arrive in {@code object_marking_refs}. Each TLP name stands for both the id OpenCTI creates for
 * it and the id of the OASIS TLP 2.0 marking, so either kind of data is caught. Other markings
 * (PAP, statements) must be given by id: their ids differ on every platform.
 */
public final class TlpMarkings {
    private static final Pattern MARKING_ID =
            Pattern.compile("marking-definition--[0-9a-fA-F-]{36}");

    private static final Map<String, Set<String>> IDS_BY_NAME =
            Map.of(
                    "TLP:CLEAR",
                    Set.of(
                            id("613f2e26-407d-48c7-9eca-b8e91df99dc9"),
                            id("94868c89-83c2-464b-929b-a1a8aa3c8487")),
                    "TLP:WHITE",
                    Set.of(id("613f2e26-407d-48c7-9eca-b8e91df99dc9")),
                    "TLP:GREEN",
                    Set.of(
                            id("34098fce-860f-48ae-8e50-ebd3cc5e41da"),
                            id("bab4a63c-aed9-4cf5-a766-dfca5abac2bb")),
                    "TLP:AMBER",
                    Set.of(
                            id("f88d31f6-486f-44da-b317-01333bde0b82"),
                            id("55d920b0-5e8b-4f79-9ee9-91f868d9b421")),
                    "TLP:AMBER+STRICT",
                    Set.of(
                            id("826578e1-40ad-459f-bc73-ede076f81f37"),
                            id("939a9414-2ddd-4d32-a0cd-375ea402b003")),
                    "TLP:RED",
                    Set.of(
                            id("5e57c739-391a-4eb3-b6be-7d15ca92d5ed"),
                            id("e828b379-4e03-4974-9ac4-e53a884c97c1")));

    private TlpMarkings() {}

    /** The ids one configured entry stands for; empty when it is neither an id nor a TLP name. */
    public static Optional<Set<String>> resolve(String entry) {
        String trimmed = entry.strip();
        if (MARKING_ID.matcher(trimmed).matches()) {
            return Optional.of(Set.of(trimmed.toLowerCase(Locale.ROOT)));
        }
        String name = trimmed.toUpperCase(Locale.ROOT).replace(" ", "");
        return Optional.ofNullable(IDS_BY_NAME.get(name));
    }

    private static String id(String uuid) {
        return "marking-definition--" + uuid;
    }
}
