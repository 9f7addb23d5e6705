package dev.weft.bench;

import dev.weft.config.ApiKind;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Prompt;
import dev.weft.model.http.Backends;
import dev.weft.model.http.Harness;
import dev.weft.model.http.HttpModel;
import dev.weft.model.http.LocalServer;
import dev.weft.model.http.LocalServer.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The HTTP backends against a real local server: n = 8 siblings from a server that answers one
 * completion per request after a fixed 100 ms (llama.cpp's behaviour; weft sends bounded parallel
 * requests) against n = 1, and the cost per token of parsing a streamed chat response with five
 * alternatives per token.
 */
@State(Scope.Benchmark)
public class HttpBench {
    static final long DELAY_MILLIS = 100;
    static final int STREAMED_TOKENS = 4000;

    private LocalServer slowServer;
    private LocalServer streamServer;
    private HttpModel llamaCpp;
    private HttpModel chat;

    @Setup
    public void start() {
        slowServer = LocalServer.start().respondWith(request -> Reply.sse(
                "{\"content\":\" a\",\"completion_probabilities\":[{\"token\":\" a\",\"logprob\":-0.5,"
                        + "\"top_logprobs\":[{\"token\":\" a\",\"logprob\":-0.5}]}],\"stop\":false}",
                "{\"content\":\"\",\"stop\":true,\"stop_type\":\"limit\"}").stalled(DELAY_MILLIS));
        Harness harness = new Harness();
        llamaCpp = Backends.open(Harness.spec(ApiKind.LLAMACPP, slowServer.base(""), ServerDialect.GENERIC),
                harness.settings().withMaxParallel(8));
        List<String> events = new ArrayList<>();
        for (int i = 0; i < STREAMED_TOKENS; i++) {
            StringBuilder top = new StringBuilder();
            for (int a = 0; a < 5; a++) {
                top.append(a == 0 ? "" : ",").append("{\"token\":\" w").append(a).append("\",\"logprob\":-")
                        .append(a + 0.25).append(",\"bytes\":[32,119,").append(48 + a).append("]}");
            }
            events.add("{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\" w0\"},"
                    + "\"logprobs\":{\"content\":[{\"token\":\" w0\",\"logprob\":-0.25,\"bytes\":[32,119,48],\"top_logprobs\":["
                    + top + "]}]},\"finish_reason\":null}]}");
        }
        events.add("{\"id\":\"x\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}");
        events.add("[DONE]");
        String[] stream = events.toArray(String[]::new);
        streamServer = LocalServer.start().respondWith(request -> Reply.sse(stream));
        chat = Backends.open(Harness.spec(ApiKind.OPENAI_CHAT, streamServer.base("/v1"), ServerDialect.OPENAI),
                harness.settings());
    }

    @TearDown
    public void stop() {
        llamaCpp.close();
        chat.close();
        slowServer.close();
        streamServer.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object oneCompletion() throws Exception {
        return llamaCpp.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withMaxTokens(1).withN(1));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object eightSiblings() throws Exception {
        return llamaCpp.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withMaxTokens(1).withN(8));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(STREAMED_TOKENS)
    public Object streamedTokens() throws Exception {
        return chat.generate(Prompt.of("x"), SamplingParams.DEFAULTS.withMaxTokens(STREAMED_TOKENS).withTopLogprobs(5));
    }
}
