package org.kefu.callflow;

/** Which part of Kefu answers a service number (shared/DEMO-CENTER.md, R-3.1). */
public enum ServiceEntry {
    BANKING, SECURITIES, UTILITIES, HOTLINE
}
