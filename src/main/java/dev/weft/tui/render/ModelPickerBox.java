package dev.weft.tui.render;

import dev.weft.model.choice.ModelChoice;
import dev.weft.model.choice.Reach;
import dev.weft.tui.layout.Glyphs;
import dev.weft.tui.state.ModelPicker;
import dev.weft.tui.theme.Part;
import dev.weft.tui.theme.Style;

/**
 * The model picker over the view: one row per backend (● the one in use), whether it answers as the
 * doctor's probe found, and what the selected one is on the row below the list.
 */
final class ModelPickerBox {
    private static final int NAME_MAX = 28;
    private static final int STATUS = 5;

    private ModelPickerBox() {}

    static void render(ModelPicker picker, Painter p, int bodyRows) {
        int width = Math.min(p.cols(), 90);
        int listRows = Math.max(1, Math.min(Math.max(1, picker.choices().size()), bodyRows - 4));
        int height = Math.min(bodyRows, listRows + 3);
        int left = (p.cols() - width) / 2;
        int top = Math.max(0, Math.min(1, bodyRows - height));
        Style fill = p.style(Part.POPUP);
        Box.draw(p, left, top, width, height, p.style(Part.POPUP_BORDER), fill,
                (picker.vs() ? "compare against · now " : "model · generating with ") + picker.current()
                        + (picker.searching() ? " · looking for model files…" : ""),
                picker.vs() ? "↵ compare · esc" : "↵ use · V compare · esc");
        if (height < 3) {
            return;
        }
        int inner = width - 2;
        if (picker.choices().isEmpty()) {
            p.clipped(left + 2, top + 1, "listing…", p.style(Part.MUTED), inner - 2);
            return;
        }
        int nameWidth = 0;
        for (ModelChoice c : picker.choices()) {
            nameWidth = Math.max(nameWidth, Math.min(NAME_MAX, Glyphs.columns(c.name())));
        }
        int rows = Math.min(listRows, height - 3);
        int first = Math.max(0, Math.min(picker.selected() - rows + 1, picker.choices().size() - rows));
        for (int r = 0; r < rows; r++) {
            int i = first + r;
            ModelChoice c = picker.choices().get(i);
            boolean selected = i == picker.selected();
            int row = top + 1 + r;
            Style base = selected ? p.style(Part.POPUP_SELECTED) : fill;
            p.fill(left + 1, row, inner, base);
            int col = left + 1;
            p.put(col, row, c.name().equals(picker.current()) ? "●" : " ", base);
            col += 2;
            p.clipped(col, row, c.name(), base, nameWidth);
            col += nameWidth + 2;
            Style status = selected ? base : p.style(statusPart(c.reach().status()));
            p.text(col, row, c.reach().status().label(), status, STATUS);
            col += STATUS + 1;
            p.clipped(col, row, c.reach().text(), base, left + width - 1 - col);
        }
        ModelChoice chosen = picker.selectedChoice();
        p.clipped(left + 2, top + 1 + rows, chosen.kind().label() + " · " + chosen.what(), p.style(Part.MUTED), inner - 2);
    }

    private static Part statusPart(Reach.Status status) {
        return switch (status) {
            case READY -> Part.POPUP_CHOSEN;
            case WARN -> Part.NOTICE;
            case FAIL -> Part.ERROR;
            case CHECKING -> Part.MUTED;
        };
    }
}
