package dev.weft.tui.update;

import dev.weft.loom.Loom;
import dev.weft.loom.NodeId;
import dev.weft.session.SessionView;
import dev.weft.tui.layout.ReadPath;
import dev.weft.tui.state.Focus;
import java.util.HashMap;
import java.util.Map;

/**
 * The read view's focus as a session keeps it, both ways. The session's view holds the cursor
 * as a token of the node it is in; the read view also needs the node its path ends at, which
 * may lie below (the cursor can sit in an ancestor), so that node goes in the view's settings as
 * {@value #PATH_END}. Opening a session and replaying one read it the same way.
 */
public final class SessionFocus {
    public static final String PATH_END = "path-end";

    private SessionFocus() {}

    /** The session's view (node under the cursor, token in it) as the read view's focus. */
    public static Focus of(Loom loom, SessionView view) {
        NodeId at = view.current();
        if (at == null || !loom.contains(at)) {
            return Focus.NONE;
        }
        NodeId end = pathEnd(loom, view.settings().get(PATH_END), at);
        ReadPath path = ReadPath.of(loom, end);
        int k = path.indexOf(at);
        return new Focus(end, path.start(k) + view.cursor());
    }

    /** The read view's focus as the session's view. */
    public static SessionView viewOf(Loom loom, Focus focus, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        if (focus.current() == null || !loom.contains(focus.current())) {
            return new SessionView(null, 0, all);
        }
        ReadPath path = ReadPath.of(loom, focus.current());
        if (path.size() == 0) {
            return new SessionView(focus.current(), 0, all);
        }
        int cursor = path.clamp(focus.cursor());
        int k = path.nodeAt(cursor);
        all.put(PATH_END, Integer.toString(focus.current().value()));
        return new SessionView(path.node(k).id(), cursor - path.start(k), all);
    }

    /** The saved path end when it is still a descendant of the cursor's node, else that node. */
    private static NodeId pathEnd(Loom loom, String saved, NodeId at) {
        try {
            NodeId end = saved == null ? at : new NodeId(Integer.parseInt(saved));
            return loom.contains(end) && ReadPath.of(loom, end).indexOf(at) >= 0 ? end : at;
        } catch (IllegalArgumentException e) {
            return at;
        }
    }
}
