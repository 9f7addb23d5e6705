package dev.weft.model.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.weft.config.ApiKind;
import dev.weft.config.BackendSpec;
import dev.weft.config.CapabilityOverrides;
import dev.weft.config.ServerDialect;
import dev.weft.loom.SamplingParams;
import dev.weft.model.Capabilities;
import dev.weft.model.Completion;
import dev.weft.model.LanguageModel;
import dev.weft.model.Prompt;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void theEmbeddedSpecOpensWhateverTheSupplierGives() {
        LanguageModel embedded = new LanguageModel() {
            @Override
            public String backend() {
                return "embedded";
            }

            @Override
            public String model() {
                return "n-gram";
            }

            @Override
            public Capabilities capabilities() {
                return new Capabilities(100, true, true, true, true, true);
            }

            @Override
            public List<Completion> generate(Prompt p, SamplingParams s, dev.weft.model.TokenSink k,
                                             dev.weft.model.Cancellation c) {
                return List.of();
            }
        };
        assertSame(embedded, Backends.open(new BackendSpec.Embedded(), () -> embedded, HttpSettings.DEFAULTS));
    }

    @Test
    void profileOverridesWinOverDeclaredCapabilities() {
        BackendSpec.Remote spec = Harness.withCaps(Harness.spec(ApiKind.LLAMACPP, "http://h:1", ServerDialect.GENERIC),
                new CapabilityOverrides(100, null, true, null));
        assertEquals(new Capabilities(100, false, true, true, false, false), Backends.capabilities(spec));
        assertEquals(new Capabilities(5, true, true, true, false, false),
                Backends.declared(ApiKind.OPENAI_COMPLETIONS, ServerDialect.OPENAI));
        assertEquals(new Capabilities(20, true, true, true, false, false),
                Backends.declared(ApiKind.OPENAI_COMPLETIONS, ServerDialect.VLLM));
    }
}
