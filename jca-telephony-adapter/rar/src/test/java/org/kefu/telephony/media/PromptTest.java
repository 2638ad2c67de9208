package org.kefu.telephony.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTest {
    static final List<String> SYSTEM_PROMPTS = List.of("welcome", "enter-account", "enter-pin", "wrong-pin",
            "account-locked", "your-balance-is", "main-menu-banking", "main-menu-hotline", "please-hold",
            "your-position-is", "expected-wait", "minutes", "transfer-to-agent", "invalid-input", "goodbye",
            "out-of-hours", "leave-message-after-tone", "beep", "language-choice", "confirm-press-1-cancel-2",
            "transaction-done", "transaction-failed", "card-blocked", "ticket-number-is", "enter-stock-code",
            "enter-price", "enter-quantity", "order-placed", "enter-customer-number", "your-bill-is", "paid",
            "unpaid", "callback-offer", "press-star-for-last-agent");

    @TempDir
    Path dir;

    @Test
    void everySystemPromptExistsInBothLanguagesAndIsShortAndNotSilent() {
        PromptLibrary lib = PromptLibrary.standard(null);
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            for (String name : SYSTEM_PROMPTS) {
                short[] pcm = lib.get(name, l);
                assertThat(pcm.length).as("%s/%s", l, name).isBetween(800, 12 * Audio.SAMPLE_RATE);
                assertThat(Audio.rms(pcm)).as("%s/%s level", l, name).isGreaterThan(300);
            }
        }
        short[] hold = lib.get("music/hold", Locale.ROOT);
        assertThat(hold.length).isBetween(18 * Audio.SAMPLE_RATE, 22 * Audio.SAMPLE_RATE);
        assertThat(Audio.rms(hold)).isGreaterThan(300);
    }

    @Test
    void cachesAndFallsBackToEnglishForOtherLanguages() {
        PromptLibrary lib = PromptLibrary.standard(null);
        assertThat(lib.get("goodbye", Locale.CHINA)).isSameAs(lib.get("goodbye", Locale.SIMPLIFIED_CHINESE));
        assertThat(lib.get("goodbye", Locale.FRENCH)).isSameAs(lib.get("goodbye", Locale.ENGLISH));
        assertThat(lib.get("goodbye", Locale.ENGLISH)).isNotSameAs(lib.get("goodbye", Locale.CHINA));
    }

    @Test
    void missingPromptErrorNamesThePromptAndWhereItLooked() {
        PromptLibrary lib = PromptLibrary.standard(dir);
        assertThatThrownBy(() -> lib.get("no-such-prompt", Locale.CHINA))
                .isInstanceOf(PromptNotFoundException.class)
                .hasMessageContaining("no-such-prompt").hasMessageContaining("zh-CN/no-such-prompt.wav")
                .hasMessageContaining(dir.toString())
                .satisfies(e -> assertThat(((PromptNotFoundException) e).promptName()).isEqualTo("no-such-prompt"));
        assertThatThrownBy(() -> lib.get("../../etc/passwd", Locale.CHINA)).isInstanceOf(PromptNotFoundException.class)
                .hasMessageContaining("invalid prompt name");
    }

    @Test
    void overrideDirectoryWinsAndBadUploadsAreReportedClearly() throws IOException {
        Files.createDirectories(dir.resolve("en"));
        short[] custom = new short[1600];
        java.util.Arrays.fill(custom, (short) 1234);
        WavFile.write(dir.resolve("en/welcome.wav"), custom);
        PromptLibrary lib = PromptLibrary.standard(dir);
        assertThat(lib.get("welcome", Locale.ENGLISH)).containsExactly(custom);
        assertThat(lib.get("welcome", Locale.CHINA)).isNotEqualTo(custom); // zh still from the classpath

        Files.write(dir.resolve("en/goodbye.wav"), WavFileTest.wav(1, 2, 44100, 16, new byte[8], false));
        assertThatThrownBy(() -> lib.get("goodbye", Locale.ENGLISH)).isInstanceOf(PromptNotFoundException.class)
                .hasMessageContaining("goodbye").hasMessageContaining("44100 Hz");

        // A replaced file (new modification time) is reloaded by the next play, without eviction.
        WavFile.write(dir.resolve("en/welcome.wav"), new short[160]);
        Files.setLastModifiedTime(dir.resolve("en/welcome.wav"), java.nio.file.attribute.FileTime.fromMillis(1_000L));
        assertThat(lib.get("welcome", Locale.ENGLISH)).hasSize(160);
        lib.evict("welcome");
        assertThat(lib.get("welcome", Locale.ENGLISH)).hasSize(160);
    }

    @Test
    void playerPlaysClipsBackToBackPaddingTheLastFrameThenCompletesOnce() {
        List<PlaybackOutcome> outcomes = new ArrayList<>();
        short[] a = new short[200];
        short[] b = new short[100];
        java.util.Arrays.fill(a, (short) 1);
        java.util.Arrays.fill(b, (short) 2);
        PromptPlayer p = new PromptPlayer(List.of(a, b), true, false, outcomes::add);
        short[] f1 = p.nextFrame().clone(); // the player reuses its frame
        short[] f2 = p.nextFrame();
        assertThat(f1).containsOnly((short) 1);
        assertThat(f2[39]).isEqualTo((short) 1);
        assertThat(f2[40]).isEqualTo((short) 2);
        assertThat(f2[139]).isEqualTo((short) 2);
        assertThat(f2[140]).isEqualTo((short) 0);
        assertThat(outcomes).isEmpty();
        assertThat(p.nextFrame()).isNull();
        assertThat(p.nextFrame()).isNull();
        p.stop(PlaybackOutcome.STOPPED);
        assertThat(outcomes).containsExactly(PlaybackOutcome.COMPLETED);
    }

    @Test
    void playerStopAndLoop() {
        List<PlaybackOutcome> outcomes = new ArrayList<>();
        PromptPlayer p = new PromptPlayer(List.of(new short[1000]), true, false, outcomes::add);
        p.nextFrame();
        p.stop(PlaybackOutcome.BARGED_IN);
        assertThat(p.nextFrame()).isNull();
        assertThat(outcomes).containsExactly(PlaybackOutcome.BARGED_IN);

        PromptPlayer loop = new PromptPlayer(List.of(new short[100]), false, true, null);
        for (int i = 0; i < 100; i++) {
            assertThat(loop.nextFrame()).hasSize(Audio.FRAME_SAMPLES);
        }
    }
}
