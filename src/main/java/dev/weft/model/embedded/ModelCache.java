package dev.weft.model.embedded;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * A directory of trained models, so that only the first start pays for training. A file is
 * named by a hash of everything that determines its content (corpus text, order, tokenizer,
 * file format), written atomically, and ignored when it cannot be read back intact.
 */
public final class ModelCache {
    private final Path directory;

    private ModelCache(Path directory) {
        this.directory = directory;
    }

    /** A cache in {@code directory} (tests point this at a temporary directory). */
    public static ModelCache at(Path directory) {
        return new ModelCache(directory);
    }

    /** {@code $XDG_CACHE_HOME/weft}, or {@code ~/.cache/weft} when that is unset or not absolute (as the spec says). */
    public static ModelCache userDefault() {
        // $HOME, as config, themes and history use (Java's user.home can differ under sudo -E, su)
        String home = System.getenv("HOME");
        return at(userCacheDirectory(System.getenv(),
                home != null && !home.isBlank() ? home : System.getProperty("user.home")));
    }

    static Path userCacheDirectory(Map<String, String> environment, String home) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("weft");
    }

    public Path directory() {
        return directory;
    }

    /** Where the model for this corpus and order lives (whether or not it exists yet). */
    public Path fileFor(TrainingCorpus corpus, int order) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        String recipe = "weft-kn format=" + ModelFile.FORMAT_VERSION + " tokenizer=" + Gpt2Tokenizer.NAME
                + " order=" + order + "\n";
        sha256.update(recipe.getBytes(StandardCharsets.UTF_8));
        sha256.update(("corpus-sha256=" + corpus.digest()).getBytes(StandardCharsets.UTF_8));
        String hash = HexFormat.of().formatHex(sha256.digest(), 0, 12);
        return directory.resolve("kn" + order + "-" + hash + ".bin");
    }

    /** The cached model, or empty when there is none or it is damaged (the caller retrains and overwrites it). */
    public Optional<KneserNeyModel> load(Path file) {
        try {
            return Optional.of(ModelFile.decode(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Writes the model to a temporary file beside {@code file}, syncs it, then renames it into place. */
    public void store(Path file, KneserNeyModel model) throws IOException {
        storeAtomically(file, ModelFile.encode(model));
    }

    /** Writes {@code bytes} to a temporary file beside {@code file}, syncs it, then renames it into place. */
    static void storeAtomically(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
