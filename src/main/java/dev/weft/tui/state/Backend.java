package dev.weft.tui.state;

import dev.weft.model.Capabilities;

/** The model in use, as the UI needs to know it: names for the status bar and generation records, and what it can do. */
public record Backend(String name, String kind, String model, Capabilities capabilities) {}
