package io.ctipipe.mapper;

import static org.assertj.core.api.Assertions.assertThat;

import io.ctipipe.contracts.config.ConfigSource;
import io.ctipipe.contracts.observability.Health;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IocMapperServiceTest {

    @Test
    void reportsDownUntilStartedAndClosesQuietlyWhenNeverStarted() {
        MapperConfig config = MapperConfig.from(ConfigSource.of(Map.of(), Map.of()));
        IocMapperService service = new IocMapperService(config, new SimpleMeterRegistry());

        Health health = service.health();
        service.close();

        assertThat(health).isEqualTo(Health.down("not started"));
    }
}
