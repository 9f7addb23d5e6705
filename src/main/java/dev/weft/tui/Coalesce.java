package dev.weft.tui;

import dev.weft.loom.Token;
import dev.weft.tui.state.Msg;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the token arrivals of one round by request and choice, so a burst of streamed tokens
 * becomes one loom change and one journal line per frame rather than one per token. Merged
 * tokens take the place of the first arrival, which is before the request's end message.
 */
final class Coalesce {
    private Coalesce() {}

    private record Stream(long request, int choice) {}

    static List<Msg> tokens(List<Msg> batch) {
        List<Msg> out = new ArrayList<>(batch.size());
        Map<Stream, Integer> at = new HashMap<>();
        for (Msg m : batch) {
            if (!(m instanceof Msg.TokensArrived t)) {
                out.add(m);
                continue;
            }
            Stream key = new Stream(t.request(), t.choice());
            Integer i = at.get(key);
            if (i == null) {
                at.put(key, out.size());
                out.add(t);
            } else {
                List<Token> joined = new ArrayList<>(((Msg.TokensArrived) out.get(i)).tokens());
                joined.addAll(t.tokens());
                out.set(i, new Msg.TokensArrived(t.request(), t.choice(), joined));
            }
        }
        return out;
    }
}
