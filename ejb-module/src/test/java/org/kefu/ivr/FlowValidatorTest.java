package org.kefu.ivr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlowValidatorTest {
    private static final Set<String> PROMPTS = Set.of("welcome", "enter-pin", "your-balance-is", "invalid-input", "goodbye",
            "main-menu-banking");

    private static List<String> problems(String json) {
        return new FlowValidator().validate(Flows.parse(json), PROMPTS).stream().map(FlowProblem::toString).toList();
    }

    @Test
    void aCleanFlowHasNoProblem() {
        assertThat(problems("{'id':'f','start':'m','agent':'ag','nodes':["
                + "{'id':'m','type':'menu','prompts':['main-menu-banking'],'options':{'1':'bye'}},"
                + "{'id':'ag','type':'transfer','queue':'banking'},{'id':'bye','type':'hangup','prompts':['goodbye']}]}")).isEmpty();
    }

    /** Issue 14 item 8: a path that reaches a money operation without a PIN check is refused. */
    @Test
    void aMoneyOperationReachedBeforeThePinIsVerifiedIsRefused() {
        assertThat(problems("{'id':'f','start':'a','agent':'ag','nodes':["
                + "{'id':'a','type':'collect','prompts':['welcome'],'var':'account','maxDigits':16,'next':'m'},"
                + "{'id':'m','type':'menu','prompts':['main-menu-banking'],'options':{'1':'bal','2':'pin'}},"
                + "{'id':'pin','type':'collect','prompts':['enter-pin'],'var':'pin','secret':true,'maxDigits':6,'next':'v'},"
                + "{'id':'v','type':'service','operation':'banking.verifyPin','inputs':{'account':'$account','pin':'$pin'},"
                + "'onError':{'*':'m'},'next':'bal'},"
                + "{'id':'bal','type':'service','operation':'banking.balance','inputs':{'account':'$account'},'next':'ag'},"
                + "{'id':'ag','type':'transfer','queue':'q'}]}"))
                .containsExactly("node \"bal\" (operation): reaches the money operation \"banking.balance\" before a PIN is"
                        + " verified (a > m > bal); verify the PIN first (banking.verifyPin, securities.verifyPin, utilities.verifyPin)");
    }

    @Test
    void aFailedPinCheckDoesNotVerify() {
        assertThat(problems("{'id':'f','start':'pin','agent':'ag','nodes':["
                + "{'id':'pin','type':'collect','prompts':['enter-pin'],'var':'pin','secret':true,'maxDigits':6,'next':'v'},"
                + "{'id':'v','type':'service','operation':'banking.verifyPin','inputs':{'account':'$ani','pin':'$pin'},"
                + "'onError':{'WRONG_PIN':'t'},'next':'ag'},"
                + "{'id':'t','type':'service','operation':'banking.transfer','inputs':{'account':'$ani'},'next':'ag'},"
                + "{'id':'ag','type':'transfer','queue':'q'}]}"))
                .singleElement().asString().startsWith("node \"t\" (operation): reaches the money operation \"banking.transfer\"");
    }

    @Test
    void aConditionOnAVariableOnlyThePinCheckSetsCountsAsVerified() {
        String flow = "{'id':'f','start':'m','agent':'ag','nodes':["
                + "{'id':'m','type':'menu','prompts':['main-menu-banking'],'options':{'1':'login'}},"
                + "{'id':'login','type':'condition','when':[{'var':'accountId','present':true,'next':'pos'}],'otherwise':'pin'},"
                + "{'id':'pin','type':'collect','prompts':['enter-pin'],'var':'pin','secret':true,'maxDigits':6,'next':'v'},"
                + "{'id':'v','type':'service','operation':'securities.verifyPin','inputs':{'account':'$ani','pin':'$pin'},"
                + "'outputs':['accountId'],'onError':{'*':'m'},'next':'pos'},"
                + "{'id':'pos','type':'service','operation':'securities.positions','inputs':{'account':'$ani'},'next':'m'%s},"
                + "{'id':'ag','type':'transfer','queue':'q'}]}";
        assertThat(problems(String.format(flow, ""))).isEmpty();
        // ... but not when another node can set that variable too (here the money operation's own output).
        assertThat(problems(String.format(flow, ",'outputs':['accountId']"))).singleElement().asString()
                .startsWith("node \"pos\" (operation): reaches the money operation \"securities.positions\" before a PIN is verified");
    }

    @Test
    void danglingReferencesNameNodeAndField() {
        assertThat(problems("{'id':'f','start':'m','agent':'ag','nodes':["
                + "{'id':'m','type':'menu','prompts':['welcome'],'options':{'1':'nowhere'},'onFail':'lost'},"
                + "{'id':'ag','type':'transfer','queue':'q'}]}"))
                .containsExactly("node \"m\" (options.1): refers to node \"nowhere\", which does not exist",
                        "node \"m\" (onFail): refers to node \"lost\", which does not exist");
    }

    @Test
    void missingStartAndAgentNodes() {
        assertThat(problems("{'id':'f','start':'x','agent':'y','nodes':[{'id':'a','type':'hangup'}]}"))
                .contains("flow (start): start node \"x\" does not exist", "flow (agent): agent node \"y\" does not exist");
    }

    @Test
    void agentNodeMustBeATransferToAQueueOrAgent() {
        assertThat(problems("{'id':'f','start':'a','agent':'a','nodes':[{'id':'a','type':'transfer','number':'95500'}]}"))
                .singleElement().asString().startsWith("node \"a\": the flow's agent node must be a transfer to a queue");
    }

    @Test
    void unreachableNodes() {
        assertThat(problems("{'id':'f','start':'a','nodes':[{'id':'a','type':'hangup'},{'id':'island','type':'hangup'},"
                + "{'id':'x','type':'play','prompts':['welcome'],'next':'island'}]}"))
                .containsExactly("node \"island\": unreachable from the start node \"a\"",
                        "node \"x\": unreachable from the start node \"a\"");
    }

    @Test
    void missingPromptsIncludingInvalidInputWhenTheFlowAsksForKeys() {
        List<String> p = new FlowValidator().validate(Flows.parse("{'id':'f','start':'c','agent':'ag','nodes':["
                + "{'id':'c','type':'collect','prompts':['enter-pin','no-such-prompt'],'var':'v','maxDigits':4,'next':'ag'},"
                + "{'id':'ag','type':'transfer','queue':'q'}]}"), Set.of("enter-pin")).stream().map(FlowProblem::toString).toList();
        assertThat(p).containsExactly("node \"c\" (prompts.1): prompt \"no-such-prompt\" does not exist",
                "node \"c\": prompt \"invalid-input\" (played before asking again) does not exist");
    }

    @Test
    void menuWithoutAWayToAnAgentOnZero() {
        assertThat(problems("{'id':'f','start':'m','nodes':["
                + "{'id':'m','type':'menu','prompts':['welcome'],'options':{'1':'bye'}},{'id':'bye','type':'hangup'}]}"))
                .containsExactly("node \"m\" (options.0): no way to an agent on 0: add option 0 or give the flow an agent node");
        assertThat(problems("{'id':'f','start':'m','nodes':["
                + "{'id':'m','type':'menu','prompts':['welcome'],'options':{'1':'bye','0':'bye'}},{'id':'bye','type':'hangup'}]}"))
                .containsExactly("node \"m\" (options.0): option 0 must lead to an agent (a transfer to a queue or an agent), not to \"bye\"");
        assertThat(problems("{'id':'f','start':'m','nodes':["
                + "{'id':'m','type':'menu','prompts':['welcome'],'options':{'0':'p'}},"
                + "{'id':'p','type':'play','prompts':['welcome'],'next':'t'},{'id':'t','type':'transfer','agent':'1001'}]}")).isEmpty();
    }

    @Test
    void secretVariablePlayedBackOrAttached() {
        assertThat(problems("{'id':'f','start':'c','agent':'ag','nodes':["
                + "{'id':'c','type':'collect','prompts':['enter-pin'],'var':'pin','secret':true,'maxDigits':6,'next':'p'},"
                + "{'id':'p','type':'play','prompts':['your-balance-is',{'say':'digits','var':'pin'}],'next':'ag'},"
                + "{'id':'ag','type':'transfer','queue':'q','attach':{'pin':'$pin'}}]}"))
                .containsExactly("node \"p\" (prompts.1): plays back the secret variable \"pin\"",
                        "node \"ag\" (attach.pin): attaches the secret variable \"pin\" to the call");
    }

    @Test
    void secretVariableAlsoFilledOpenly() {
        assertThat(problems("{'id':'f','start':'c','agent':'ag','nodes':["
                + "{'id':'c','type':'collect','prompts':['enter-pin'],'var':'pin','secret':true,'maxDigits':6,'next':'d'},"
                + "{'id':'d','type':'collect','prompts':['enter-pin'],'var':'pin','maxDigits':6,'next':'s'},"
                + "{'id':'s','type':'service','operation':'a.b','outputs':['pin'],'next':'ag'},"
                + "{'id':'ag','type':'transfer','queue':'q'}]}"))
                .containsExactly("node \"d\" (var): collects \"pin\" openly, which another node collects as a secret",
                        "node \"s\" (outputs): an output overwrites the secret variable \"pin\"");
    }

    @Test
    void undefinedVariables() {
        assertThat(problems("{'id':'f','start':'p','agent':'ag','nodes':["
                + "{'id':'p','type':'play','prompts':['your-balance-is',{'say':'amount','var':'balance'}],'next':'s'},"
                + "{'id':'s','type':'service','operation':'a.b','inputs':{'who':'$ani','what':'$thing'},'next':'ag'},"
                + "{'id':'ag','type':'transfer','queue':'q'}]}"))
                .containsExactly("node \"p\" (prompts.1): uses the variable \"balance\", which no node sets (collect, menu var, service outputs, record var)",
                        "node \"s\" (inputs.what): uses the variable \"thing\", which no node sets (collect, menu var, service outputs, record var)");
    }

    @Test
    void loopOfConditionsThatNeverWaits() {
        assertThat(problems("{'id':'f','start':'a','nodes':["
                + "{'id':'a','type':'condition','when':[{'holiday':true,'next':'b'}],'otherwise':'h'},"
                + "{'id':'b','type':'language','language':'en','next':'a'},{'id':'h','type':'hangup'}]}"))
                .containsExactly("node \"a\": is in a loop of condition and language nodes that never waits for the caller",
                        "node \"b\": is in a loop of condition and language nodes that never waits for the caller");
    }

    @Test
    void visitsOfAMissingNode() {
        assertThat(problems("{'id':'f','start':'a','nodes':["
                + "{'id':'a','type':'condition','when':[{'visits':'ghost','atLeast':2,'next':'h'}],'otherwise':'h'},{'id':'h','type':'hangup'}]}"))
                .containsExactly("node \"a\" (when.0.visits): counts visits of node \"ghost\", which does not exist");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        assertThat(problems("{'id':'f','start':'m','nodes':["
                + "{'id':'m','type':'menu','prompts':['nope'],'options':{'1':'gone'}},{'id':'z','type':'hangup'}]}"))
                .hasSize(4);
    }

    @Test
    void interpreterGuardsAgainstLoopsTheValidatorWouldReject() {
        IvrFlow flow = Flows.parse("{'id':'f','start':'a','nodes':["
                + "{'id':'a','type':'condition','when':[{'holiday':false,'next':'b'}],'otherwise':'h'},"
                + "{'id':'b','type':'language','language':'en','next':'a'},{'id':'h','type':'hangup'}]}");
        Caller c = new Caller(flow, new FakeServices()).start();
        assertThat(c.last()).isEqualTo(new IvrAction.Hangup());
        assertThat(c.state.path()).extracting(PathEntry::toString).contains("a=error:loop");
    }
}
