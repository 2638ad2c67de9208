package org.kefu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The four demo flows parse and pass every validator rule against the adapter's real prompts. */
class DemoFlowsTest {

    @ParameterizedTest
    @ValueSource(strings = {"banking-95500", "securities-95501", "utilities-96000", "hotline-12345"})
    void demoFlowIsValidAgainstTheRealPrompts(String name) {
        IvrFlow flow = Flows.demo(name);
        assertThat(flow.id()).isEqualTo(name);
        assertThat(new FlowValidator().validate(flow, Flows.realPrompts())).isEmpty();
    }

    @Test
    void realPromptListIsTheAdaptersFolder() {
        Set<String> prompts = Flows.realPrompts();
        assertThat(prompts).contains("welcome", "enter-pin", "main-menu-banking", "invalid-input", "digit-0", "yuan",
                "music/hold").doesNotContain("num-20", "wan"); // num-20 is English only, wan Chinese only
    }

    @Test
    void theBankingFlowKeepsThePinSecretAndUsesTheListedOperations() {
        IvrFlow flow = Flows.demo("banking-95500");
        assertThat(flow.secretVariables()).containsExactly("pin");
        assertThat(flow.nodes()).filteredOn(n -> n instanceof FlowNode.Service)
                .extracting(n -> ((FlowNode.Service) n).operation())
                .contains("banking.verifyPin", "banking.balance", "banking.miniStatement", "banking.payees",
                        "banking.transfer", "banking.payBill", "banking.reportCardLoss", "utilities.bill");
    }
}
