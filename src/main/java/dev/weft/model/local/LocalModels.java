package dev.weft.model.local;

import dev.weft.model.gguf.GgufException;
import dev.weft.model.gguf.GgufHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The GGUF files other tools have downloaded (Ollama, the Hugging Face hub cache, LM Studio,
 * llama.cpp) and those in the config's {@code model_folders}, each described from its header.
 * A file reachable from two places (a symlink, a folder listed twice) is listed once, under the
 * first store that names it. Only headers are read, so listing many gigabytes is quick.
 */
public final class LocalModels {
    /** How deep a folder is searched below its root (PUBLISHER/REPO/FILE is three). */
    private static final int DEPTH = 6;
    private static final Pattern SPLIT = Pattern.compile("(?i)-(\\d{5})-of-(\\d{5})\\.gguf$");
    private static final Pattern HUB_REPO = Pattern.compile("models--(.+)");

    /** What was found, and one line for each thing that could not be read. */
    public record Scan(List<LocalModel> models, List<String> notes) {
        public List<LocalModel> supported() {
            return models.stream().filter(LocalModel::supported).toList();
        }
    }

    private final StoreLocations locations;
    private final List<String> folders;

    public LocalModels(StoreLocations locations, List<String> configFolders) {
        this.locations = locations;
        this.folders = List.copyOf(configFolders);
    }

    public Scan scan() {
        List<LocalModel> models = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (OllamaStore.Entry e : OllamaStore.entries(locations.ollama(), notes)) {
            add(models, seen, LocalStore.OLLAMA, e.name(), e.blob());
        }
        for (Path file : ggufFiles(locations.huggingFace(), notes)) {
            add(models, seen, LocalStore.HUGGING_FACE, hubName(locations.huggingFace(), file), file);
        }
        for (Path root : locations.lmStudio()) {
            for (Path file : ggufFiles(root, notes)) {
                add(models, seen, LocalStore.LM_STUDIO, root.relativize(file).toString().replace('\\', '/'), file);
            }
        }
        Path llama = locations.llamaCpp();
        for (Path file : ggufFiles(llama, notes)) {
            String name = file.toString().contains("models--") ? hubName(llama, file) : file.getFileName().toString();
            add(models, seen, LocalStore.LLAMA_CPP, name, file);
        }
        for (String folder : folders) {
            Path root = locations.expand(folder);
            if (!Files.isDirectory(root)) {
                notes.add("config: model folder " + root + " does not exist");
                continue;
            }
            for (Path file : ggufFiles(root, notes)) {
                add(models, seen, LocalStore.CONFIG, root.relativize(file).toString().replace('\\', '/'), file);
            }
        }
        return new Scan(List.copyOf(models), List.copyOf(notes));
    }

    /** Reads one file's header into a listing entry; a file that does not read says why. */
    public static LocalModel describe(LocalStore store, String name, Path file) {
        long size = size(file);
        Matcher split = SPLIT.matcher(file.getFileName().toString());
        try {
            GgufHeader h = GgufHeader.read(file);
            String unsupported = h.unsupported();
            if (split.find()) {
                String parts = "split into " + Integer.parseInt(split.group(2)) + " files (join them with llama-gguf-split --merge)";
                unsupported = unsupported == null ? parts : unsupported + "; " + parts;
            }
            return new LocalModel(store, name, file, size, h.architecture(), h.parameters(), h.quantisation(),
                    unsupported);
        } catch (GgufException e) {
            String why = e.getMessage();
            String prefix = file + ": ";
            return new LocalModel(store, name, file, size, "?", 0, "?",
                    why.startsWith(prefix) ? why.substring(prefix.length()) : why);
        }
    }

    private static void add(List<LocalModel> models, Set<Path> seen, LocalStore store, String name, Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize();
        }
        if (seen.add(real)) {
            models.add(describe(store, name, file));
        }
    }

    /** {@code *.gguf} files below a folder (following symlinks, as the hub cache's snapshots are), sorted. */
    static List<Path> ggufFiles(Path root, List<String> notes) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, DEPTH, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gguf"))
                    .filter(Files::isRegularFile)
                    .filter(LocalModels::firstPart)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            notes.add("cannot list " + root + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return List.of();
        }
    }

    /** Of a model split into parts, only the first is listed. */
    private static boolean firstPart(Path p) {
        Matcher m = SPLIT.matcher(p.getFileName().toString());
        return !m.find() || Integer.parseInt(m.group(1)) == 1;
    }

    /** {@code models--ORG--NAME/snapshots/REV/FILE} is shown as {@code ORG/NAME/FILE}. */
    static String hubName(Path root, Path file) {
        Path rel = root.relativize(file);
        for (int i = 0; i < rel.getNameCount(); i++) {
            Matcher m = HUB_REPO.matcher(rel.getName(i).toString());
            if (m.matches() && i + 2 < rel.getNameCount() && rel.getName(i + 1).toString().equals("snapshots")) {
                String repo = m.group(1).replace("--", "/");
                Path inside = rel.subpath(i + 3, rel.getNameCount());
                return repo + "/" + inside.toString().replace('\\', '/');
            }
        }
        return rel.toString().replace('\\', '/');
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
