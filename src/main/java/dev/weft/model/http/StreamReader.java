package dev.weft.model.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Feeds the lines of one streamed response through the protocol into the choice buffers, and
 * remembers how the stream ended: with the server's end marker, with an error event, or with an
 * event it could not read (which stops the stream: what follows cannot be trusted).
 */
final class StreamReader implements HttpTransport.LineHandler {
    private final WireProtocol protocol;
    private final ChoiceBuffers buffers;
    private boolean ended;
    private String problem;

    StreamReader(WireProtocol protocol, ChoiceBuffers buffers) {
        this.protocol = protocol;
        this.buffers = buffers;
    }

    @Override
    public boolean accept(String line) {
        String payload = protocol.framing().payload(line);
        if (payload == null || payload.isBlank()) {
            return true;
        }
        if (payload.strip().equals(Framing.DONE)) {
            ended = true;
            return false;
        }
        try {
            JsonNode event = Json.read(payload);
            if (ErrorBody.isError(event)) {
                String said = ErrorBody.of(event).message();
                problem = "the server reported an error mid-stream: " + (said.isEmpty() ? "(no message)" : said);
                return false;
            }
            StreamEvent parsed = protocol.parseEvent(event);
            if (parsed instanceof StreamEvent.Delta delta) {
                for (ChoiceDelta choice : delta.choices()) {
                    buffers.add(choice);
                }
                if (!buffers.anyRunning()) {
                    ended = true;
                }
            } else if (parsed instanceof StreamEvent.Done) {
                ended = true;
                return false;
            } else if (parsed instanceof StreamEvent.Failed failed) {
                problem = "the server reported an error mid-stream: " + failed.message();
                return false;
            }
            return true;
        } catch (Json.MalformedJson e) {
            problem = "unreadable stream event: " + e.getMessage();
            return false;
        } catch (LayoutException e) {
            problem = "unexpected stream event: " + e.getMessage();
            return false;
        }
    }

    /** The server said the stream was complete (end marker, or every choice finished). */
    boolean ended() {
        return ended;
    }

    /** Why reading stopped early, or null. */
    String problem() {
        return problem;
    }
}
