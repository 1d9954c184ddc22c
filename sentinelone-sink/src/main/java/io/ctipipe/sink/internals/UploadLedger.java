package io.ctipipe.sink.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local copy of the sink-state topic for the partitions this instance owns, by partition then
 * Indicator id. It lives in RocksDB on local disk, not on the heap: held in maps it took about 650
 * bytes of heap per Indicator, so a million Indicators did not fit a 256 MB heap; on disk the heap
 * stays flat whatever the backlog, and RocksDB's own memory is bounded (an 8 MB block cache and two
 * 8 MB write buffers, off heap). It is a cache that the topic rebuilds: it starts empty, skips the
 * write-ahead log, and is deleted on close. A killed instance leaves its directory behind; the next
 * start of the same instance deletes it, once the lock file inside shows no live process holds it
 * (several instances, even of one group, may share the base directory). Only the consumer thread
 * touches it.
 */
final class UploadLedger implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(UploadLedger.class);
    private static final long CACHE_BYTES = 8L << 20;
    private static final long WRITE_BUFFER_BYTES = 8L << 20;

    static {
        RocksDB.loadLibrary();
    }

    private static final String LOCK_FILE = "owner.lock";

    private final Path directory;
    private final FileChannel lockChannel;
    private final LRUCache cache = new LRUCache(CACHE_BYTES);
    private final Options options = options(cache);
    private final WriteOptions writes = new WriteOptions().setDisableWAL(true);
    private final Set<Integer> owned = new HashSet<>();
    private final RocksDB db;

    private UploadLedger(Path directory, FileChannel lockChannel) throws RocksDBException {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.db = RocksDB.open(options, directory.resolve("db").toString());
    }

    /** Opens an empty ledger in a fresh directory under base, named after the instance. */
    static UploadLedger open(Path base, String instance) {
        String prefix = instance.replaceAll("[^A-Za-z0-9._-]", "_") + "-";
        deleteLeftovers(base, prefix);
        Path directory = base.resolve(prefix + UUID.randomUUID());
        try {
            Files.createDirectories(directory);
            FileChannel lock = lock(directory);
            return new UploadLedger(directory, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the upload ledger in " + directory, e);
        } catch (RocksDBException e) {
            throw new FatalSinkException("cannot open the upload ledger in " + directory, e);
        }
    }

    /** Holds the directory's lock file for the life of this process's ledger. */
    private static FileChannel lock(Path directory) throws IOException {
        FileChannel channel =
                FileChannel.open(
                        directory.resolve(LOCK_FILE),
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
        if (channel.tryLock() == null) {
            channel.close();
            throw new IOException("the upload ledger " + directory + " is locked");
        }
        return channel;
    }

    /** True when no live process holds the directory's lock file. */
    private static boolean abandoned(Path directory) {
        try (FileChannel channel =
                FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return false;
            }
            lock.release();
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        } catch (IOException e) {
            return !Files.exists(directory.resolve(LOCK_FILE));
        }
    }

    private static Options options(LRUCache cache) {
        return new Options()
                .setCreateIfMissing(true)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(2)
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache));
    }

    IndicatorState get(int partition, String indicatorId) {
        if (!owned.contains(partition)) {
            return IndicatorState.NONE;
        }
        try {
            byte[] value = db.get(key(partition, indicatorId));
            return value == null ? IndicatorState.NONE : StateCodec.decode(value);
        } catch (RocksDBException e) {
            throw failed("read", e);
        }
    }

    /** Starts restoring a partition: it is owned from now on and holds nothing yet. */
    void restoring(int partition) {
        clear(partition);
        owned.add(partition);
    }

    /** Writes restored values of one partition (null deletes), as read from the state topic. */
    void restore(int partition, List<String> indicatorIds, List<byte[]> values) {
        try (WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < indicatorIds.size(); i++) {
                byte[] key = key(partition, indicatorIds.get(i));
                if (values.get(i) == null) {
                    batch.delete(key);
                } else {
                    batch.put(key, values.get(i));
                }
            }
            db.write(writes, batch);
        } catch (RocksDBException e) {
            throw failed("write", e);
        }
    }

    /** Applies updates to the partitions still owned. */
    void apply(List<StateUpdate> updates) {
        try (WriteBatch batch = new WriteBatch()) {
            for (StateUpdate update : updates) {
                if (owned.contains(update.partition())) {
                    byte[] key = key(update.partition(), update.indicatorId());
                    batch.put(key, StateCodec.encode(update.state()));
                }
            }
            db.write(writes, batch);
        } catch (RocksDBException e) {
            throw failed("write", e);
        }
    }

    void drop(int partition) {
        owned.remove(partition);
        clear(partition);
    }

    private void clear(int partition) {
        try {
            db.deleteRange(writes, prefix(partition), prefix(partition + 1));
        } catch (RocksDBException e) {
            throw failed("clear", e);
        }
    }

    static byte[] key(int partition, String indicatorId) {
        byte[] id = indicatorId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + id.length).putInt(partition).put(id).array();
    }

    private static byte[] prefix(int partition) {
        return ByteBuffer.allocate(4).putInt(partition).array();
    }

    private FatalSinkException failed(String what, RocksDBException e) {
        return new FatalSinkException(
                "the upload ledger in " + directory + " failed to " + what + ": " + e, e);
    }

    @Override
    public void close() {
        db.close();
        writes.close();
        options.close();
        cache.close();
        deleteQuietly(directory);
        try {
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release the upload ledger lock dir={}", directory, e);
        }
    }

    private static void deleteLeftovers(Path base, String prefix) {
        if (!Files.isDirectory(base)) {
            return;
        }
        try (Stream<Path> children = Files.list(base)) {
            children.filter(child -> child.getFileName().toString().startsWith(prefix))
                    .filter(UploadLedger::abandoned)
                    .forEach(UploadLedger::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not list old upload ledgers dir={}", base, e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete an upload ledger dir={}", directory, e);
        }
    }
}
