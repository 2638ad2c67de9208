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
 * the kernel drops one that finds the socket buffer full; an INVITE among them is answered "503
 * Service Unavailable" with Retry-After straight from this thread ({@link OverloadAnswer}), so
 * the caller's side learns at once instead of retransmitting until its timer gives up.
 */
final class BoundedUdpMessageProcessor extends UDPMessageProcessor {
    private static final Logger LOG = Logger.getLogger(BoundedUdpMessageProcessor.class);

    private final LongAdder dropped = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final int retryAfterSeconds;
    private volatile long lastWarnMillis;

    BoundedUdpMessageProcessor(InetAddress address, SIPTransactionStack stack, int port, int capacity, int retryAfterSeconds)
            throws IOException {
        super(address, stack, port);
        this.retryAfterSeconds = retryAfterSeconds;
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
                onDropped(message.packet);
                return false;
            }
        };
    }

    private void onDropped(java.net.DatagramPacket packet) {
        dropped.increment();
        // An INVITE gets a quick 503 (the response is routed back to where the request came from,
        // as the stack would with rport); everything else is just dropped.
        byte[] busy = OverloadAnswer.to(packet.getData(), packet.getLength(), retryAfterSeconds);
        if (busy != null && sock != null) {
            try {
                sock.send(new java.net.DatagramPacket(busy, busy.length, packet.getSocketAddress()));
                refused.increment();
            } catch (IOException | RuntimeException e) {
                LOG.debugf("503 for a dropped INVITE not sent: %s", e.getMessage());
            }
        }
        long now = System.currentTimeMillis();
        if (now - lastWarnMillis > 10_000) { // at most one line per 10 s under a flood
            lastWarnMillis = now;
            LOG.warnf("SIP over UDP on port %d: receive queue full (%d waiting), %d datagram(s) dropped so far, %d INVITE(s) among them answered 503",
                    getPort(), messageQueue.size(), dropped.sum(), refused.sum());
        }
    }

    /** Datagrams dropped because the queue was full, since the listener started. */
    long dropped() {
        return dropped.sum();
    }

    /** INVITEs among the dropped datagrams that were answered 503 at once. */
    long refused() {
        return refused.sum();
    }

    /** Datagrams waiting to be parsed, and how many more fit. */
    int queued() {
        return messageQueue.size();
    }

    int remainingCapacity() {
        return messageQueue.remainingCapacity();
    }
}
