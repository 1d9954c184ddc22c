package io.ctipipe.emulator.sentinelone.internals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The scope a request names in its {@code filter}: account, site, group or tenant ids, given as
 * strings or numbers, alone or in a list; {@code tenant} as a boolean or "true"/"false".
 *
 * @param kind account, site, group or tenant
 * @param id the first id of that kind ("" for tenant)
 * @param accountIds every account id named, to check against the token's account
 */
public record Scope(String kind, String id, List<String> accountIds) {

    /** The scope of a create filter; empty when it names none (the console then answers 500). */
    public static Optional<Scope> of(JsonNode filter, boolean requireAccountIds) {
        List<String> accounts = ids(filter, "accountIds");
        if (!accounts.isEmpty()) {
            return Optional.of(new Scope("account", accounts.get(0), accounts));
        }
        if (requireAccountIds) {
            return Optional.empty();
        }
        for (String kind : List.of("site", "group")) {
            List<String> ids = ids(filter, kind + "Ids");
            if (!ids.isEmpty()) {
                return Optional.of(new Scope(kind, ids.get(0), accounts));
            }
        }
        boolean tenant = filter != null && filter.path("tenant").asText().equals("true");
        return tenant ? Optional.of(new Scope("tenant", "", accounts)) : Optional.empty();
    }

    /** The ids under a filter key, as strings; empty when absent. */
    public static List<String> ids(JsonNode filter, String key) {
        List<String> ids = new ArrayList<>();
        JsonNode node = filter == null ? null : filter.get(key);
        if (node == null || node.isNull()) {
            return ids;
        }
        if (node.isArray()) {
            node.forEach(item -> ids.add(item.asText()));
        } else {
            for (String id : node.asText().split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }
}
