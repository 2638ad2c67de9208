package org.kefu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.junit.jupiter.api.Test;

/** The satisfaction survey's flow (survey-satisfaction) with scripted callers. */
class SurveyFlowTest {
    private final FakeServices services = new FakeServices();

    SurveyFlowTest() {
        services.ops.put("survey.score", (in, s, k) -> ServiceOutcome.ok(Map.of()));
    }

    @Test
    void aKeyFromOneToFiveIsTheScoreThenThanks() {
        Caller c = new Caller(Flows.demo("survey-satisfaction"), services).start();
        assertThat(c.heard()).containsExactly("survey-please-rate");
        c.press("4");
        assertThat(services.calls).containsExactly("survey.score");
        assertThat(services.inputsSeen.get(0)).containsEntry("score", "4");
        assertThat(c.heard()).endsWith("survey-thanks");
        assertThat(c.last()).isEqualTo(new IvrAction.Hangup());
    }

    @Test
    void silenceOrOtherKeysEndWithoutAScore() {
        Caller c = new Caller(Flows.demo("survey-satisfaction"), services).start().press("9").silence();
        assertThat(services.calls).isEmpty();
        assertThat(c.heard()).endsWith("goodbye");
        assertThat(c.last()).isEqualTo(new IvrAction.Hangup());
    }

    @Test
    void aCallerWhoChoseEnglishEarlierInTheCallIsAskedInEnglish() {
        Caller c = new Caller(Flows.demo("survey-satisfaction"), services);
        c.feed(new IvrInput.Started("call-1", Map.of("kefu.ani", "13800138000", "kefu.dnis", "95500", "kefu.lang", "en")));
        assertThat(c.state.language()).isEqualTo("en");
        IvrAction.Play play = (IvrAction.Play) c.actions.stream().filter(a -> a instanceof IvrAction.Play).findFirst().orElseThrow();
        assertThat(play.prompt().locale().getLanguage()).isEqualTo("en");
        Caller zh = new Caller(Flows.demo("survey-satisfaction"), services).start();
        assertThat(zh.state.language()).isEqualTo("zh-CN");
    }
}
