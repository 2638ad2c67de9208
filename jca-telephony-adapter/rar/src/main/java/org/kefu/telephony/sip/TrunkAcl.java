package org.kefu.telephony.sip;

import java.util.List;

/** Source addresses whose INVITEs are trusted as trunk calls (no digest challenge). */
public final class TrunkAcl {

    private final List<Cidr> blocks;

    public TrunkAcl(List<String> cidrs) {
        this.blocks = cidrs.stream().map(Cidr::parse).toList();
    }

    public boolean permits(String sourceIp) {
        for (Cidr block : blocks) {
            if (block.contains(sourceIp)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return blocks.toString();
    }
}
