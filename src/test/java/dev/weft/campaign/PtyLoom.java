package dev.weft.campaign;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The real loom ({@code weft FILE}: this build's classes in a JVM of their own) running
 * full-screen on a pseudo-terminal that a private tmux server allocates, as a user's ssh or
 * tmux session would: keys go in through the terminal, the screen is read back as tmux drew
 * it, and the process can be signalled or its terminal hung up (the server killed: the kernel
 * sends SIGHUP, and the tty then fails every read and write, as when an ssh connection drops).
 */
final class PtyLoom implements AutoCloseable {
    private final String socket;
    private final long pid;

    private PtyLoom(String socket, long pid) {
        this.socket = socket;
        this.pid = pid;
    }

    /** True when tmux can be run here (the harness skips its loom rounds otherwise). */
    static boolean available() {
        try {
            return new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Starts {@code weft FILE} on a {@code cols}×{@code rows} terminal. The child gets this test
     * JVM's class path and model cache, and its own config and state folders under {@code home}
     * (no user config, no command history of the user's written).
     */
    static PtyLoom start(String socket, Path session, Path home, int cols, int rows) throws IOException, InterruptedException {
        List<String> java = new ArrayList<>(List.of(
                "env", "XDG_CONFIG_HOME=" + home.resolve("config"), "XDG_STATE_HOME=" + home.resolve("state"),
                "HOME=" + home, "COLORTERM=truecolor", "LANG=C.UTF-8", "LC_ALL=C.UTF-8",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        String cache = System.getProperty("weft.cache");
        if (cache != null) {
            java.add("-Dweft.cache=" + cache);
        }
        java.add("-Dweft.config=" + home.resolve("config").resolve("weft").resolve("config.json"));
        java.addAll(List.of("dev.weft.cli.Launcher", session.toString()));
        StringBuilder command = new StringBuilder("exec");
        for (String arg : java) {
            command.append(' ').append(quote(arg));
        }
        run(socket, "-f", "/dev/null", "new-session", "-d", "-s", "weft", "-x", String.valueOf(cols), "-y",
                String.valueOf(rows), command.toString());
        String pane = run(socket, "display-message", "-p", "-t", "weft", "#{pane_pid}").trim();
        return new PtyLoom(socket, Long.parseLong(pane));
    }

    long pid() {
        return pid;
    }

    /** Presses keys by tmux's names ({@code g}, {@code Escape}, {@code Enter}, {@code Left}). */
    void keys(String... names) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "weft"));
        args.addAll(List.of(names));
        run(socket, args.toArray(String[]::new));
    }

    /** Types {@code text} as it is. */
    void type(String text) throws IOException, InterruptedException {
        run(socket, "send-keys", "-t", "weft", "-l", text);
    }

    /** The screen as tmux shows it now, one line per row. */
    String screen() throws IOException, InterruptedException {
        return run(socket, "capture-pane", "-p", "-t", "weft");
    }

    /** Waits until {@code text} is on the screen; false after {@code timeout}. */
    boolean awaitScreen(String text, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (screen().contains(text)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Sends {@code signal} (KILL, TERM, HUP) to the weft process itself. */
    void signal(String signal) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).start().waitFor();
    }

    /** Hangs up the terminal: the tmux server goes, the pty's master closes. */
    void hangUp() throws IOException, InterruptedException {
        runQuietly(socket, "kill-server");
    }

    /** Waits for the weft process to end; false when it still runs after {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return true;
        }
        try {
            handle.get().onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Ends the tmux server, and weft with SIGKILL if it outlived it. */
    @Override
    public void close() throws IOException, InterruptedException {
        runQuietly(socket, "kill-server");
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        awaitExit(Duration.ofSeconds(10));
    }

    private static String run(String socket, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("tmux " + String.join(" ", args).replaceAll("\\s+", " ") + ": " + out.trim());
        }
        return out;
    }

    private static void runQuietly(String socket, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    private static String quote(String arg) {
        return "'" + arg.replace("'", "'\\''") + "'";
    }
}
