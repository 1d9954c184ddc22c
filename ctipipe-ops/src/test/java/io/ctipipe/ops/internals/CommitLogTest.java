package io.ctipipe.ops.internals;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommitLogTest {

    @Test
    void readsTheGroupTopicAndPartitionOfAnOffsetCommitKey() throws IOException {
        assertThat(CommitLog.parseKey(key(1, "ctipipe-sink", "sentinelone.iocs", 2)))
                .contains(new CommitLog.CommitKey("ctipipe-sink", "sentinelone.iocs", 2));
        assertThat(CommitLog.parseKey(key(0, "g", "t", 0)))
                .contains(new CommitLog.CommitKey("g", "t", 0));
    }

    @Test
    void ignoresGroupMetadataAndOtherRecordTypes() throws IOException {
        assertThat(CommitLog.parseKey(key(2, "ctipipe-sink", "x", 0))).isEmpty();
        assertThat(CommitLog.parseKey(key(3, "ctipipe-sink", "x", 0))).isEmpty();
    }

    @Test
    void ignoresTruncatedOrMissingKeys() throws IOException {
        byte[] whole = key(1, "ctipipe-sink", "sentinelone.iocs", 2);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertThat(CommitLog.parseKey(cut)).isEmpty();
        assertThat(CommitLog.parseKey(null)).isEmpty();
        assertThat(CommitLog.parseKey(new byte[] {0})).isEmpty();
    }

    /** The broker's layout: int16 version, int16-length strings, int32 partition. */
    private static byte[] key(int version, String group, String topic, int partition)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(version);
        writeString(out, group);
        writeString(out, topic);
        out.writeInt(partition);
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }
}
