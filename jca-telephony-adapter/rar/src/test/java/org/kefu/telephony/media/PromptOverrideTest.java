package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An administrator's upload to the override folder is heard by the next play, without eviction. */
class PromptOverrideTest {

    @Test
    void anOverrideWrittenAfterTheFirstPlayIsPickedUpAndReplacedAgain(@TempDir Path dir) throws Exception {
        PromptLibrary library = PromptLibrary.standard(dir);
        short[] shipped = library.get("welcome", Locale.CHINA);
        assertThat(shipped.length).isGreaterThan(800);

        Path file = dir.resolve("zh-CN/welcome.wav");
        Files.createDirectories(file.getParent());
        WavFile.write(file, new short[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000L));
        assertThat(library.get("welcome", Locale.CHINA)).containsExactly(1, 2, 3);

        WavFile.write(file, new short[] {4, 5});
        Files.setLastModifiedTime(file, FileTime.fromMillis(2_000_000L));
        assertThat(library.get("welcome", Locale.CHINA)).containsExactly(4, 5);

        Files.delete(file);
        assertThat(library.get("welcome", Locale.CHINA)).hasSize(shipped.length);
    }
}
