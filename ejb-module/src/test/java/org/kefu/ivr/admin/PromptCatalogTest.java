package org.kefu.ivr.admin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** prompt-names.txt must list exactly the adapter's prompt WAVs. */
class PromptCatalogTest {

    private static final Path PROMPTS = Paths.get("../jca-telephony-adapter/rar/src/main/resources/prompts");

    @Test
    void theListMatchesThePromptFolder() throws IOException {
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(PROMPTS)) {
            files.filter(p -> p.getFileName().toString().endsWith(".wav"))
                    .forEach(p -> {
                        String rel = PROMPTS.relativize(p).toString().replace('\\', '/');
                        onDisk.add(rel.substring(0, rel.length() - 4));
                    });
        }
        assertFalse(onDisk.isEmpty());
        assertEquals(onDisk, new TreeSet<>(PromptCatalog.load().entries()),
                "org/kefu/ivr/prompt-names.txt differs from " + PROMPTS
                        + ": regenerate it (find . -name '*.wav' in the prompt folder, without .wav)");
    }

    @Test
    void knownForNeedsEveryLanguageAndKeepsMusic() {
        PromptCatalog c = new PromptCatalog(Set.of("zh-CN/welcome", "en/welcome", "en/and", "music/hold"));
        assertEquals(Set.of("welcome", "music/hold"), c.knownFor(List.of("zh-CN", "en")));
        assertTrue(c.knownFor(List.of("en")).contains("and"));
    }
}
