package dev.weft.tui.state;

import dev.weft.loom.Loom;
import java.util.List;
import org.pcollections.HashTreePMap;
import org.pcollections.PMap;

/**
 * Everything the screen shows, as one immutable value: {@code render(state)} draws it and
 * {@code update(state, msg)} makes the next one.
 *
 * @param session  the session's name for the status bar
 * @param requests backend calls in flight, by request id
 * @param undo     deletions that can be undone, most recent last
 * @param message  the message bar's text, or null to show key hints
 * @param unrecorded changes shown that the session does not hold (a write failed)
 */
public record UiState(Loom loom, Focus focus, View view, Overlay overlay, Settings settings,
                      PMap<Long, Request> requests, long nextRequest, TreeState tree, Search search,
                      Scroll scroll, List<Deletion> undo, Message message, Size size, String session,
                      boolean quitting, Unrecorded unrecorded) {

    public UiState {
        undo = List.copyOf(undo);
    }

    public static UiState initial(Loom loom, Focus focus, Settings settings, Size size, String session) {
        return new UiState(loom, focus, View.READ, Overlay.NONE, settings, HashTreePMap.empty(), 1,
                TreeState.INITIAL, Search.NONE, Scroll.TOP, List.of(), null, size, session, false, Unrecorded.NONE);
    }

    public boolean isGenerating() {
        return requests.values().stream().anyMatch(r -> r instanceof Request.Generating);
    }

    public UiState withLoom(Loom l) {
        return new UiState(l, focus, view, overlay, settings, requests, nextRequest, tree, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withFocus(Focus f) {
        return new UiState(loom, f, view, overlay, settings, requests, nextRequest, tree, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withView(View v) {
        return new UiState(loom, focus, v, overlay, settings, requests, nextRequest, tree, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withOverlay(Overlay o) {
        return new UiState(loom, focus, view, o, settings, requests, nextRequest, tree, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withSettings(Settings s) {
        return new UiState(loom, focus, view, overlay, s, requests, nextRequest, tree, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withRequests(PMap<Long, Request> r) {
        return new UiState(loom, focus, view, overlay, settings, r, nextRequest, tree, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withNextRequest(long n) {
        return new UiState(loom, focus, view, overlay, settings, requests, n, tree, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withTree(TreeState t) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, t, search, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withSearch(Search s) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, s, scroll, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withScroll(Scroll s) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, search, s, undo, message, size, session, quitting, unrecorded);
    }

    public UiState withUndo(List<Deletion> u) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, search, scroll, u, message, size, session, quitting, unrecorded);
    }

    public UiState withMessage(Message m) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, search, scroll, undo, m, size, session, quitting, unrecorded);
    }

    public UiState withSize(Size s) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, search, scroll, undo, message, s, session, quitting, unrecorded);
    }

    public UiState withSession(String name) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, search, scroll, undo, message, size, name, quitting, unrecorded);
    }

    public UiState withQuitting(boolean q) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, search, scroll, undo, message, size, session, q, unrecorded);
    }

    public UiState withUnrecorded(Unrecorded u) {
        return new UiState(loom, focus, view, overlay, settings, requests, nextRequest, tree, search, scroll, undo, message, size, session, quitting, u);
    }
}
