package org.kefu.telephony.sip;

import gov.nist.javax.sip.stack.MessageProcessor;
import gov.nist.javax.sip.stack.MessageProcessorFactory;
import gov.nist.javax.sip.stack.OIOMessageProcessorFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.io.IOException;
import java.net.InetAddress;

/**
 * The message processors of Kefu's SIP stack: UDP with a bounded receive queue
 * ({@link BoundedUdpMessageProcessor}), TCP as JAIN-SIP makes it (a TCP sender waits for the
 * window: the kernel bounds that). JAIN-SIP instantiates this class by name
 * ({@code gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY}), so it needs a public no-argument
 * constructor and takes its capacity from a constant.
 */
public final class BoundedMessageProcessorFactory implements MessageProcessorFactory {
    /**
     * Datagrams that may wait to be parsed. At the ~3,000 messages a second the stack parses on two
     * cores that is well under a second of backlog; with buffers of MAX_MESSAGE_SIZE (16 KiB) at
     * most 64 MiB.
     */
    static final int UDP_QUEUE_CAPACITY = 4096;

    private final OIOMessageProcessorFactory others = new OIOMessageProcessorFactory();

    /**
     * What JAIN-SIP's own factory does besides creating the processor: it tells the stack that UDP
     * is there (a package-private flag the stack consults when it sends). Without it the stack's
     * client transactions over UDP never complete (outgoing calls time out).
     */
    private static void markUdpPresent(SIPTransactionStack stack) throws IOException {
        try {
            java.lang.reflect.Field flag = SIPTransactionStack.class.getDeclaredField("udpFlag");
            flag.setAccessible(true);
            flag.setBoolean(stack, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot enable UDP on this JAIN-SIP version (field udpFlag): " + e, e);
        }
    }

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port, String transport)
            throws IOException {
        if ("udp".equalsIgnoreCase(transport)) {
            MessageProcessor udp = new BoundedUdpMessageProcessor(address, stack, port, UDP_QUEUE_CAPACITY);
            markUdpPresent(stack);
            return udp;
        }
        return others.createMessageProcessor(stack, address, port, transport);
    }
}
