package org.kefu.banking;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 10: the journal never keeps a full card or account number as counterparty. */
class JournalEntryTest {

    private static final OperationContext CTX = OperationContext.agent("call-1", "1001", "key-1");

    @Test
    void aTransfersPayeeAccountIsStoredMasked() {
        JournalEntry e = new JournalEntry(CTX, Operation.TRANSFER, "6222020000000001", "6222020000001234",
                new BigDecimal("10.00"), "COMPLETED", "ref", Instant.now());
        assertThat(e.getCounterparty()).isEqualTo("6222********1234");
        assertThat(e.getAccountNumber()).isEqualTo("6222020000000001");
    }

    @Test
    void aLostCardIsStoredMasked() {
        JournalEntry e = new JournalEntry(CTX, Operation.CARD_LOSS, "6222020000000001", "6222020000000001",
                null, "COMPLETED", "ref", Instant.now());
        assertThat(e.getCounterparty()).isEqualTo("6222********0001");
    }

    @Test
    void billNumbersAndOrdersAreKeptAsGiven() {
        assertThat(new JournalEntry(CTX, Operation.BILL_PAYMENT, "6222020000000001", "B-U100001-2026-01",
                null, "COMPLETED", "ref", Instant.now()).getCounterparty()).isEqualTo("B-U100001-2026-01");
        assertThat(new JournalEntry(CTX, Operation.SECURITIES_BUY, "GZ01000001", "600000/100",
                new BigDecimal("10.05"), "COMPLETED", "ref", Instant.now()).getCounterparty()).isEqualTo("600000/100");
    }

    @Test
    void aRetryIsRecognisedOnTheMaskedFormAndAnotherPayeeIsNot() {
        JournalEntry e = new JournalEntry(CTX, Operation.TRANSFER, "6222020000000001", "6222020000001234",
                new BigDecimal("10.00"), "COMPLETED", "ref", Instant.now());
        assertThat(e.sameRequest(Operation.TRANSFER, "6222020000000001", "6222020000001234", new BigDecimal("10.00"))).isTrue();
        assertThat(e.sameRequest(Operation.TRANSFER, "6222020000000001", "6222020000009999", new BigDecimal("10.00"))).isFalse();
    }

    @Test
    void shortNumbersAndNullAreMaskedWholly() {
        assertThat(CardNumbers.mask("12345678")).isEqualTo("****");
        assertThat(CardNumbers.mask(null)).isNull();
        assertThat(CardNumbers.mask("T123456789012345")).isEqualTo("T123********2345");
    }
}
