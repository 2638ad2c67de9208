package org.kefu.ivr.admin;

import org.junit.jupiter.api.Test;
import org.kefu.ivr.FlowValidator;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.format.FlowParser;

import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The demo flows IvrFlows loads at start pass the validation an upload gets (the shipped prompt list). */
class DemoFlowsAgainstCatalogTest {

    @Test
    void everyDemoFlowValidates() throws Exception {
        PromptCatalog catalog = PromptCatalog.load();
        for (String id : IvrFlows.DEMO_FLOWS) {
            try (InputStream in = getClass().getResourceAsStream("/org/kefu/ivr/flows/" + id + ".json")) {
                assertNotNull(in, id);
                IvrFlow flow = new FlowParser().parse(in);
                assertEquals(id, flow.id());
                assertEquals(java.util.List.of(), new FlowValidator().validate(flow, catalog.knownFor(flow.languages())), id);
            }
        }
    }
}
