package dev.weft.model.local;

import java.nio.file.Path;

/**
 * A GGUF file found on this machine, described from its header alone.
 *
 * @param name          the name the owning tool uses: {@code llama3.2:1b} for Ollama,
 *                      {@code ORG/REPO/FILE.gguf} for the Hugging Face cache and LM Studio, the
 *                      file name otherwise
 * @param path          the file to open (for Ollama and the Hugging Face cache, the blob itself)
 * @param architecture  {@code general.architecture}, or "?" when the header could not be read
 * @param parameters    weights in the file, 0 when unknown
 * @param quantisation  llama.cpp's name (Q4_K_M, Q8_0, F16...), or "?"
 * @param unsupported   why weft cannot run it, or null when it can
 */
public record LocalModel(LocalStore store, String name, Path path, long size, String architecture, long parameters,
                         String quantisation, String unsupported) {

    public boolean supported() {
        return unsupported == null;
    }
}
