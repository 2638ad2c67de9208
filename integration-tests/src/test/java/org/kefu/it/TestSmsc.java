package org.kefu.it;

import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator's SMSC for the tests: jsmpp's server side on a real socket, accepting every bind
 * and keeping every submitted message (destination and text, decoded from UCS-2 or the default
 * alphabet, from short_message or message_payload). Not Kefu's code under test: Kefu's SMPP client
 * talks to it as to a carrier's SMSC.
 */
final class TestSmsc implements AutoCloseable {

    record Sms(String messageId, String to, String from, String text) {
    }

    private final SMPPServerSessionListener listener;
    private final List<Sms> received = new CopyOnWriteArrayList<>();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private final Thread acceptor;

    TestSmsc(int port) throws IOException {
        listener = new SMPPServerSessionListener(port);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::accept, "test-smsc-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                BindRequest bind = session.waitForBind(5_000);
                bind.accept("kefu-it-smsc");
            } catch (Exception e) {
                return; // closed
            }
        }
    }

    /** What was submitted to {@code to}, oldest first. */
    List<Sms> to(String to) {
        List<Sms> found = new ArrayList<>();
        for (Sms s : received) {
            if (s.to().equals(to)) {
                found.add(s);
            }
        }
        return found;
    }

    @Override
    public void close() throws IOException {
        acceptor.interrupt();
        listener.close();
        for (SMPPServerSession s : sessions) {
            s.unbindAndClose();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            byte[] body = submit.getShortMessage();
            OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
            if ((body == null || body.length == 0) && payload instanceof OptionalParameter.OctetString o) {
                body = o.getValue();
            }
            String text = new String(body == null ? new byte[0] : body,
                    submit.getDataCoding() == 0x08 ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
            try {
                String id = Long.toString(ids.incrementAndGet());
                received.add(new Sms(id, submit.getDestAddress(), submit.getSourceAddr(), text));
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }
    }
}
