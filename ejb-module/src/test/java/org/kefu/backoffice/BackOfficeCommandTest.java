package org.kefu.backoffice;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackOfficeCommandTest {

    @Test
    void parsesTypeIdAndBody() throws Exception {
        BackOfficeCommand c = BackOfficeCommand.parse("{\"type\":\"ping\",\"id\":\"42\",\"extra\":1}");
        assertThat(c.type()).isEqualTo("ping");
        assertThat(c.id()).isEqualTo("42");
        assertThat(c.body().getInt("extra")).isEqualTo(1);
    }

    @Test
    void idIsOptional() throws Exception {
        assertThat(BackOfficeCommand.parse("{\"type\":\"ping\"}").id()).isNull();
    }

    @Test
    void rejectsWhatIsNotACommandWithAReason() {
        assertThatThrownBy(() -> BackOfficeCommand.parse(null)).hasMessage("empty message");
        assertThatThrownBy(() -> BackOfficeCommand.parse("  ")).hasMessage("empty message");
        assertThatThrownBy(() -> BackOfficeCommand.parse("not json")).hasMessageStartingWith("not JSON");
        assertThatThrownBy(() -> BackOfficeCommand.parse("[1,2]")).hasMessage("a command must be a JSON object");
        assertThatThrownBy(() -> BackOfficeCommand.parse("{\"id\":\"1\"}")).hasMessage("missing string field \"type\"");
        assertThatThrownBy(() -> BackOfficeCommand.parse("{\"type\":7}")).hasMessage("missing string field \"type\"");
        assertThatThrownBy(() -> BackOfficeCommand.parse("{\"type\":\"ping\",\"id\":5}")).hasMessage("field \"id\" must be a string");
        assertThatThrownBy(() -> BackOfficeCommand.parse("{\"type\":\"" + "x".repeat(70_000) + "\"}"))
                .hasMessageContaining("longer than");
    }
}
