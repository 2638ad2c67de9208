package org.kefu.banking;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class PinHasherTest {

    @Test
    void aHashVerifiesItsPinAndNoOther() {
        PinHasher.Stored stored = PinHasher.hash("123456".toCharArray());
        assertThat(stored.iterations()).isGreaterThanOrEqualTo(100_000);
        assertThat(PinHasher.matches("123456".toCharArray(), stored)).isTrue();
        assertThat(PinHasher.matches("123457".toCharArray(), stored)).isFalse();
    }

    @Test
    void everyCardHasItsOwnSalt() {
        PinHasher.Stored a = PinHasher.hash("123456".toCharArray());
        PinHasher.Stored b = PinHasher.hash("123456".toCharArray());
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    /** The demo migration's hashes are those of the PINs in shared/DEMO-CENTER.md. */
    @Test
    void theDemoCardsHaveTheDocumentedPins() throws Exception {
        String sql = Files.readString(Path.of("../sql/demo/ledger/V2__demo_cards_payees_bills.sql"), StandardCharsets.UTF_8);
        assertThat(demoPin(sql, "6222020000000001", "123456")).isTrue();
        assertThat(demoPin(sql, "6222020000000002", "654321")).isTrue();
        assertThat(demoPin(sql, "6222020000000001", "654321")).isFalse();
    }

    @Test
    void onlySixDigitsAreAPin() {
        assertThat(PinHasher.wellFormed("000000")).isTrue();
        assertThat(PinHasher.wellFormed("12345")).isFalse();
        assertThat(PinHasher.wellFormed("1234567")).isFalse();
        assertThat(PinHasher.wellFormed("12345a")).isFalse();
        assertThat(PinHasher.wellFormed(null)).isFalse();
    }

    private static boolean demoPin(String sql, String card, String pin) {
        Matcher m = Pattern.compile("VALUES \\('" + card + "', '" + card + "', 'ACTIVE', '([^']+)', '([^']+)', (\\d+)\\)").matcher(sql);
        assertThat(m.find()).as("card " + card + " in the demo migration").isTrue();
        return PinHasher.matches(pin.toCharArray(), new PinHasher.Stored(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    }
}
