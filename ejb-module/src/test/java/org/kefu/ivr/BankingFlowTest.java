package org.kefu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A scripted caller through the phone banking flow 95500 (R-4.1, R-4.6). */
class BankingFlowTest {
    private final FakeServices services = new FakeServices();
    private final Caller caller = new Caller(Flows.demo("banking-95500"), services);

    private Caller loggedIn(String languageKey) {
        caller.start();
        assertThat(caller.node()).isEqualTo("lang");
        assertThat(caller.heard()).containsExactly("welcome", "language-choice");
        caller.press(languageKey).press(FakeServices.ACCOUNT + "#");
        assertThat(caller.node()).isEqualTo("pin");
        assertThat(caller.lastOf(IvrAction.Collect.class).spec().secret()).isTrue();
        caller.press(FakeServices.PIN);
        assertThat(caller.node()).isEqualTo("main");
        return caller;
    }

    @Test
    void balanceIsSpokenAsAnAmountInChinese() {
        loggedIn("1").press("1");
        assertThat(caller.heardSinceLast("your-balance-is"))
                .startsWith("your-balance-is", "digit-1", "wan", "yuan", "zheng");
        assertThat(caller.lastOf(IvrAction.Play.class).prompt().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(caller.node()).isEqualTo("main");
        assertThat(services.calls).containsExactly("banking.verifyPin", "banking.balance");
    }

    @Test
    void balanceIsSpokenAsAnAmountInEnglishAfterChoosingEnglish() {
        loggedIn("2").press("1");
        assertThat(caller.heardSinceLast("your-balance-is")).startsWith("your-balance-is", "num-10", "thousand", "yuan");
        assertThat(caller.actions).filteredOn(a -> a instanceof IvrAction.Play)
                .last().extracting(a -> ((IvrAction.Play) a).prompt().locale()).isEqualTo(Locale.ENGLISH);
        assertThat(caller.actions).contains(new IvrAction.AttachData(java.util.Map.of("kefu.lang", "en")));
    }

    @Test
    void silenceAtTheLanguageChoiceMeansChinese() {
        caller.start().silence();
        assertThat(caller.node()).isEqualTo("account");
        assertThat(caller.state.language()).isEqualTo("zh-CN");
    }

    @Test
    void lastFiveTransactionsAreSpokenAsDatesAndAmounts() {
        loggedIn("1").press("4");
        // 二零二六年十一月二十日 负一百二十八元五角, 二零二六年十一月一日 一万元整
        assertThat(String.join(" ", caller.heard())).endsWith("main-menu-banking"
                + " digit-2 digit-0 digit-2 digit-6 year ten digit-1 month digit-2 ten day"
                + " minus digit-1 hundred digit-2 ten digit-8 yuan digit-5 jiao"
                + " digit-2 digit-0 digit-2 digit-6 year ten digit-1 month digit-1 day digit-1 wan yuan zheng"
                + " transaction-done main-menu-banking");
        assertThat(services.inputsSeen.get(1)).containsEntry("lines", "5").containsEntry("account", FakeServices.ACCOUNT);
    }

    @Test
    void threeWrongPinsLockAndEndTheCall() {
        caller.start().press("1").press(FakeServices.ACCOUNT + "#");
        caller.press("975310");
        assertThat(caller.node()).isEqualTo("pin");
        assertThat(caller.heard()).contains("wrong-pin");
        caller.press("975311").press("975312");
        assertThat(caller.heard()).endsWith("account-locked", "goodbye");
        assertThat(caller.last()).isEqualTo(new IvrAction.Hangup());
        assertThat(caller.state.finished()).isTrue();
        assertThat(caller.state.path()).extracting(PathEntry::toString)
                .containsSubsequence("pin=***", "verify=error:WRONG_PIN", "pin=***", "verify=error:WRONG_PIN",
                        "pin=***", "verify=error:PIN_LOCKED", "locked", "bye");
    }

    @Test
    void pinLockedByTheFlowAfterThreeFailuresEvenIfTheServiceKeepsSayingWrongPin() {
        services.ops.put("banking.verifyPin", (in, s, k) -> ServiceRegistry.ServiceOutcome.error("WRONG_PIN"));
        caller.start().press("1").press(FakeServices.ACCOUNT + "#").press("000000").press("000001").press("000002");
        assertThat(caller.heard()).endsWith("account-locked", "goodbye");
        assertThat(caller.state.path()).extracting(PathEntry::toString).contains("pin-failures=when.0");
    }

    @Test
    void transferReadsBackPayeeAndAmountAndNeedsConfirmation() {
        loggedIn("1").press("2");
        assertThat(caller.node()).isEqualTo("amount");
        assertThat(caller.heardSinceLast("digit-6")).containsExactly("digit-6", "digit-2", "digit-2", "digit-2", "digit-0",
                "digit-2", "digit-0", "digit-0", "digit-0", "digit-0", "digit-0", "digit-0", "digit-0", "digit-0", "digit-0",
                "digit-2", "enter-amount");
        caller.press("500*5#");
        assertThat(caller.node()).isEqualTo("transfer-confirm");
        assertThat(String.join(" ", caller.heard())).endsWith("digit-5 hundred yuan digit-5 jiao confirm-press-1-cancel-2");
        caller.press("1");
        assertThat(services.calls).endsWith("banking.transfer");
        assertThat(services.inputsSeen.get(services.inputsSeen.size() - 1))
                .containsEntry("amount", "500.5").containsEntry("payee", "6222020000000002")
                .containsEntry("account", FakeServices.ACCOUNT);
        assertThat(caller.heard()).endsWith("transaction-done", "main-menu-banking");
    }

    @Test
    void cancelledTransferMovesNothing() {
        loggedIn("1").press("2").press("100#").press("2");
        assertThat(caller.node()).isEqualTo("main");
        assertThat(services.calls).doesNotContain("banking.transfer");
    }

    @Test
    void refusedTransferSaysItFailed() {
        loggedIn("1").press("2").press("9000#").press("1");
        assertThat(caller.heard()).endsWith("transaction-failed", "main-menu-banking");
        assertThat(caller.state.path()).extracting(PathEntry::toString).contains("transfer=error:OVER_LIMIT");
    }

    @Test
    void badAmountIsAskedAgain() {
        loggedIn("1").press("2").press("1*2*3#");
        assertThat(caller.node()).isEqualTo("amount");
        assertThat(caller.heard()).contains("invalid-input");
    }

    @Test
    void billPaymentReadsTheBillAndPaysAfterConfirmation() {
        loggedIn("1").press("5").press("100001#");
        assertThat(String.join(" ", caller.heard())).endsWith(
                "your-bill-is digit-1 hundred digit-2 ten digit-8 yuan digit-5 jiao unpaid confirm-press-1-cancel-2");
        caller.press("1");
        assertThat(services.calls).endsWith("utilities.bill", "banking.payBill");
        assertThat(caller.heard()).endsWith("transaction-done", "main-menu-banking");
    }

    @Test
    void cardLossIsConfirmedThenBlocked() {
        loggedIn("1").press("3");
        assertThat(caller.heard()).endsWith("confirm-press-1-cancel-2");
        caller.press("1");
        assertThat(services.calls).endsWith("banking.reportCardLoss");
        assertThat(caller.heard()).endsWith("card-blocked", "main-menu-banking");
    }

    @Test
    void invalidKeyIsRetriedWithInvalidInputThenAgent() {
        loggedIn("1").press("7");
        assertThat(caller.heard()).endsWith("invalid-input", "main-menu-banking");
        assertThat(caller.node()).isEqualTo("main");
        caller.press("8").press("9");
        IvrAction.Transfer t = (IvrAction.Transfer) caller.last();
        assertThat(t.kind()).isEqualTo(TransferKind.QUEUE);
        assertThat(t.target()).isEqualTo("banking");
        assertThat(t.data()).containsEntry("ivr.reason", "RETRIES");
    }

    @Test
    void menuTimeoutsAreRetriedTwiceThenTheCallerReachesAnAgent() {
        loggedIn("1");
        int before = caller.actions.size();
        caller.silence();
        assertThat(caller.node()).isEqualTo("main");
        assertThat(caller.actions.subList(before, caller.actions.size()))
                .first().isEqualTo(new IvrAction.Play(org.kefu.telephony.Prompt.of(Locale.SIMPLIFIED_CHINESE, "main-menu-banking")));
        caller.silence();
        assertThat(caller.node()).isEqualTo("main");
        caller.silence();
        assertThat(caller.last()).isInstanceOf(IvrAction.Transfer.class);
        // The ACD announces the transfer (in the caller's language); the flow says nothing twice.
        assertThat(caller.heard()).doesNotContain("transfer-to-agent");
        assertThat(caller.state.path()).extracting(PathEntry::toString)
                .containsSubsequence("main=timeout", "main=timeout", "main=timeout", "main=agent:RETRIES", "agent-zh=queue:banking");
    }

    @Test
    void zeroReachesAnAgentWithTheAccountAttachedButNeverThePin() {
        loggedIn("2").press("0");
        IvrAction.Transfer t = (IvrAction.Transfer) caller.last();
        assertThat(t.target()).isEqualTo("english");
        assertThat(t.data()).containsEntry("ivr.var.account", FakeServices.ACCOUNT)
                .containsEntry("ivr.var.ani", "13800138000")
                .containsEntry("ivr.lang", "en")
                .containsEntry("ivr.flow", "banking-95500:0")
                .containsKey("ivr.path")
                .doesNotContainKey("ivr.var.pin");
        assertThat(t.data().values()).noneMatch(v -> v.contains(FakeServices.PIN));
        assertThat(caller.state.finished()).isTrue();
    }

    @Test
    void zeroInAMenuWithoutItsOwnOptionUsesTheFlowsAgentNode() {
        loggedIn("1").press("3").press("0"); // loss-confirm has options 1 and 2 only
        IvrAction.Transfer t = (IvrAction.Transfer) caller.last();
        assertThat(t.target()).isEqualTo("banking");
        assertThat(t.data()).containsEntry("ivr.reason", "ZERO").containsEntry("ivr.var.account", FakeServices.ACCOUNT);
    }

    @Test
    void noSecretDigitAppearsInAnyActionThePathTheStateOrAttachedData() {
        caller.start().press("1").press(FakeServices.ACCOUNT + "#").press("975310").press(FakeServices.PIN)
                .press("1").press("2").press("100#").press("1").press("0");
        List<String> texts = new ArrayList<>();
        for (IvrAction a : caller.actions) {
            texts.add(a.toString());
            if (a instanceof IvrAction.Transfer t) {
                texts.addAll(t.data().values());
            }
            if (a instanceof IvrAction.AttachData d) {
                texts.addAll(d.data().values());
            }
        }
        texts.add(caller.state.toString());
        texts.add(caller.state.path().toString());
        texts.add(caller.vault.toString());
        texts.add(new IvrInput.DigitsReceived(FakeServices.PIN, org.kefu.telephony.CallEvent.DigitsEnd.MAX_DIGITS).toString());
        assertThat(texts).isNotEmpty().noneMatch(s -> s.contains(FakeServices.PIN) || s.contains("975310"));
        assertThat(caller.vault.toString()).isEqualTo("SecretVault[pin=***]");
        assertThat(new String(caller.vault.reveal("pin"))).isEqualTo(FakeServices.PIN);
        assertThat(caller.actions).filteredOn(a -> a instanceof IvrAction.InvokeService)
                .extracting(a -> ((IvrAction.InvokeService) a).secretInputs())
                .first().isEqualTo(java.util.Map.of("pin", "pin"));
    }

    @Test
    void idempotencyKeysDifferPerVisitAndStayShort() {
        caller.start().press("1").press(FakeServices.ACCOUNT + "#").press("975310").press(FakeServices.PIN);
        List<String> keys = caller.actions.stream().filter(a -> a instanceof IvrAction.InvokeService)
                .map(a -> ((IvrAction.InvokeService) a).idempotencyKey()).toList();
        assertThat(keys).containsExactly("call-1:verify:1", "call-1:verify:2");
    }

    @Test
    void inputsTheNodeDoesNotWaitForChangeNothing() {
        loggedIn("1");
        IvrState before = caller.state;
        Step s = caller.interpreter.step(caller.flow, before, caller.vault,
                new IvrInput.PromptFinished(org.kefu.telephony.CallEvent.PromptEnd.BARGED_IN));
        assertThat(s.actions()).isEmpty();
        assertThat(s.state()).isEqualTo(before);
        Step again = caller.interpreter.step(caller.flow, before, caller.vault, new IvrInput.ServiceDone(java.util.Map.of()));
        assertThat(again.actions()).isEmpty();
    }
}
