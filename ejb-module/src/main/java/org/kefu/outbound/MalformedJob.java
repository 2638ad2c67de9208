package org.kefu.outbound;

/** A job Kefu cannot carry out as written: dead-lettered with this message as its reason. */
public class MalformedJob extends Exception {

    public MalformedJob(String reason) {
        super(reason);
    }
}
