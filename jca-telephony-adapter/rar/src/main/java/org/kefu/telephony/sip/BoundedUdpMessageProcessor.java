package org.kefu.telephony.sip;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageProcessor;
import java.io.IOException;
import java.net.InetAddress;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * JAIN-SIP's UDP listener with a bounded receive queue. The stock processor hands every datagram
 * to its parsing threads through an unbounded queue, each entry holding a buffer of the largest
 * datagram size, and drops entries only once they are 8 s old: a flood that arrives faster than
 * the stack parses (a cold server offered 1,500 calls/s) filled a 2 GB heap within a minute and
 * killed the listener thread. Here a datagram that finds the queue full is dropped at once, as
 * the kernel drops one that finds the socket buffer full: the sender's retransmission timers
 * (RFC 3261, 17.1.1.2) try again, and what does get through is answered, 503 included.
 */
final class BoundedUdpMessageProcessor extends UDPMessageProcessor {
    private static final Logger LOG = Logger.getLogger(BoundedUdpMessageProcessor.class);

    private final LongAdder dropped = new LongAdder();
    private volatile long lastWarnMillis;

    BoundedUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port, int capacity) throws IOException {
        super(address, stack, port);
        if (capacity < 1) {
            throw new IllegalArgumentException("UDP receive queue capacity must be positive: " + capacity);
        }
        // Replaced before start(): the parsing threads read the field when they take a message.
        this.messageQueue = new LinkedBlockingQueue<>(capacity) {
            private static final long serialVersionUID = 1L;

            @Override
            public boolean offer(DatagramQueuedMessageDispatch message) {
                if (super.offer(message)) {
                    return true;
                }
                onDropped();
                return false;
            }
        };
    }

    private void onDropped() {
        dropped.increment();
        long now = System.currentTimeMillis();
        if (now - lastWarnMillis > 10_000) { // at most one line per 10 s under a flood
            lastWarnMillis = now;
            LOG.warnf("SIP over UDP on port %d: receive queue full (%d waiting), %d datagram(s) dropped so far",
                    getPort(), messageQueue.size(), dropped.sum());
        }
    }

    /**
     * JAIN-SIP's listener thread fills {@code messageChannels} only once it runs, while {@code stop()}
     * iterates that list: a stop right after a start failed with ConcurrentModificationException (or
     * found no list yet), and the stack's teardown ended there, leaving the TCP port bound for the
     * next start. Stopping again once the list is complete closes every channel; each step is idempotent.
     */
    @Override
    public void stop() {
        for (int attempt = 1; ; attempt++) {
            try {
                super.stop();
                return;
            } catch (java.util.ConcurrentModificationException | NullPointerException e) {
                if (attempt == 50) {
                    LOG.warnf(e, "SIP over UDP on port %d: could not close every parsing channel", getPort());
                    return;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Datagrams dropped because the queue was full, since the listener started. */
    long dropped() {
        return dropped.sum();
    }

    /** Datagrams waiting to be parsed. */
    int queued() {
        return messageQueue.size();
    }
}
