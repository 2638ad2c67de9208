package org.kefu.telephony.sip;

import javax.sip.ResponseEvent;

/** Whoever sent a request through a client transaction and waits for its responses. */
interface ResponseSink {

    void onResponse(ResponseEvent event);

    void onTimeout();
}
