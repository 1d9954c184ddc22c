package io.ctipipe.contracts.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;

/** logback.xml with LOG_FORMAT=json: one JSON object per line, messages filled in. */
class JsonLogFormatTest {
    private final PrintStream stderr = System.err;
    private final String format = System.getProperty(LogSettings.FORMAT_PROPERTY);

    @AfterEach
    void restore() {
        System.setErr(stderr);
        if (format == null) {
            System.clearProperty(LogSettings.FORMAT_PROPERTY);
        } else {
            System.setProperty(LogSettings.FORMAT_PROPERTY, format);
        }
    }

    @Test
    void aLineWithAnArgumentComesOutFormattedWithAnIsoTimestamp() throws Exception {
        ByteArrayOutputStream captured = captureStderr();
        LoggerContext context = configured("JSON");

        context.getLogger("io.ctipipe.test").info("Configuration valid service={}", "sink");
        context.stop();

        JsonNode line = new ObjectMapper().readTree(captured.toString(StandardCharsets.UTF_8));
        assertThat(line.path("formattedMessage").asText())
                .isEqualTo("Configuration valid service=sink");
        assertThat(line.has("message")).isFalse();
        assertThat(line.has("arguments")).isFalse();
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("timestamp").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @ParameterizedTest
    @CsvSource({"JSON, json", "Json, json", "json, json", "plain, plain", "text, plain"})
    void anyCaseOfJsonSelectsTheJsonFormatWithoutConfigurationErrors(String given, String used)
            throws Exception {
        LoggerContext context = configured(given);

        assertThat(context.getProperty("CTIPIPE_LOG_FORMAT")).isEqualTo(used);
        assertThat(context.getStatusManager().getCopyOfStatusList())
                .noneMatch(status -> status.getLevel() >= Status.WARN);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
    }

    private static LoggerContext configured(String logFormat) throws Exception {
        System.setProperty(LogSettings.FORMAT_PROPERTY, logFormat);
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(JsonLogFormatTest.class.getResource("/logback.xml"));
        return context;
    }

    private static ByteArrayOutputStream captureStderr() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        return captured;
    }
}
