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

    @Override
    public MessageProcessor createMessageProcessor(SIPTransactionStack stack, InetAddress address, int port, String transport)
            throws IOException {
        if ("udp".equalsIgnoreCase(transport)) {
            return new BoundedUdpMessageProcessor(address, stack, port, UDP_QUEUE_CAPACITY);
        }
        return others.createMessageProcessor(stack, address, port, transport);
    }
}
