package org.kefu.ivr.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kefu.ivr.FlowFormatException;
import org.kefu.ivr.FlowNode;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.PromptItem;
import org.kefu.ivr.TransferKind;

class FlowParserTest {
    private static final String HEAD = "{'id':'f','start':'a','nodes':[";

    private static IvrFlow parse(String json) throws FlowFormatException {
        return new FlowParser().parse(json.replace('\'', '"'));
    }

    @Test
    void readsEveryNodeKind() throws FlowFormatException {
        IvrFlow f = parse(HEAD
                + "{'id':'a','type':'play','prompts':['welcome',{'say':'amount','var':'x'}],'next':'m'},"
                + "{'id':'m','type':'menu','prompts':['main-menu-hotline'],'options':{'1':'c','2':'s'},'var':'k','retries':1},"
                + "{'id':'c','type':'collect','prompts':['enter-pin'],'var':'pin','secret':true,'maxDigits':6,'terminator':'','next':'s'},"
                + "{'id':'s','type':'service','operation':'banking.balance','inputs':{'pin':'$pin','n':5},'outputs':['x'],'onError':{'*':'h'},'next':'w'},"
                + "{'id':'w','type':'condition','when':[{'var':'x','atLeast':10,'next':'l'},{'holiday':true,'next':'h'},{'visits':'s','atLeast':2,'next':'h'}],'otherwise':'r'},"
                + "{'id':'l','type':'language','language':'en','next':'t'},"
                + "{'id':'r','type':'record','prompts':['beep'],'maxSeconds':30,'var':'rec','next':'h'},"
                + "{'id':'t','type':'transfer','number':'$ani','attach':{'why':'demo'}},"
                + "{'id':'h','type':'hangup','prompts':['goodbye']}]}");
        assertThat(f.nodes()).hasSize(9);
        assertThat(f.language()).isEqualTo("zh-CN");
        assertThat(f.retries()).isEqualTo(2);
        assertThat(f.secretVariables()).containsExactly("pin");
        FlowNode.Collect c = (FlowNode.Collect) f.node("c").orElseThrow();
        assertThat(c.terminator()).isEqualTo((char) 0);
        assertThat(c.minDigits()).isEqualTo(1);
        FlowNode.Service s = (FlowNode.Service) f.node("s").orElseThrow();
        assertThat(s.inputs()).containsEntry("n", "5").containsEntry("pin", "$pin");
        assertThat(((FlowNode.Play) f.node("a").orElseThrow()).prompts()).containsExactly(
                new PromptItem.Named("welcome"), new PromptItem.Say(PromptItem.SayKind.AMOUNT, "x", false));
        assertThat(((FlowNode.Transfer) f.node("t").orElseThrow()).kind()).isEqualTo(TransferKind.NUMBER);
        assertThat(f.node("m").orElseThrow().targets()).containsKeys("options.1", "options.2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'hangup'}]   | not valid JSON at line 1",
        "[1,2]                                                         | a flow is a JSON object",
        "{'start':'a','nodes':[{'id':'a','type':'hangup'}]}            | /id: id missing",
        "{'id':'f','start':'a','nodes':[]}                             | /nodes: a flow needs at least one node",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'dance'}]}    | /nodes/0/type: node \"a\": unknown type \"dance\"",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'hangup'},{'id':'a','type':'hangup'}]} | /nodes/1/id: node \"a\": duplicate id",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'play','prompts':['x']}]} | /nodes/0/next: node \"a\": next missing",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'menu','prompts':['x'],'options':{'12':'a'}}]} | /nodes/0/options/12: node \"a\": option keys are single keypad keys",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'hangup','colour':'red'}]} | /nodes/0/colour: node \"a\": unknown field \"colour\"",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'transfer','queue':'q','agent':'1001'}]} | /nodes/0: node \"a\": a transfer has exactly one of queue, agent, number",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'collect','prompts':['x'],'var':'v','maxDigits':65,'next':'a'}]} | /nodes/0/maxDigits: node \"a\": maxDigits must be 1 to 64, not 65",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'collect','prompts':['x'],'var':'v','minDigits':4,'maxDigits':2,'next':'a'}]} | minDigits 4 exceeds maxDigits 2",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'collect','prompts':['x'],'var':'v','maxDigits':2,'pattern':'([','next':'a'}]} | /nodes/0/pattern: node \"a\": not a regular expression",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'play','prompts':[{'say':'money','var':'x'}],'next':'a'}]} | /nodes/0/prompts/0/say: node \"a\": say is number, decimal, amount, digits or date",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'play','prompts':['Bad Name'],'next':'a'}]} | /nodes/0/prompts/0: node \"a\": not a prompt name",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'service','operation':'balance','next':'a'}]} | /nodes/0/operation: node \"a\": operation is domain.name",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'condition','when':[{'var':'x','equals':'1','in':['2'],'next':'a'}],'otherwise':'a'}]} | exactly one of equals",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'condition','when':[{'time':{'from':'8','to':'20:00'},'next':'a'}],'otherwise':'a'}]} | /nodes/0/when/0/time/from: node \"a\": time is HH:mm",
        "{'id':'f','start':'a','language':'fr','nodes':[{'id':'a','type':'hangup'}]} | /language: language must be zh-CN or en",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'language','language':'en','next':'no good'}]} | /nodes/0/next: node \"a\": not a node id",
        "{'id':'f','start':'a','nodes':[{'id':'a','type':'service','operation':'a.b','inputs':{'x':'$1bad'},'next':'a'}]} | /nodes/0/inputs/x: node \"a\": not a variable name",
        "{'id':'f','start':'a','retries':'2','nodes':[{'id':'a','type':'hangup'}]} | /retries: retries must be a whole number"
    })
    void errorsNameThePointerAndTheNode(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOf(FlowFormatException.class).hasMessageContaining(message);
    }

    @Test
    void pointerIsAvailableSeparately() {
        assertThatThrownBy(() -> parse("{'id':'f','start':'a','nodes':[{'id':'a','type':'hangup'},{'id':'b','type':'play','prompts':['x']}]}"))
                .isInstanceOfSatisfying(FlowFormatException.class, e -> assertThat(e.pointer()).isEqualTo("/nodes/1/next"));
    }
}
