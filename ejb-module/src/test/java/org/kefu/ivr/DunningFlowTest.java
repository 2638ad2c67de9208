package org.kefu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.junit.jupiter.api.Test;

/** The voice reminder's flow (dunning-reminder) with scripted customers. */
class DunningFlowTest {
    private final FakeServices services = new FakeServices();

    DunningFlowTest() {
        services.ops.put("dunning.reminder", (in, s, k) -> "42".equals(in.get("notice"))
                ? ServiceOutcome.ok(Map.of("customer", "U100001", "billNumber", "B-1", "billAmount", "128.50",
                        "dueDate", "2026-11-20", "customerLanguage", "zh-CN"))
                : ServiceOutcome.error("NO_REMINDER"));
        services.ops.put("dunning.outcome", (in, s, k) -> ServiceOutcome.ok(Map.of()));
        services.ops.put("dunning.promise", (in, s, k) -> "20261220".equals(in.get("date"))
                ? ServiceOutcome.ok(Map.of("promisedOn", "2026-12-20")) : ServiceOutcome.error("INVALID_DATE"));
    }

    @Test
    void theReminderSpeaksAmountAndDueDateAndOnePaysAfterThePin() {
        Caller c = new Caller(Flows.demo("dunning-reminder"), services).startReminder("42");
        assertThat(String.join(" ", c.heard())).startsWith("dunning-greeting your-bill-is")
                .contains("yuan", "unpaid dunning-due-date", "year").endsWith("dunning-menu");
        c.press("1");
        assertThat(c.heard()).endsWith("enter-pin");
        c.press(FakeServices.PIN);
        assertThat(services.calls).containsSubsequence("dunning.reminder", "utilities.verifyPin", "utilities.pay", "dunning.outcome");
        assertThat(services.inputsSeen.get(services.inputsSeen.size() - 2)).containsEntry("customer", "U100001").containsEntry("bill", "B-1");
        assertThat(services.inputsSeen.get(services.inputsSeen.size() - 1)).containsEntry("outcome", "PAID").containsEntry("notice", "42");
        assertThat(c.heard()).endsWith("transaction-done", "goodbye");
        assertThat(c.last()).isEqualTo(new IvrAction.Hangup());
    }

    @Test
    void twoIsAnAgentOfTheUtilitiesQueue() {
        Caller c = new Caller(Flows.demo("dunning-reminder"), services).startReminder("42").press("2");
        assertThat(services.inputsSeen.get(services.inputsSeen.size() - 1)).containsEntry("outcome", "AGENT");
        IvrAction.Transfer t = (IvrAction.Transfer) c.last();
        assertThat(t.target()).isEqualTo("utilities");
    }

    @Test
    void threePromisesADateAndAnImpossibleOneIsAskedAgain() {
        Caller c = new Caller(Flows.demo("dunning-reminder"), services).startReminder("42").press("3");
        assertThat(c.heard()).endsWith("dunning-enter-promise-date");
        c.press("20261399#");
        assertThat(c.heard()).endsWith("dunning-invalid-date", "dunning-enter-promise-date");
        c.press("20261220#");
        assertThat(String.join(" ", c.heard())).contains("dunning-promise-recorded").endsWith("goodbye");
        assertThat(c.last()).isEqualTo(new IvrAction.Hangup());
    }

    @Test
    void aCallWithoutItsReminderHearsOnlyGoodbye() {
        Caller c = new Caller(Flows.demo("dunning-reminder"), services).start();
        assertThat(c.heard()).containsExactly("goodbye");
        assertThat(services.calls).containsExactly("dunning.reminder");
        assertThat(services.inputsSeen.get(0)).doesNotContainKey("notice");
    }
}
