package org.kefu.outbound;

/**
 * The SMSC or mail server did not take a reminder. {@code retry}: it may take it later (down,
 * timed out); otherwise it refused this one for good (an invalid number or address).
 */
public class ChannelDown extends Exception {

    private final boolean retry;

    public ChannelDown(String message, boolean retry, Throwable cause) {
        super(message, cause);
        this.retry = retry;
    }

    public boolean retry() {
        return retry;
    }
}
