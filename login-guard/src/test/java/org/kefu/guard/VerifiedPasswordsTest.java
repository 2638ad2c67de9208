package org.kefu.guard;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordsTest {

    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuFakeStoredHashForTheTestOnly12345";
    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedPasswords verified = new VerifiedPasswords(300, now::get);

    @Test
    void confirmsOnlyWhatBcryptAcceptedForThatLoginAndHash() {
        assertThat(verified.confirms("1001", HASH, "kefu2026".toCharArray())).as("nothing remembered yet").isFalse();
        verified.remember("1001", HASH, "kefu2026".toCharArray());

        assertThat(verified.confirms("1001", HASH, "kefu2026".toCharArray())).isTrue();
        assertThat(verified.confirms("1001", HASH, "kefu2027".toCharArray())).as("another password").isFalse();
        assertThat(verified.confirms("1001", HASH, "".toCharArray())).as("no password").isFalse();
        assertThat(verified.confirms("1002", HASH, "kefu2026".toCharArray())).as("another login").isFalse();
        assertThat(verified.confirms("1001", HASH.replace('F', 'G'), "kefu2026".toCharArray()))
                .as("the password was changed since: another stored hash").isFalse();
    }

    @Test
    void forgetsAfterItsTime() {
        verified.remember("1001", HASH, "kefu2026".toCharArray());
        now.addAndGet(299_000_000_000L);
        assertThat(verified.confirms("1001", HASH, "kefu2026".toCharArray())).isTrue();
        now.addAndGet(1_000_000_000L);
        assertThat(verified.confirms("1001", HASH, "kefu2026".toCharArray())).as("300 s later").isFalse();
    }

    @Test
    void zeroSecondsTurnsItOff() {
        VerifiedPasswords off = new VerifiedPasswords(0, now::get);
        off.remember("1001", HASH, "kefu2026".toCharArray());
        assertThat(off.confirms("1001", HASH, "kefu2026".toCharArray())).isFalse();
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < VerifiedPasswords.MAX_ENTRIES + 5; i++) {
            verified.remember("u" + i, HASH, "kefu2026".toCharArray());
        }
        String last = "u" + (VerifiedPasswords.MAX_ENTRIES + 4);
        assertThat(verified.confirms(last, HASH, "kefu2026".toCharArray())).isTrue();
        assertThat(verified.confirms("u0", HASH, "kefu2026".toCharArray())).as("dropped when full").isFalse();
    }
}
