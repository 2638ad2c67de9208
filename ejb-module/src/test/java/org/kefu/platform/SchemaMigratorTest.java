package org.kefu.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SchemaMigratorTest {

    @Test
    void anOperatorSeesOneLineOfTheCause() {
        assertThat(SchemaMigrator.firstLine("Connection to 127.0.0.1:5432 refused.\n\tat org.postgresql...\n"))
                .isEqualTo("Connection to 127.0.0.1:5432 refused.");
        assertThat(SchemaMigrator.firstLine(null)).isEqualTo("(no message)");
    }

    @Test
    void startupFailuresCarryNoStackTrace() {
        assertThat(new StartupFailure("KefuDS: down").getStackTrace()).isEmpty();
    }
}
