package dev.weft.tui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/** {@code :yank FILE}: the path's text to a file, never over an existing one unless asked ({@code :yank! FILE}). */
final class YankFile {
    private YankFile() {}

    /** {@code ~}, {@code ~/x}, {@code $HOME/x} and {@code ${HOME}/x} with the user's home ({@code $HOME}). */
    static Path expand(String text, Map<String, String> env) {
        String home = env.get("HOME");
        if (home != null && !home.isBlank()) {
            if (text.equals("~") || text.equals("$HOME") || text.equals("${HOME}")) {
                return Path.of(home);
            }
            for (String prefix : new String[] {"~/", "$HOME/", "${HOME}/"}) {
                if (text.startsWith(prefix)) {
                    return Path.of(home).resolve(text.substring(prefix.length()));
                }
            }
        }
        return Path.of(text).toAbsolutePath().normalize();
    }

    /** Writes {@code text}; the message says where, or one line saying why not (an existing file is left as it was). */
    static String write(String file, String text, boolean overwrite, Map<String, String> env) throws IOException {
        Path target = expand(file, env);
        try {
            if (overwrite) {
                Files.writeString(target, text, StandardCharsets.UTF_8);
            } else {
                Files.writeString(target, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException(target + " exists; :yank! " + file + " writes over it");
        } catch (NoSuchFileException e) {
            throw new IOException("cannot write " + target + ": no folder " + target.getParent());
        }
        return "yanked " + text.length() + " characters to " + target;
    }
}
