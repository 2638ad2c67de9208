package org.kefu.ivr.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an uploaded prompt must be, and how uploaded names join the flows' catalog. */
class PromptFolderTest {

    /** A WAV header and {@code dataBytes} of silence. */
    static byte[] wav(int format, int channels, int rate, int bits, int dataBytes) {
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) format).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return b.array();
    }

    @Test
    void acceptsEightKilohertzMonoPcmAndG711() {
        assertThat(PromptFolder.checkWav(wav(1, 1, 8000, 16, 16000))).isNull();
        assertThat(PromptFolder.checkWav(wav(6, 1, 8000, 8, 8000))).isNull();
        assertThat(PromptFolder.checkWav(wav(7, 1, 8000, 8, 8000))).isNull();
    }

    @Test
    void refusesOtherFormatsWithTheReason() {
        assertThat(PromptFolder.checkWav(wav(1, 1, 44100, 16, 1000))).contains("8000 Hz").contains("44100");
        assertThat(PromptFolder.checkWav(wav(1, 2, 8000, 16, 1000))).contains("mono");
        assertThat(PromptFolder.checkWav(wav(3, 1, 8000, 32, 1000))).contains("unsupported encoding");
        assertThat(PromptFolder.checkWav(wav(1, 1, 8000, 16, 0))).contains("no audio");
        assertThat(PromptFolder.checkWav("hello, this is not a wav file at all, no header here".getBytes(StandardCharsets.US_ASCII)))
                .contains("RIFF");
        assertThat(PromptFolder.checkWav(new byte[10])).contains("too short");
        assertThat(PromptFolder.checkWav(new byte[PromptFolder.MAX_BYTES + 1])).contains("larger than");
    }

    @Test
    void refusesRecordingsLongerThanTheLimit() {
        byte[] header = wav(7, 1, 8000, 8, 0);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 8000 * (PromptFolder.MAX_SECONDS + 1));
        byte[] longOne = new byte[8000 * (PromptFolder.MAX_SECONDS + 1) + 44];
        System.arraycopy(header, 0, longOne, 0, 44);
        assertThat(PromptFolder.checkWav(longOne)).contains("longer than");
    }

    @Test
    void namesAreLowerCaseWordsInAKnownLanguage() {
        assertThat(PromptFolder.checkName("zh-CN", "holiday-greeting")).isNull();
        assertThat(PromptFolder.checkName("fr", "greeting")).contains("language");
        assertThat(PromptFolder.checkName("en", "../etc/passwd")).contains("prompt name");
        assertThat(PromptFolder.checkName("en", "Greeting")).contains("prompt name");
    }

    @Test
    void uploadedNamesJoinTheCatalogPerLanguage(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("zh-CN"));
        Files.createDirectories(dir.resolve("en"));
        Files.write(dir.resolve("zh-CN/holiday-greeting.wav"), wav(1, 1, 8000, 16, 160));
        Files.write(dir.resolve("en/holiday-greeting.wav"), wav(1, 1, 8000, 16, 160));
        Files.write(dir.resolve("zh-CN/only-chinese.wav"), wav(1, 1, 8000, 16, 160));
        Files.write(dir.resolve("zh-CN/.tmp123.upload"), new byte[3]);
        assertThat(PromptFolder.entries(dir)).containsExactlyInAnyOrder("zh-CN/holiday-greeting", "en/holiday-greeting",
                "zh-CN/only-chinese");
        PromptCatalog catalog = PromptCatalog.load().with(PromptFolder.entries(dir));
        assertThat(catalog.knownFor(java.util.List.of("zh-CN", "en"))).contains("holiday-greeting", "welcome")
                .doesNotContain("only-chinese");
        assertThat(catalog.knownFor(java.util.List.of("zh-CN"))).contains("only-chinese");
    }
}
