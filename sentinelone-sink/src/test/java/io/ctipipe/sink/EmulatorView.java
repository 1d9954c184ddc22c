package io.ctipipe.sink;

import io.ctipipe.emulator.sentinelone.SentinelOneEmulator;
import io.ctipipe.emulator.sentinelone.StoredIoc;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Views of what the emulator holds, for assertions. */
final class EmulatorView {
    private EmulatorView() {}

    /** The IOCs of our source. */
    static List<StoredIoc> ours(SentinelOneEmulator emulator) {
        return emulator.storedIocs().stream()
                .filter(ioc -> SinkHarness.SOURCE.equals(ioc.source()))
                .toList();
    }

    /** How many copies of each TYPE:value of our source. */
    static Map<String, Long> copies(SentinelOneEmulator emulator) {
        return ours(emulator).stream()
                .collect(
                        Collectors.groupingBy(
                                ioc -> ioc.type() + ":" + ioc.value(), Collectors.counting()));
    }

    static Map<String, StoredIoc> byValue(SentinelOneEmulator emulator) {
        return ours(emulator).stream()
                .collect(Collectors.toMap(StoredIoc::value, Function.identity()));
    }
}
