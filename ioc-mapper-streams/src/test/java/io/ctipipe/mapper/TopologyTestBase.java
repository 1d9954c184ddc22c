package io.ctipipe.mapper;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every topology test class shares: a fresh {@link TopologyFixture} per test, closed after.
 */
abstract class TopologyTestBase {
    @TempDir Path stateDir;

    TopologyFixture topology;

    @AfterEach
    void closeDriver() {
        if (topology != null) {
            topology.close();
        }
    }

    /** Builds the topology with these config.yml settings. */
    void start(Map<String, String> settings) {
        topology = new TopologyFixture(stateDir, settings);
    }
}
