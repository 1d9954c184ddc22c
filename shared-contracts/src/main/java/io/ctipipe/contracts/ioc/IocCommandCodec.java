package io.ctipipe.contracts.ioc;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON bytes for {@link IocCommand} and {@link Ioc}, the one encoding both sides use. */
public final class IocCommandCodec {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private IocCommandCodec() {}

    public static byte[] encode(IocCommand command) {
        try {
            return JSON.writeValueAsBytes(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a command; throws IllegalArgumentException when the bytes are not one. */
    public static IocCommand decode(byte[] bytes) {
        try {
            IocCommand command = JSON.readValue(bytes, IocCommand.class);
            if (command == null || command.action() == null || command.indicatorId() == null) {
                throw new IllegalArgumentException("IOC command without action or indicatorId");
            }
            return command;
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IOC command: " + e.getMessage(), e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON.copy();
    }
}
