package org.kefu.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import org.jboss.logging.Logger;
import org.kefu.telephony.LinkStatus;
import org.kefu.telephony.SwitchConnectionFactory;

/** Tells whoever started the server where to point a browser and a SIP phone, once Kefu takes calls. */
@Singleton
@jakarta.annotation.security.PermitAll // local only: the warm-up announces Kefu when it is over
public class StartupBanner {

    private static final Logger LOG = Logger.getLogger(StartupBanner.class);

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    /** Called once, when Kefu is ready for calls (after the call-path warm-up). */
    public void announce(String warmUp) {
        LinkStatus sip = switchFactory.linkStatus();
        String console = ServerAddresses.consoleUrl();
        StringBuilder b = new StringBuilder("\n")
                .append("==================================================================\n")
                .append("  Kefu is running\n")
                .append("    Web console : ").append(console).append('\n')
                .append("    REST API    : ").append(console).append("api/health\n");
        for (String endpoint : sip.endpoints()) {
            b.append("    Switch      : ").append(endpoint).append('\n');
        }
        if (!sip.up()) {
            b.append("    Switch      : DOWN - ").append(sip.detail()).append('\n');
        }
        b.append("    Warm-up     : ").append(warmUp).append('\n');
        b.append("    Demo center : ").append(DemoCenter.enabled()
                ? "on: DEMO ONLY, its passwords are published (agent 1001 / kefu2026; see README);"
                        + " -Dkefu.demo=true, without it Kefu has no demo" : "off").append('\n')
                .append("==================================================================");
        LOG.info(b);
    }
}
