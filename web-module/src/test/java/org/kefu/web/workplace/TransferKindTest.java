package org.kefu.web.workplace;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TransferKindTest {

    @Test
    void theChoicesOfThePage() {
        assertThat(TransferKind.of("AGENT")).isEqualTo(TransferKind.AGENT);
        assertThat(TransferKind.of("QUEUE")).isEqualTo(TransferKind.QUEUE);
        assertThat(TransferKind.of("NUMBER")).isEqualTo(TransferKind.NUMBER);
    }

    @Test
    void noOrAnUnknownChoiceDialsANumber() {
        assertThat(TransferKind.of(null)).isEqualTo(TransferKind.NUMBER);
        assertThat(TransferKind.of("agent")).isEqualTo(TransferKind.NUMBER);
    }
}
