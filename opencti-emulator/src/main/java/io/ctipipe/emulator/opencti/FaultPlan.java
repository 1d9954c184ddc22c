package io.ctipipe.emulator.opencti;

import java.time.Duration;

/**
 * Faults set when the emulator starts, e.g. from command-line options; {@link Faults} changes them
 * at run time.
 *
 * @param dropEvery abort each connection after this many data messages (0: never); CLI {@code
 *     --drop-every K}
 * @param halfOpenAfter the first connection to send this many messages goes silent (0: never); CLI
 *     {@code --half-open-after K}
 * @param halfOpenFor how long it stays silent before it is aborted; CLI {@code --half-open-for D}
 * @param rejectStatus answer new requests with this status (401, 410, 429, 500; 0: never); CLI
 *     {@code --reject STATUS}
 * @param rejectFor for how long after start; CLI {@code --reject-for D}
 * @param heartbeatInsideGroups send a heartbeat between dependencies and their entry
 */
public record FaultPlan(
        int dropEvery,
        int halfOpenAfter,
        Duration halfOpenFor,
        int rejectStatus,
        Duration rejectFor,
        boolean heartbeatInsideGroups) {

    public FaultPlan {
        halfOpenFor = halfOpenFor == null ? Duration.ZERO : halfOpenFor;
        rejectFor = rejectFor == null ? Duration.ZERO : rejectFor;
    }

    public static FaultPlan none() {
        return new FaultPlan(0, 0, Duration.ZERO, 0, Duration.ZERO, false);
    }
}
