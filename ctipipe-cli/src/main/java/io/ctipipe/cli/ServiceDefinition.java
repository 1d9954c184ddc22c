package io.ctipipe.cli;

import io.ctipipe.contracts.config.ConfigKey;
import io.ctipipe.contracts.config.ConfigReader;
import io.ctipipe.contracts.kafka.KafkaSettings;
import io.ctipipe.contracts.observability.RunningService;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How to build one service: read its config record (every problem collected by the reader), and
 * create the service from the validated record.
 *
 * @param <C> the service's config record
 */
public record ServiceDefinition<C>(
        String name,
        ConfigKey metricsPort,
        Function<ConfigReader, C> readConfig,
        Function<C, KafkaSettings> kafka,
        BiFunction<C, MeterRegistry, RunningService> create,
        List<ConfigKey> keys) {}
