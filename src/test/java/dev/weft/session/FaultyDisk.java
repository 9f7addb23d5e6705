package dev.weft.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Random;
import java.util.Set;

/**
 * A {@link Disk} that fails as real ones do, on a seeded plan: a disk with a given number of
 * free bytes (a write past them writes what fits and then fails with ENOSPC, as a short write
 * followed by ENOSPC does; truncating and deleting give space back), or a device that fails
 * the k-th write operation with EIO. {@link #free} makes room again.
 */
public final class FaultyDisk implements Disk {
    public static final String ENOSPC = "No space left on device";
    public static final String EIO = "Input/output error";

    private long freeBytes;
    private long failAtOperation; // 1-based count of write operations; 0 = never
    private long operations;
    private long failures;

    private FaultyDisk(long freeBytes, long failAtOperation) {
        this.freeBytes = freeBytes;
        this.failAtOperation = failAtOperation;
    }

    /** A disk with {@code bytes} free. */
    public static FaultyDisk withFree(long bytes) {
        return new FaultyDisk(bytes, 0);
    }

    /** A device whose {@code k}-th write operation (write, force, truncate, create, rename) fails with EIO. */
    public static FaultyDisk failingAt(long k) {
        return new FaultyDisk(Long.MAX_VALUE, k);
    }

    /** A seeded mix: a small free space or an EIO at a random operation up to {@code maxOperation}. */
    public static FaultyDisk seeded(long seed, long maxBytes, long maxOperation) {
        Random random = new Random(seed);
        return random.nextBoolean() ? withFree(random.nextLong(maxBytes)) : failingAt(1 + random.nextLong(maxOperation));
    }

    /** Room again, and no more failures. */
    public synchronized void free() {
        freeBytes = Long.MAX_VALUE;
        failAtOperation = 0;
    }

    /** No room left from now on. */
    public synchronized void fill() {
        freeBytes = 0;
    }

    /** How many operations failed so far. */
    public synchronized long failures() {
        return failures;
    }

    @Override
    public FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
            throws IOException {
        return new Channel(FileChannel.open(file, options, attributes));
    }

    @Override
    public Path createFile(Path file, FileAttribute<?>... attributes) throws IOException {
        operation(0, 0);
        return Files.createFile(file, attributes);
    }

    @Override
    public void replace(Path source, Path target) throws IOException {
        operation(0, 0);
        Disk.super.replace(source, target);
    }

    @Override
    public void delete(Path file) throws IOException {
        long size = Files.exists(file) ? Files.size(file) : 0;
        Disk.super.delete(file);
        giveBack(size);
    }

    /**
     * Accounts for one operation that grows a file by {@code growth} bytes; returns how many of
     * {@code wanted} bytes fit (the rest fails after they are written).
     */
    private synchronized long operation(long wanted, long growth) throws IOException {
        operations++;
        if (failAtOperation != 0 && operations >= failAtOperation) {
            failures++;
            throw new IOException(EIO);
        }
        if (growth > freeBytes) {
            long fits = Math.max(0, wanted - (growth - freeBytes));
            freeBytes = 0;
            failures++;
            return -1 - fits; // caller writes 'fits' bytes, then fails
        }
        if (freeBytes != Long.MAX_VALUE) {
            freeBytes -= growth;
        }
        return wanted;
    }

    private synchronized void giveBack(long bytes) {
        if (freeBytes != Long.MAX_VALUE) {
            freeBytes += bytes;
        }
    }

    /** A real channel whose writes, forces and truncations go through the plan. */
    private final class Channel extends FileChannel {
        private final FileChannel real;

        Channel(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, -1);
        }

        @Override
        public int write(ByteBuffer src, long at) throws IOException {
            long position = at < 0 ? real.position() : at;
            int wanted = src.remaining();
            long growth = Math.max(0, position + wanted - real.size());
            long fits = operation(wanted, growth);
            if (fits < 0) {
                int partial = (int) (-1 - fits);
                ByteBuffer slice = src.slice();
                slice.limit(partial);
                int written = at < 0 ? real.write(slice) : real.write(slice, at);
                src.position(src.position() + written);
                throw new IOException(ENOSPC);
            }
            return at < 0 ? real.write(src) : real.write(src, at);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
            return total;
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            long before = real.size();
            operation(0, 0);
            real.truncate(size);
            giveBack(Math.max(0, before - real.size()));
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            operation(0, 0);
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new IOException("transferFrom is not used by weft's writers");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new IOException("map is not used by weft's writers");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
