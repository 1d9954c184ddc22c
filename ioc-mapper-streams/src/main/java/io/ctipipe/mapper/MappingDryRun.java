package io.ctipipe.mapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import io.ctipipe.mapper.internals.DroppedBranch;
import io.ctipipe.mapper.internals.DryRunInput;
import io.ctipipe.mapper.internals.EventMapper;
import io.ctipipe.mapper.internals.EventResult;
import io.ctipipe.mapper.internals.IndicatorDecision;
import io.ctipipe.mapper.internals.StreamEvent;
import io.ctipipe.mapper.internals.UnreadableEventException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The engine of {@code ctipipe map}: the mapper's own function, without Kafka, over a file or stdin
 * holding a STIX bundle, a JSON array, or JSON lines of STIX objects (taken as created) and stream
 * messages {@code {"event":..,"id":..,"data":..}}. It prints one JSON line per Indicator decision
 * in input order: {@code {"indicator":"<STIX id>","action":"upsert|delete|skip",
 * "iocs":[..],"reason":"..","detail":"..","dropped":[..]}}, where {@code reason} is absent for an
 * upsert, {@code detail} present when there is more to say (skips, filtered and expired deletes),
 * and {@code dropped} present when an upsert left comparisons of an OR out, one {@code
 * {"reason":"..","comparison":".."}} each. A merge also prints a delete for each absorbed
 * Indicator. Non-Indicator objects print nothing.
 *
 * <p>Exit codes: 0 when every element was read; 1 when some element could not be (one line on
 * {@code err} each, the others are still mapped); 2 when the input is not JSON (one line on {@code
 * err}, mapping stops there).
 */
public final class MappingDryRun {
    public static final int OK = 0;
    public static final int UNREADABLE_ELEMENTS = 1;
    public static final int INVALID_JSON = 2;

    private static final ObjectMapper JSON = IocCommandCodec.mapper();

    private final EventMapper mapper;
    private final PrintStream out;
    private final PrintStream err;
    private int element;
    private int unreadable;

    private MappingDryRun(EventMapper mapper, PrintStream out, PrintStream err) {
        this.mapper = mapper;
        this.out = out;
        this.err = err;
    }

    public static int run(InputStream in, PrintStream out, PrintStream err, MapperConfig config) {
        return run(in, out, err, config, Clock.systemUTC());
    }

    /** With the clock that decides whether {@code valid_until} is past. */
    public static int run(
            InputStream in, PrintStream out, PrintStream err, MapperConfig config, Clock clock) {
        MappingDryRun dryRun = new MappingDryRun(new EventMapper(config, clock), out, err);
        try {
            DryRunInput input = new DryRunInput(in);
            for (JsonNode next = input.next(); next != null; next = input.next()) {
                dryRun.map(next);
            }
        } catch (JsonProcessingException e) {
            err.println(
                    "ctipipe map: invalid JSON"
                            + where(e.getLocation())
                            + ": "
                            + e.getOriginalMessage());
            return INVALID_JSON;
        } catch (IOException e) {
            err.println("ctipipe map: cannot read the input: " + e.getMessage());
            return INVALID_JSON;
        }
        out.flush();
        return dryRun.unreadable == 0 ? OK : UNREADABLE_ELEMENTS;
    }

    private void map(JsonNode next) {
        element++;
        try {
            StreamEvent event = DryRunInput.toEvent(next);
            EventResult result = event == null ? null : mapper.map(event);
            if (result != null) {
                result.decisions().forEach(decision -> out.println(line(decision)));
            }
        } catch (UnreadableEventException e) {
            unreadable++;
            err.println("ctipipe map: element " + element + ": " + e.getMessage());
        }
    }

    private static String line(IndicatorDecision decision) {
        ObjectNode line = JSON.createObjectNode();
        line.put("indicator", decision.stixId());
        line.put("action", decision.action().name().toLowerCase(Locale.ROOT));
        line.set("iocs", JSON.valueToTree(decision.iocs()));
        if (decision.reason() != null) {
            line.put("reason", decision.reason());
        }
        if (decision.detail() != null) {
            line.put("detail", decision.detail());
        }
        if (!decision.droppedBranches().isEmpty()) {
            line.set("dropped", dropped(decision.droppedBranches()));
        }
        return line.toString();
    }

    private static ArrayNode dropped(List<DroppedBranch> branches) {
        ArrayNode dropped = JSON.createArrayNode();
        for (DroppedBranch branch : branches) {
            dropped.addObject()
                    .put("reason", branch.reason().code())
                    .put("comparison", branch.comparison());
        }
        return dropped;
    }

    private static String where(JsonLocation location) {
        if (location == null) {
            return "";
        }
        return " at line " + location.getLineNr() + " column " + location.getColumnNr();
    }
}
