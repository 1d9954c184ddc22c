package io.ctipipe.bench.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessStatusTest {

    @Test
    void readsAFieldInKilobytesAsBytes() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  204800 kB", "VmRSS:\t  102400 kB");

        assertThat(ProcessStatus.field(status, "VmRSS:")).isEqualTo(102_400L * 1024);
        assertThat(ProcessStatus.field(status, "VmHWM:")).isEqualTo(204_800L * 1024);
        assertThat(ProcessStatus.field(status, "VmSwap:")).isEqualTo(-1);
    }

    @Test
    void readsThisProcessFromProc() {
        long pid = ProcessHandle.current().pid();

        long[] resident = ProcessStatus.residentBytes(pid);

        assertThat(resident[0]).isPositive();
        assertThat(resident[1]).isGreaterThanOrEqualTo(resident[0]);
        assertThat(ProcessStatus.cpuMillis(pid)).isPositive();
    }
}
