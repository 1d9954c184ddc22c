package io.ctipipe.sink.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short fingerprint of everything the sink sends for one IOC: the first 64 bits of the SHA-256 of
 * its JSON, as 16 hex characters. Equal hashes mean nothing changed, so nothing is sent.
 */
public final class ContentHash {
    private static final ObjectMapper JSON = IocCommandCodec.mapper();

    private ContentHash() {}

    public static String of(Ioc ioc) {
        try {
            byte[] json = JSON.writeValueAsString(ioc).getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint an IOC", e);
        }
    }
}
