package dev.weft.model.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 for protocol tests, built on the JDK's HttpServer. It replays
 * scripted replies in order (or from a responder function) and records every request.
 */
public final class LocalServer implements AutoCloseable {

    public record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /**
     * One scripted reply.
     *
     * @param chunks    written one after another, flushed, with {@code pauseMillis} between them
     * @param cut       when true the body is cut off: a longer length is declared and the server stops (one reply only)
     * @param stallMillis sleep before answering (for timeouts)
     */
    public record Reply(int status, Map<String, String> headers, List<String> chunks, long pauseMillis, boolean cut,
                 long stallMillis) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), List.of(body), 0, false, 0);
        }

        public static Reply ok(String body) {
            return json(200, body);
        }

        public static Reply stream(String contentType, List<String> chunks) {
            return new Reply(200, Map.of("Content-Type", contentType), chunks, 0, false, 0);
        }

        public static Reply sse(String... events) {
            List<String> chunks = new ArrayList<>();
            for (String e : events) {
                chunks.add("data: " + e + "\n\n");
            }
            return stream("text/event-stream", chunks);
        }

        public static Reply ndjson(String... lines) {
            List<String> chunks = new ArrayList<>();
            for (String l : lines) {
                chunks.add(l + "\n");
            }
            return stream("application/x-ndjson", chunks);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, chunks, pauseMillis, cut, stallMillis);
        }

        public Reply paced(long millis) {
            return new Reply(status, headers, chunks, millis, cut, stallMillis);
        }

        public Reply cutOff() {
            return new Reply(status, headers, chunks, pauseMillis, true, stallMillis);
        }

        public Reply stalled(long millis) {
            return new Reply(status, headers, chunks, pauseMillis, cut, millis);
        }
    }

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Reply> responder;

    public static LocalServer start() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private LocalServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    /** Base URL with the given path prefix, e.g. {@code base("/v1")}. */
    public String base(String prefix) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    public LocalServer enqueue(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** Answers every request by calling {@code f}, for parallel requests whose order is unknown. */
    public LocalServer respondWith(Function<Recorded, Reply> f) {
        this.responder = f;
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    public LocalServer enqueueJson(int status, String body) {
        return enqueue(Reply.json(status, body));
    }

    public String lastPath() {
        return lastRequest().path();
    }

    /** The last request's body as JSON. */
    public com.fasterxml.jackson.databind.JsonNode lastBody() {
        return Harness.json(lastRequest().body());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String query = exchange.getRequestURI().getRawQuery();
        Recorded recorded = new Recorded(exchange.getRequestMethod(),
                exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query),
                Map.copyOf(exchange.getRequestHeaders()), body);
        requests.add(recorded);
        Reply reply = responder != null ? responder.apply(recorded) : script.poll();
        if (reply == null) {
            reply = Reply.json(500, "{\"error\":\"LocalServer: no reply scripted\"}");
        }
        try {
            if (reply.stallMillis() > 0) {
                Thread.sleep(reply.stallMillis());
            }
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[][] chunks = reply.chunks().stream().map(c -> c.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
            long total = 0;
            for (byte[] c : chunks) {
                total += c.length;
            }
            boolean streamed = chunks.length > 1 || reply.pauseMillis() > 0;
            // A cut body declares more than it sends, so the client sees the connection end early.
            long declared = reply.cut() ? total + 4096 : streamed ? 0 : (total == 0 ? -1 : total);
            exchange.sendResponseHeaders(reply.status(), declared);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < chunks.length; i++) {
                if (i > 0 && reply.pauseMillis() > 0) {
                    Thread.sleep(reply.pauseMillis());
                }
                out.write(chunks[i]);
                out.flush();
            }
            if (reply.cut()) {
                // The JDK server would keep the connection open; stopping it drops the socket mid-body.
                Thread stopper = new Thread(() -> server.stop(0));
                stopper.start();
                return;
            }
            out.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientWentAway) {
            // the client cancelled or timed out: nothing more to send
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
