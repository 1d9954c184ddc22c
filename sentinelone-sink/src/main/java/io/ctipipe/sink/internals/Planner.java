package io.ctipipe.sink.internals;

import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocAction;
import io.ctipipe.contracts.ioc.IocCommand;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a command (the desired state of an Indicator) with what the sink holds for it. A command
 * whose eventId is not newer than the one applied is stale (a replay or an old redrive) and does
 * nothing, unless resend is on. Otherwise: desired IOCs that are new or whose content changed are
 * uploaded; held IOCs that are no longer desired are deleted (a delete command desires none); the
 * rest stay untouched. With resend every desired IOC is uploaded again.
 */
public final class Planner {
    private final boolean resend;

    public Planner(boolean resend) {
        this.resend = resend;
    }

    /** The work for the command, or empty when it is stale. */
    public Optional<IndicatorWork> plan(CommandRecord source, IndicatorState held) {
        IocCommand command = source.command();
        if (!resend && !EventIds.isNewer(command.eventId(), held.eventId())) {
            return Optional.empty();
        }
        Map<String, Ioc> desired = desired(command);
        Map<String, UploadedIoc> kept = new HashMap<>();
        held.iocs().forEach(ioc -> kept.put(ioc.identity(), ioc));
        List<Ioc> upload = new ArrayList<>();
        List<UploadedIoc> unchanged = new ArrayList<>();
        Map<String, UploadedIoc> replaced = new HashMap<>();
        desired.forEach(
                (identity, ioc) -> {
                    UploadedIoc old = kept.remove(identity);
                    if (old != null && !resend && old.hash().equals(ContentHash.of(ioc))) {
                        unchanged.add(old);
                    } else {
                        upload.add(ioc);
                        if (old != null) {
                            replaced.put(identity, old);
                        }
                    }
                });
        List<UploadedIoc> removed = new ArrayList<>(kept.values());
        return Optional.of(new IndicatorWork(source, held, upload, unchanged, removed, replaced));
    }

    private static Map<String, Ioc> desired(IocCommand command) {
        Map<String, Ioc> desired = new LinkedHashMap<>();
        if (command.action() == IocAction.UPSERT) {
            command.iocs().forEach(ioc -> desired.putIfAbsent(ioc.identity(), ioc));
        }
        return desired;
    }
}
