package org.kefu.telephony;

import java.util.Map;

/**
 * Third-party call control on the switch, switch-neutral. Every command is addressed by stable
 * ids; results arrive as {@link CallEvent}s; a command that cannot be carried out at all throws
 * {@link TelephonyException} with a plain-words reason. Commands are idempotent where the switch
 * allows it (answering an answered connection is not an error).
 */
public interface CallControl {

    LinkStatus linkStatus() throws TelephonyException;

    // --- basic call control (R-1.3) ---

    /** Answers an alerting connection. For a call waiting at a service number, the switch's media answers. */
    void answer(ConnectionId alerting) throws TelephonyException;

    /** Refuses an alerting call with a cause (BUSY for black-listed numbers, R-2.6). */
    void reject(ConnectionId alerting, ClearCause cause) throws TelephonyException;

    /** Takes one party out of a call. */
    void clearConnection(ConnectionId connection) throws TelephonyException;

    /** Ends the whole call for everyone. */
    void clearCall(CallId call) throws TelephonyException;

    /** Rings {@code destination} on behalf of {@code from} (click to dial, callbacks, routing to an agent). */
    CallId makeCall(DeviceId from, DeviceId destination, Map<String, String> data) throws TelephonyException;

    /**
     * Calls {@code destination} on behalf of a service number, with the switch's media as the
     * other side (an outbound IVR call: a reminder that speaks an amount and takes the customer's
     * keys). The destination is the call's caller: its connection, or the service number's, takes
     * prompts and digit collection once it is established; its hanging up ends the call; the call
     * can be routed on to an agent like an inbound one. Its data holds {@link CallData#ANI} (the
     * destination) and {@link CallData#DNIS} (the service number) beside {@code data}.
     */
    CallId dialOut(DeviceId service, DeviceId destination, Map<String, String> data) throws TelephonyException;

    /**
     * Connects a waiting call to a device: the device rings and, when it answers, is bridged with
     * the call's existing party (the ACD's "route to agent"). Returns the new connection.
     */
    ConnectionId routeTo(CallId call, DeviceId destination) throws TelephonyException;

    void hold(ConnectionId connection) throws TelephonyException;

    void retrieve(ConnectionId held) throws TelephonyException;

    /** Blind transfer: the other party is connected to {@code destination}, the transferring party leaves. */
    void singleStepTransfer(ConnectionId transferring, DeviceId destination) throws TelephonyException;

    /** Holds {@code active} and calls {@code destination} from the same device (consultation). */
    ConnectionId consultationCall(ConnectionId active, DeviceId destination) throws TelephonyException;

    /** Joins the held party with the consulted one; the transferring device leaves both. */
    void completeTransfer(ConnectionId held, ConnectionId consulted) throws TelephonyException;

    /** Swaps which of the two calls is held. */
    void alternate(ConnectionId held, ConnectionId active) throws TelephonyException;

    /** Three-party conference of the held and the active call. */
    void conference(ConnectionId held, ConnectionId active) throws TelephonyException;

    /** Sends a ringing call elsewhere before it is answered. */
    void deflect(ConnectionId alerting, DeviceId destination) throws TelephonyException;

    /** Answers at {@code picker} a call ringing at another device. */
    void pickup(ConnectionId alerting, DeviceId picker) throws TelephonyException;

    // --- media on a connection (IVR, queue announcements) ---

    void play(ConnectionId to, Prompt prompt) throws TelephonyException;

    void collectDigits(ConnectionId from, DigitCollection spec) throws TelephonyException;

    /** Records what the party says (voicemail); finished with {@link CallEvent.RecordingFinished}. */
    void record(ConnectionId of, int maxSeconds) throws TelephonyException;

    /** Records the whole call, all parties mixed, until it ends. */
    void recordCall(CallId call) throws TelephonyException;

    void stopMedia(ConnectionId connection) throws TelephonyException;

    /**
     * Sends DTMF on behalf of {@code from} to the other parties of its call, as if its phone's
     * keys were pressed (CSTA's GenerateDigits): an agent keying into an outside IVR or a bank's
     * host. {@code digits} are 1 to 32 of {@code 0-9 * # A-D}; anything else is refused with a
     * {@link TelephonyException} and nothing is sent. The digits are queued and sent one after
     * another (RFC 4733 telephone-events in the media, or SIP INFO to a party that negotiated no
     * telephone-event); the call returns once they are queued. Refused when {@code from} is on
     * hold or nobody else in the call is connected. Digits may be a PIN: the switch never logs them.
     */
    void sendDigits(ConnectionId from, String digits) throws TelephonyException;

    // --- supervision (R-8.1) ---

    ConnectionId monitor(CallId call, DeviceId supervisor, MonitorMode mode) throws TelephonyException;

    void changeMonitorMode(ConnectionId supervisor, MonitorMode mode) throws TelephonyException;

    // --- data that travels with the call (R-1.4) ---

    /** Adds key/values to the call's data; they follow the call through every transfer. */
    void attachData(CallId call, Map<String, String> data) throws TelephonyException;

    Map<String, String> callData(CallId call) throws TelephonyException;

    // --- snapshots ---

    CallSnapshot snapshotCall(CallId call) throws TelephonyException;

    DeviceSnapshot snapshotDevice(DeviceId device) throws TelephonyException;

    // --- devices ---

    /**
     * Allows an extension to register with the switch, with its digest secret
     * (HA1 = MD5(extension:realm:password), 32 hex digits). The application provisions its agents'
     * phones from its own database; the switch keeps no password file.
     */
    void provisionDevice(DeviceId device, String realm, String digestHa1) throws TelephonyException;

    /**
     * The same with the SHA-256 secret beside it (SHA-256(extension:realm:password), 64 hex digits,
     * RFC 8760), or null. Once every provisioned extension has one, the switch offers SHA-256
     * digests first to every phone; MD5 stays for phones that know nothing else.
     */
    void provisionDevice(DeviceId device, String realm, String digestHa1, String digestHa1Sha256)
            throws TelephonyException;

    /** Withdraws an extension's right to register. */
    void removeDevice(DeviceId device) throws TelephonyException;
}
