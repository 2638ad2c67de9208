package org.kefu.telephony.switching;

import java.nio.file.Path;
import java.util.List;

/**
 * How the SIP switch is set up (from the resource adapter's configuration properties).
 *
 * @param sipHost         where SIP listens (0.0.0.0 for every interface)
 * @param sipPort         UDP and TCP port
 * @param advertisedHost  the address put in Contact and SDP (what phones and trunks can reach)
 * @param trunkAcl        CIDRs whose INVITEs are trunk calls; other sources must be registered extensions
 * @param realm           digest realm for the agents' phones
 * @param mediaPortMin    first RTP port
 * @param mediaPortMax    last RTP port
 * @param recordingDir    where call recordings and voicemail are written
 * @param promptDir       optional directory of prompts that override the built-in ones (may be null)
 * @param outboundTrunk   SIP URI template for outside numbers, "{number}" replaced (null: none)
 */
public record SwitchConfig(String sipHost, int sipPort, String advertisedHost, List<String> trunkAcl, String realm,
                           int mediaPortMin, int mediaPortMax, Path recordingDir, Path promptDir,
                           String outboundTrunk) {

    public SwitchConfig {
        trunkAcl = List.copyOf(trunkAcl);
        if (sipPort < 1 || sipPort > 65535) {
            throw new IllegalArgumentException("SIP port must be 1..65535, not " + sipPort);
        }
        if (mediaPortMin < 1024 || mediaPortMax <= mediaPortMin || mediaPortMax > 65535) {
            throw new IllegalArgumentException("bad media port range " + mediaPortMin + "-" + mediaPortMax);
        }
    }
}
