package io.ctipipe.emulator.opencti.internals;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What every stream session shares: the log, the faults, the heartbeat period. */
record SessionContext(
        EventLog log, FaultState faults, Duration heartbeatPeriod, BooleanSupplier stopped) {}
