package io.ctipipe.emulator.opencti.internals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import java.util.UUID;

/** Name-based (SHA-1, version 5) and seeded random (version 4) UUIDs. */
public final class UuidV5 {
    /** The namespace OpenCTI uses for the standard ids of STIX objects. */
    public static final UUID OASIS = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

    private UuidV5() {}

    public static UUID of(UUID namespace, String name) {
        ByteBuffer input = ByteBuffer.allocate(16 + name.length() * 4);
        input.putLong(namespace.getMostSignificantBits());
        input.putLong(namespace.getLeastSignificantBits());
        input.put(name.getBytes(StandardCharsets.UTF_8));
        byte[] hash = sha1(input.array(), input.position());
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }

    /** A version-4 UUID drawn from a seeded generator, so that traffic is reproducible. */
    public static UUID random(Random random) {
        long most = (random.nextLong() & ~0xf000L) | 0x4000L;
        long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    private static byte[] sha1(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JVM", e);
        }
    }
}
