package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.loom.Piece;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The small pure decoders every backend leans on. */
class WireDecodingTest {

    @Test
    void bytesTokensDecodeToRawBytes() {
        Piece p = TokenText.piece("bytes:\\xe2\\x80");
        assertArrayEquals(new byte[] {(byte) 0xe2, (byte) 0x80}, p.bytes());
        assertFalse(p.isComplete());
        assertArrayEquals(" é".getBytes(java.nio.charset.StandardCharsets.UTF_8), TokenText.piece("bytes: \\xc3\\xa9").bytes(),
                "text around the escapes is kept");
        assertEquals("bytes", TokenText.piece("bytes").text());
        assertArrayEquals(new byte[] {(byte) 0xf0}, TokenText.piece("?", Harness.json("[240]")).bytes());
        assertEquals("ok", TokenText.piece("ok", Harness.json("[300]")).text(), "not bytes after all: the text is used");
    }

    @Test
    void sentinelsAreNotProbabilities() {
        assertTrue(Double.isNaN(Logprobs.clean(-9999.0)));
        assertTrue(Double.isNaN(Logprobs.clean(-3.4028234663852886e38)));
        assertTrue(Double.isNaN(Logprobs.clean(Double.NEGATIVE_INFINITY)));
        assertTrue(Double.isNaN(Logprobs.clean(Double.NaN)));
        assertTrue(Double.isNaN(Logprobs.clean(3.0)));
        assertEquals(0.0, Logprobs.clean(1e-6), "float rounding above 0 is certainty");
        assertEquals(-9998.5, Logprobs.clean(-9998.5));
        assertTrue(Double.isNaN(Logprobs.fromProbability(0.0)));
        assertEquals(Math.log(0.5), Logprobs.fromProbability(0.5));
        assertTrue(Double.isNaN(Logprobs.clean(Json.number(Harness.json("[-Infinity]").get(0)))),
                "servers that write -Infinity are read, not rejected");
    }

    @Test
    void retryAfterInEveryForm() {
        Clock clock = Clock.fixed(Harness.NOW, ZoneOffset.UTC);
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryAfter.parse(null, "7", clock));
        assertEquals(Optional.of(Duration.ofMillis(251)), RetryAfter.parse("250.2", "7", clock), "milliseconds win");
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetryAfter.parse(null, "Sat, 01 Mar 2025 12:00:30 GMT", clock));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse(null, "Sat, 01 Mar 2025 11:00:00 GMT", clock));
        assertEquals(Optional.empty(), RetryAfter.parse(null, "soon", clock));
        assertEquals(Optional.empty(), RetryAfter.parse("x", null, clock));
    }

    @Test
    void errorBodiesOfEveryServer() {
        assertEquals(new ErrorBody("bad thing", false), ErrorBody.parse("{\"error\":{\"message\":\"bad thing\",\"type\":\"x\"}}"));
        assertEquals(new ErrorBody("quota", true), ErrorBody.parse("{\"error\":{\"message\":\"quota\",\"code\":\"insufficient_quota\"}}"));
        assertEquals(new ErrorBody("model 'x' not found", false), ErrorBody.parse("{\"error\":\"model 'x' not found\"}"));
        assertEquals(new ErrorBody("Loading model", false),
                ErrorBody.parse("{\"error\":{\"code\":503,\"message\":\"Loading model\",\"type\":\"unavailable_error\"}}"));
        assertEquals(new ErrorBody("vllm says", false), ErrorBody.parse("{\"object\":\"error\",\"message\":\"vllm says\"}"));
        assertEquals(new ErrorBody("502 Bad Gateway", false), ErrorBody.parse("<html><h1>502 Bad Gateway</h1>\n</html>"));
        assertEquals(ErrorBody.MAX_LENGTH, ErrorBody.parse("x".repeat(1000)).message().length());
        assertEquals("a b", ErrorBody.oneLine("a\u001b[31m\n\tb").replace("[31m", "").replaceAll(" +", " "));
    }

    @Test
    void framing() {
        assertEquals("{}", Framing.SSE.payload("data: {}"));
        assertEquals("{}", Framing.SSE.payload("data:{}"));
        assertNull(Framing.SSE.payload(": ping"));
        assertNull(Framing.SSE.payload("event: completion"));
        assertNull(Framing.NDJSON.payload("  "));
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(500), Duration.ofSeconds(3));
        assertEquals(Duration.ofMillis(500), p.backoff(1));
        assertEquals(Duration.ofSeconds(2), p.backoff(3));
        assertEquals(Duration.ofSeconds(3), p.backoff(9));
        assertTrue(RetryPolicy.isRetryable(409) && RetryPolicy.isRetryable(502) && !RetryPolicy.isRetryable(404));
    }
}
