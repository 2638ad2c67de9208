package org.kefu.telephony.sip;

import java.util.List;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** Places outgoing INVITEs: to a registered extension's contact, or to any SIP URI (e.g. a trunk). */
public final class Uac {

    private final SipContext ctx;
    private final Registrations registrations;

    Uac(SipContext ctx, Registrations registrations) {
        this.ctx = ctx;
        this.registrations = registrations;
    }

    /**
     * Ring an agent's phone.
     *
     * @throws CallFailedException 480 when the extension has no live registration
     */
    public OutboundCall callExtension(String extension, String callerId) {
        Binding binding = registrations.contactFor(extension)
                .orElseThrow(() -> new CallFailedException(480, "extension " + extension + " not registered"));
        OutboundCall call = call(target(binding), callerId);
        call.deskPhone();
        return call;
    }

    /**
     * Where to send a registered phone's calls: its Contact when the Contact's host is the address
     * the REGISTER came from, else that source address and port (the phone behind NAT). Never a host
     * the phone merely names: a Contact of {@code sip:00441234@carrier-gateway} would otherwise have
     * Kefu place calls from its trusted address wherever one phone login asked (toll fraud).
     */
    static String target(Binding binding) {
        if (binding.sourceHost() == null) {
            return binding.contact();
        }
        try {
            javax.sip.address.URI uri = new gov.nist.javax.sip.address.AddressFactoryImpl().createURI(binding.contact());
            if (!(uri instanceof SipURI sip)) {
                throw new CallFailedException(480, "extension " + binding.aor() + " registered no SIP contact");
            }
            if ("tls".equalsIgnoreCase(binding.transport()) && sip.getTransportParam() == null) {
                sip.setTransportParam("tls"); // it registered over TLS: its calls go over TLS too
            }
            if (binding.sourceHost().equals(sip.getHost())) {
                return sip.toString();
            }
            sip.setHost(binding.sourceHost());
            sip.setPort(binding.sourcePort());
            sip.removeParameter("maddr");
            return sip.toString();
        } catch (java.text.ParseException e) {
            throw new CallFailedException(480, "extension " + binding.aor() + " registered an unreadable contact");
        }
    }

    /** INVITE to a SIP URI such as "sip:95500@10.0.0.5:5060". Runs on the caller's thread (asks the media engine for an offer). */
    public OutboundCall call(String targetUri, String callerId) {
        try {
            URI uri = ctx.addresses.createURI(targetUri);
            if (!(uri instanceof SipURI sipUri)) {
                throw new IllegalArgumentException("not a SIP URI: " + targetUri);
            }
            String transport = SipContext.transportOf(sipUri.getTransportParam());
            // Our own Call-ID: the stack's would end in @0.0.0.0 when Kefu listens on every interface.
            CallIdHeader callId = ctx.headers.createCallIdHeader(UUID.randomUUID() + "@" + ctx.config.contactHost());
            SipURI fromUri = ctx.addresses.createSipURI(callerId, ctx.config.contactHost());
            Address fromAddress = ctx.addresses.createAddress(fromUri);
            FromHeader from = ctx.headers.createFromHeader(fromAddress, UUID.randomUUID().toString().substring(0, 8));
            SipURI toUri = (SipURI) sipUri.clone();
            toUri.removeParameter("transport");
            toUri.removePort();
            ToHeader to = ctx.headers.createToHeader(ctx.addresses.createAddress(toUri), null);
            ViaHeader via = ctx.headers.createViaHeader(ctx.config.contactHost(), ctx.portFor(transport), transport, null);
            via.setRPort();
            CSeqHeader cseq = ctx.headers.createCSeqHeader(1L, Request.INVITE);
            MaxForwardsHeader maxForwards = ctx.headers.createMaxForwardsHeader(70);
            Request invite = ctx.messages.createRequest(uri, Request.INVITE, callId, cseq, from, to, List.of(via), maxForwards);
            invite.addHeader(ctx.contact(transport));
            invite.addHeader(ctx.headers.createAllowHeader(SipContext.ALLOW));
            SessionTimer.request(ctx, invite);
            // A key goes only where the signalling is TLS. Whether the far end is a desk phone is not
            // known here; for an offer it does not matter (both SRTP_PREFERRED and SRTP_ONLY offer SRTP).
            MediaSecurity security = MediaSecurity.forLeg(ctx.srtpPolicy, "tls".equalsIgnoreCase(transport), false);
            ctx.setSdp(invite, ctx.media.offer(callId.getCallId(), MediaDirection.SENDRECV, security));

            ClientTransaction tx = ctx.provider.getNewClientTransaction(invite);
            OutboundCall call = new OutboundCall(ctx, callId.getCallId(), tx, targetUri);
            Dialog dialog = ctx.provider.getNewDialog(tx);
            dialog.setApplicationData(call);
            call.dialog = dialog;
            tx.setApplicationData(call);
            ctx.calls.put(call.callId(), call);
            tx.sendRequest();
            return call;
        } catch (IllegalArgumentException | CallFailedException e) {
            throw e;
        } catch (Exception e) {
            throw new SipLinkException("cannot place call to " + targetUri, e);
        }
    }
}
