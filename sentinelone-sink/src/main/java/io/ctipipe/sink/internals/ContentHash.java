package io.ctipipe.sink.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ctipipe.contracts.ioc.Ioc;
import io.ctipipe.contracts.ioc.IocCommandCodec;
import java.util.HexFormat;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * A short fingerprint of everything the sink sends for one IOC: the xxHash64 of its JSON, as 16 hex
 * characters. Equal hashes mean nothing changed, so nothing is sent. It only tells one version of
 * an IOC from the next, so it needs no cryptographic strength (SHA-256 took a sixth of the sink's
 * CPU in a profile). A state written by ctipipe 0.1 holds a SHA-256 prefix instead, which never
 * matches: that IOC is sent once more on its Indicator's next command, and its old copy deleted.
 */
public final class ContentHash {
    private static final ObjectMapper JSON = IocCommandCodec.mapper();
    private static final XXHash64 XXHASH = XXHashFactory.fastestJavaInstance().hash64();
    private static final long SEED = 0x637469706970654cL;

    private ContentHash() {}

    public static String of(Ioc ioc) {
        try {
            byte[] json = JSON.writeValueAsBytes(ioc);
            return HexFormat.of().toHexDigits(XXHASH.hash(json, 0, json.length, SEED));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot fingerprint an IOC", e);
        }
    }
}
