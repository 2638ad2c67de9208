package org.kefu.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTextTest {

    @Test
    void keepsOrdinaryTextIncludingChinese() {
        assertThat(AuditText.clip("王芳 1001", 64)).isEqualTo("王芳 1001");
    }

    @Test
    void neutralisesLineBreaksSoEntriesCannotBeForged() {
        assertThat(AuditText.clip("1001\nLOGIN SUCCESS admin", 64)).isEqualTo("1001?LOGIN SUCCESS admin");
    }

    @Test
    void boundsTheLength() {
        assertThat(AuditText.clip("x".repeat(10_000), 64)).hasSize(64);
        assertThat(AuditText.clip(null, 64)).isNull();
    }
}
