package org.kefu.web.api;

/** A body read by hand that is not what the operation takes: 400 with the reason ({@link InvalidBodyMapper}). */
class InvalidBody extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidBody(String message) {
        super(message);
    }
}
