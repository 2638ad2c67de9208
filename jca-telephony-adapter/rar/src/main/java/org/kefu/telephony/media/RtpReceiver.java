package org.kefu.telephony.media;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.jboss.logging.Logger;

/**
 * One thread and one {@link Selector} that read every session's non-blocking RTP and RTCP channel,
 * so receiving does not need a thread per call. The handler is called on this thread with a shared
 * buffer that is only valid during the call: handlers must copy what they keep and must not block.
 */
public final class RtpReceiver implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RtpReceiver.class);
    /** Per channel per wake-up, so one flooded port cannot starve the others. */
    private static final int MAX_READS_PER_KEY = 32;

    @FunctionalInterface
    public interface DatagramHandler {
        void onDatagram(byte[] data, int length, InetSocketAddress from);
    }

    private final Selector selector;
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final byte[] bytes = new byte[2048];
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    private final Thread thread;
    private volatile boolean running = true;

    public RtpReceiver() throws IOException {
        selector = Selector.open();
        thread = new Thread(this::loop, "kefu-media-rx");
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY); // with -XX:ThreadPriorityPolicy=1 it outranks SIP parsing

        thread.start();
    }

    public void register(DatagramChannel channel, DatagramHandler handler) throws IOException {
        channel.configureBlocking(false);
        pending.add(() -> {
            try {
                if (channel.isOpen()) {
                    channel.register(selector, SelectionKey.OP_READ, handler);
                }
            } catch (IOException e) {
                LOG.warnf(e, "cannot register RTP channel");
            }
        });
        selector.wakeup();
    }

    /**
     * Closes channels on the receive thread and then runs {@code after} (which may hand the ports
     * back): a channel registered with a selector keeps its port bound until the selector has
     * deregistered it. The caller does not wait: a call's end must not stall on the receive thread.
     */
    public void closeLater(Runnable after, DatagramChannel... channels) {
        Runnable task = () -> {
            for (DatagramChannel ch : channels) {
                try {
                    ch.close();
                } catch (IOException e) {
                    LOG.debug("closing RTP channel", e);
                }
            }
            try {
                selector.selectNow(); // flushes the cancelled keys, which really closes the sockets
            } catch (IOException | ClosedSelectorException e) {
                LOG.debug("flushing selector", e);
            }
            after.run();
        };
        if (Thread.currentThread() == thread || !running) {
            task.run();
            return;
        }
        pending.add(task);
        selector.wakeup();
    }

    private void loop() {
        while (running) {
            try {
                selector.select();
                Runnable r;
                while ((r = pending.poll()) != null) {
                    r.run();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isValid()) {
                        drain(key);
                    }
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "RTP receive loop error");
            }
        }
    }

    private void drain(SelectionKey key) {
        DatagramChannel channel = (DatagramChannel) key.channel();
        DatagramHandler handler = (DatagramHandler) key.attachment();
        for (int i = 0; i < MAX_READS_PER_KEY; i++) {
            InetSocketAddress from;
            buffer.clear();
            try {
                from = (InetSocketAddress) channel.receive(buffer);
            } catch (IOException e) {
                // e.g. ICMP port unreachable surfaced on a connected channel: not fatal
                return;
            }
            if (from == null) {
                return;
            }
            try {
                handler.onDatagram(bytes, buffer.position(), from);
            } catch (RuntimeException e) {
                LOG.debugf(e, "RTP handler failed");
            }
        }
    }

    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runnable r;
        while ((r = pending.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.debug("closing RTP receiver", e);
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing selector", e);
        }
    }
}
