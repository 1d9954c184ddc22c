package io.ctipipe.sink.internals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.sink.SinkConfig;
import okhttp3.HttpUrl;

/**
 * The scope part of every request: {@code accountIds}, {@code siteIds}, {@code groupIds} (each only
 * when configured) and {@code tenant: false}. Ids stay strings, as the console takes both.
 */
final class ScopeFilter {
    private final String accountId;
    private final String siteId;
    private final String groupId;

    ScopeFilter(SinkConfig config) {
        this.accountId = config.accountId();
        this.siteId = config.siteId();
        this.groupId = config.groupId();
    }

    /** A fresh filter object; the caller may add to it. */
    ObjectNode node() {
        ObjectNode filter = JsonNodeFactory.instance.objectNode();
        filter.put("tenant", false);
        add(filter, "accountIds", accountId);
        add(filter, "siteIds", siteId);
        add(filter, "groupIds", groupId);
        return filter;
    }

    void addTo(HttpUrl.Builder url) {
        addQuery(url, "accountIds", accountId);
        addQuery(url, "siteIds", siteId);
        addQuery(url, "groupIds", groupId);
    }

    private static void add(ObjectNode filter, String key, String id) {
        if (id != null) {
            filter.putArray(key).add(id);
        }
    }

    private static void addQuery(HttpUrl.Builder url, String key, String id) {
        if (id != null) {
            url.addQueryParameter(key, id);
        }
    }
}
