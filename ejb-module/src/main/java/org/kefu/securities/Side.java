package org.kefu.securities;

/** Buy or sell. */
public enum Side {
    BUY, SELL
}
