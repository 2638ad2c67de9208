package org.kefu.outbound;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.AccessTimeout;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jboss.logging.Logger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Sends SMS through the operator's SMSC over SMPP 3.4 (jsmpp), as a transmitter bound once and
 * kept; a lost bind is made again on the next message. Chinese text goes as UCS-2, plain ASCII
 * as the default alphabet; a text longer than one message travels whole in message_payload, so
 * the SMSC splits it. Where: {@code kefu.smpp.host}, {@code kefu.smpp.port}, the account
 * {@code kefu.smpp.systemId} with its password from the environment ({@code KEFU_SMPP_PASSWORD})
 * or {@code kefu.smpp.password}, never from the repository; the sender {@code kefu.smpp.source}.
 */
@Singleton
@PermitAll // local only: the dunning and ticket-answer deliveries
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // a socket, not a resource in the transaction
public class SmppSender {

    private static final Logger LOG = Logger.getLogger(SmppSender.class);
    private static final int TIMEOUT_MS = Integer.getInteger("kefu.smpp.timeoutMillis", 5_000);
    private static final int ONE_MESSAGE = 140; // octets in short_message

    private SMPPSession session;

    /** Submits one message; returns the SMSC's message id. */
    @Lock(LockType.WRITE) // one bind, one submit at a time: the SMSC's window is the pacing
    @AccessTimeout(value = 60, unit = TimeUnit.SECONDS)
    public String send(String to, String text) throws ChannelDown {
        boolean ascii = StandardCharsets.US_ASCII.newEncoder().canEncode(text);
        byte[] body = text.getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
        GeneralDataCoding coding = new GeneralDataCoding(ascii ? Alphabet.ALPHA_DEFAULT : Alphabet.ALPHA_UCS2);
        boolean whole = body.length <= ONE_MESSAGE;
        try {
            return bound().submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source(),
                    TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, to, new ESMClass(), (byte) 0, (byte) 1, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, coding, (byte) 0,
                    whole ? body : new byte[0],
                    whole ? new OptionalParameter[0]
                            : new OptionalParameter[] {new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), body)})
                    .getMessageId();
        } catch (NegativeResponseException e) {
            // The SMSC answered and refused this message: sending it again changes nothing.
            throw new ChannelDown("the SMSC refused the message (status " + e.getCommandStatus() + ")", false, e);
        } catch (PDUException e) {
            throw new ChannelDown("the message cannot be encoded for SMPP: " + e.getMessage(), false, e);
        } catch (IOException | ResponseTimeoutException | InvalidResponseException | RuntimeException e) {
            drop();
            throw new ChannelDown("the SMSC is unreachable: " + e.getMessage(), true, e);
        }
    }

    private SMPPSession bound() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession s = new SMPPSession();
        s.setTransactionTimer(TIMEOUT_MS);
        String host = System.getProperty("kefu.smpp.host", "127.0.0.1");
        int port = Integer.getInteger("kefu.smpp.port", 2775);
        s.connectAndBind(host, port, new BindParameter(BindType.BIND_TX, System.getProperty("kefu.smpp.systemId", "kefu"),
                password(), "kefu", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), TIMEOUT_MS);
        LOG.infof("Bound to the SMSC at %s:%d as a transmitter", host, port);
        session = s;
        return s;
    }

    private static String password() {
        String env = System.getenv("KEFU_SMPP_PASSWORD");
        return env != null ? env : System.getProperty("kefu.smpp.password", "");
    }

    private static String source() {
        return System.getProperty("kefu.smpp.source", "10690000");
    }

    @PreDestroy
    void drop() {
        if (session != null) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException e) {
                LOG.debugf("closing the SMPP session: %s", e);
            }
            session = null;
        }
    }
}
