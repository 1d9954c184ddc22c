package io.ctipipe.bench.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcLogTest {

    @Test
    void takesTheLargestHeapBeforeAndAfterAnyCollection() {
        List<String> lines =
                List.of(
                        "[0.011s][info][gc] Using G1",
                        "[1.212s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause)"
                                + " 24M->5M(256M) 6.210ms",
                        "[3.513s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause)"
                                + " 150M->41M(256M) 9.1ms",
                        "[5.001s][info][gc] GC(2) Pause Full (System.gc()) 60M->12M(256M) 30ms");

        MemorySample sample = GcLog.parse(lines);

        assertThat(sample.heapUsed()).isEqualTo(150L << 20);
        assertThat(sample.liveData()).isEqualTo(41L << 20);
    }

    @Test
    void readsKilobytesAndGigabytes() {
        List<String> lines = List.of("[0.5s][info][gc] GC(0) Pause Young 900K->100K(1G) 1ms");

        MemorySample sample = GcLog.parse(lines);

        assertThat(sample.heapUsed()).isEqualTo(900L << 10);
        assertThat(sample.liveData()).isEqualTo(100L << 10);
    }

    @Test
    void noCollectionYetIsUnknown() {
        MemorySample sample = GcLog.parse(List.of("[0.011s][info][gc] Using G1"));

        assertThat(sample.heapUsed()).isEqualTo(-1);
        assertThat(sample.liveData()).isEqualTo(-1);
    }
}
