package dev.weft.model.http;

import dev.weft.config.ApiKey;
import dev.weft.model.ModelException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLException;

/**
 * Turns what went wrong on the wire into one line for the user: which backend, which URL, what
 * happened and, where there is one, what to do. Server text is scrubbed of the key before use.
 */
final class HttpFailures {
    private final String backend;
    private final String model;
    private final ApiKey key;
    private final Duration readTimeout;

    HttpFailures(String backend, String model, ApiKey key, Duration readTimeout) {
        this.backend = backend;
        this.model = model;
        this.key = key;
        this.readTimeout = readTimeout;
    }

    ModelException io(IOException e, String url) {
        String host = url.replaceFirst("^[a-zA-Z]+://", "").replaceFirst("[:/].*$", "");
        if (e instanceof UnknownHostException) {
            return failure("cannot resolve host " + host + " (" + url + ")", e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return failure("cannot connect to " + url + " (connection refused) — is the server running?", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return failure(url + " did not answer within " + describe(readTimeout) + " (timeout)", e);
        }
        if (e instanceof SSLException) {
            return failure("TLS handshake with " + url + " failed: " + scrub(String.valueOf(e.getMessage())), e);
        }
        return failure("request to " + url + " failed: " + scrub(String.valueOf(e.getMessage())), e);
    }

    ModelException status(int status, ErrorBody error, String url, int attempts) {
        String said = error.message().isEmpty() ? "" : ": " + scrub(error.message());
        if (status == 401 || status == 403) {
            String hint = key.isPresent() ? " (key from " + key.source() + ")"
                    : " — no key was sent; name its environment variable with --api-key-env or api_key_env";
            return failure(url + " refused the API key (" + status + ")" + hint + said, null);
        }
        if (status == 404) {
            return failure(url + " answered 404: model '" + model + "' or the endpoint is not there" + said, null);
        }
        if (status == 429 && error.quotaExhausted()) {
            return failure("quota exhausted at " + url + " (429, not retried)" + said, null);
        }
        if (RetryPolicy.isRetryable(status)) {
            String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
            return failure(url + " answered " + status + tries + said, null);
        }
        if (status == 400 || status == 422) {
            return failure(url + " refused the request (" + status + ")" + said, null);
        }
        return failure(url + " answered " + status + said, null);
    }

    ModelException waitTooLong(int status, Duration wait, ErrorBody error, String url) {
        String said = error.message().isEmpty() ? "" : ": " + scrub(error.message());
        return failure(url + " answered " + status + " and asks to wait " + describe(wait) + "; not waiting" + said,
                null);
    }

    ModelException unreadable(String url, String reason) {
        return failure("unreadable response from " + url + ": " + scrub(reason), null);
    }

    ModelException empty(String url, String what) {
        return failure("response from " + url + " has " + what, null);
    }

    RequestCancelled cancelled(String url) {
        return new RequestCancelled(backend + ": request to " + url + " cancelled");
    }

    static String describe(Duration d) {
        return d.toMillis() < 1000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    String scrub(String text) {
        return key.isPresent() ? text.replace(key.reveal(), "[redacted key]") : text;
    }

    private ModelException failure(String what, Throwable cause) {
        return new ModelException(backend + ": " + what, cause);
    }
}
