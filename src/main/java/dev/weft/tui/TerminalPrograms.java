package dev.weft.tui;

import dev.weft.tui.state.EditTarget;
import dev.weft.tui.state.Msg;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What runs while weft has stepped aside from the terminal (the screen stopped, the key reader
 * paused): the user's editor on a temp file ({@code E}), and suspending weft itself
 * ({@code C-z}, back with {@code fg}). Tests replace it; nothing here touches the screen.
 */
interface TerminalPrograms {

    /** Edits {@code text} in the user's editor; the message says what came back, or why nothing did. */
    Msg edit(EditTarget target, String text);

    /** Stops weft as the shell's C-z would, returning when it is continued. */
    void suspend() throws IOException;

    /** The real ones: $VISUAL, else $EDITOR, else vi, run through sh so "code -w" works; SIGTSTP to ourselves. */
    static TerminalPrograms of(Map<String, String> env) {
        return of(env, null);
    }

    /** As above; {@code modes} gives the tty's modes back while weft is stopped (null: leave them). */
    static TerminalPrograms of(Map<String, String> env, WeftTerminal modes) {
        return new TerminalPrograms() {
            @Override
            public Msg edit(EditTarget target, String text) {
                String editor = firstSet(env.get("VISUAL"), env.get("EDITOR"), "vi");
                Path file = null;
                try {
                    file = Files.createTempFile("weft-edit-", ".txt");
                    Files.writeString(file, text, StandardCharsets.UTF_8);
                    Process p = new ProcessBuilder(List.of("sh", "-c", editor + " \"$1\"", "sh", file.toString()))
                            .inheritIO().start();
                    int code = p.waitFor();
                    if (code != 0) {
                        return new Msg.Failure("the editor (" + editor + ") exited with " + code + ": nothing changed");
                    }
                    return new Msg.ExternallyEdited(target, Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    return new Msg.Failure("could not run the editor (" + editor + "): " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Msg.Failure("the editor was interrupted: nothing changed");
                } finally {
                    if (file != null) {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException ignored) {
                            // a temp file left behind holds only text that is in the session
                        }
                    }
                }
            }

            @Override
            public void suspend() throws IOException {
                // SIGTSTP stops us a moment after kill returns: wait for SIGCONT (fg) before drawing again,
                // or the frame drawn now would be lost under the shell's "Stopped" line
                java.util.concurrent.CountDownLatch continued = new java.util.concurrent.CountDownLatch(1);
                sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("CONT"), sig -> continued.countDown());
                if (modes != null) {
                    modes.releaseModes();
                }
                try {
                    long sent = System.nanoTime();
                    new ProcessBuilder("kill", "-TSTP", Long.toString(ProcessHandle.current().pid()))
                            .inheritIO().start().waitFor();
                    boolean back = continued.await(2, java.util.concurrent.TimeUnit.SECONDS)
                            || System.nanoTime() - sent > 2_500_000_000L; // stopped past the wait: the timer woke first
                    if (!back) {
                        throw new IOException("weft was not stopped (the shell has no job control here)");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    sun.misc.Signal.handle(new sun.misc.Signal("CONT"), before);
                    if (modes != null) {
                        modes.takeModes(); // the shell's fg does not restore them
                    }
                }
            }
        };
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "vi";
    }
}
