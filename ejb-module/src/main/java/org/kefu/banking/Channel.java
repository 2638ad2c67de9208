package org.kefu.banking;

/** Where an operation came from. */
public enum Channel {
    IVR, AGENT, BACKOFFICE
}
