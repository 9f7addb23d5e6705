package dev.weft.tui.layout;

import dev.weft.tui.state.EditTarget;
import dev.weft.tui.state.Overlay;
import dev.weft.tui.state.UiState;

/**
 * The read view's layout for a state: the whole path, or the path up to an open editor and the
 * editor's text. The last whole-path layout is kept (update and render both ask for it for
 * every key) and rebuilt only when the path, width or boundary glyph change.
 */
public final class ReadLayouts {
    private record Key(ReadPath path, int width, String glyph) {}

    private record Entry(Key key, ReadLayout layout) {}

    private static volatile Entry last;

    private ReadLayouts() {}

    public static ReadLayout of(UiState state) {
        ReadPath path = ReadPath.of(state.loom(), state.focus().current());
        int width = state.size().cols();
        String glyph = state.settings().theme().boundaryGlyph();
        if (state.overlay() instanceof Overlay.Editor editor) {
            int upTo = editor.target() instanceof EditTarget.Perturb p ? p.pathStart() : 0;
            ReadPath shown = editor.target() instanceof EditTarget.Perturb ? path : ReadPath.of(state.loom(), null);
            return ReadLayout.wrap(ReadText.withEditor(shown, upTo, glyph, editor.text()), width);
        }
        Key key = new Key(path, width, glyph);
        Entry cached = last;
        if (cached != null && cached.key.path() == path && cached.key.width() == width && cached.key.glyph().equals(glyph)) {
            return cached.layout;
        }
        ReadLayout layout = ReadLayout.wrap(ReadText.of(path, glyph), width);
        last = new Entry(key, layout);
        return layout;
    }
}
