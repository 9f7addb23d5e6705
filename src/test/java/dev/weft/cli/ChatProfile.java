package dev.weft.cli;

import dev.weft.model.http.LocalServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local server that answers every request with one OpenAI chat stream, and a config file whose
 * profile "tuned" points at it, in force until closed. The stream's one token reports " 97",
 * " 42", " 7" and a sentinel (not in the top-k) as its alternatives.
 */
final class ChatProfile implements AutoCloseable {
    static final String NAME = "tuned";

    private static final LocalServer.Reply REPLY = LocalServer.Reply.sse("""
            {"id":"c","object":"chat.completion.chunk","created":1,"model":"tuned","choices":[{"index":0,\
            "delta":{"content":" 97"},"logprobs":{"content":[{"token":" 97","logprob":-0.5,"bytes":[32,57,55],\
            "top_logprobs":[{"token":" 97","logprob":-0.5,"bytes":[32,57,55]},\
            {"token":" 42","logprob":-1.5,"bytes":[32,52,50]},{"token":" 7","logprob":-3.0,"bytes":[32,55]},\
            {"token":" 1","logprob":-9999.0,"bytes":[32,49]}]}]},"finish_reason":null}]}""", """
            {"id":"c","object":"chat.completion.chunk","created":1,"model":"tuned","choices":[{"index":0,\
            "delta":{},"logprobs":null,"finish_reason":"length"}]}""", "[DONE]");

    private final LocalServer server;
    private final String previousConfig;

    private ChatProfile(LocalServer server, String previousConfig) {
        this.server = server;
        this.previousConfig = previousConfig;
    }

    static ChatProfile start(Path dir) throws IOException {
        LocalServer server = LocalServer.start().respondWith(request -> REPLY);
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"profiles\":{\"" + NAME + "\":{\"api\":\"openai-chat\",\"base_url\":\""
                + server.base("/v1") + "\",\"model\":\"tuned\"}}}");
        String previous = System.getProperty(ModelOptions.CONFIG_PROPERTY);
        System.setProperty(ModelOptions.CONFIG_PROPERTY, config.toString());
        return new ChatProfile(server, previous);
    }

    LocalServer server() {
        return server;
    }

    @Override
    public void close() {
        if (previousConfig == null) {
            System.clearProperty(ModelOptions.CONFIG_PROPERTY);
        } else {
            System.setProperty(ModelOptions.CONFIG_PROPERTY, previousConfig);
        }
        server.close();
    }
}
