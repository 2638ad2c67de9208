package org.kefu.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void aPlainErrorIsJustItsMessage() {
        assertThat(new ApiError("an agent may only act on itself", null).toJson())
                .isEqualTo("{\"error\":\"an agent may only act on itself\"}");
    }

    @Test
    void fieldsAndProblemsAreListedWhenThereAreSome() {
        assertThat(new ApiError("invalid request: extension must not be blank",
                List.of(new ApiError.Violation("extension", "must not be blank"))).toJson())
                .isEqualTo("{\"error\":\"invalid request: extension must not be blank\","
                        + "\"violations\":[{\"field\":\"extension\",\"message\":\"must not be blank\"}]}");
        assertThat(ApiError.problems("invalid flow", List.of("node \"a\": goes nowhere")).toJson())
                .isEqualTo("{\"error\":\"invalid flow\",\"problems\":[\"node \\\"a\\\": goes nowhere\"]}");
    }

    @Test
    void textFromTheClientIsEscapedNotInterpreted() {
        assertThat(new ApiError("no user \"}\n{\"error\":\"x", null).toJson())
                .isEqualTo("{\"error\":\"no user \\\"}\\n{\\\"error\\\":\\\"x\"}");
    }
}
